package io.kaquan.card;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.CardType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The mirror of one of a tenant's cards: what Kaquan last learned from WeChat (card/get, batchget, pushed events).
 * Always looked up with its tenant ({@link #of}); a card id alone never identifies a row across tenants.
 */
@Entity
@Table(name = "card")
public class Card extends PanacheEntityBase {

    public enum Origin {
        /** Created through Kaquan's wizard. */
        KAQUAN,
        /** Found in WeChat by the sync or an event (made in the MP console or elsewhere). */
        DISCOVERED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "card_id", nullable = false)
    public String cardId;

    /** GROUPON, CASH, DISCOUNT, GIFT, GENERAL_COUPON, or another WeChat type when discovered. */
    @Column(name = "card_type", nullable = false)
    public String cardType;

    @Column(nullable = false)
    public String title = "";

    @Column(name = "brand_name", nullable = false)
    public String brandName = "";

    public String color;

    @Column(name = "logo_url")
    public String logoUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CardStatus status;

    @Column(name = "refusal_reason")
    public String refusalReason;

    /** Remaining stock (sku.quantity). */
    public Integer quantity;

    @Column(name = "total_quantity")
    public Integer totalQuantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;

    /** The card/create body exactly as sent (wizard cards). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sent_json")
    public String sentJson;

    /** The last card/get answer's "card" object. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "detail_json")
    public String detailJson;

    @Column(name = "received_count", nullable = false)
    public int receivedCount;

    @Column(name = "consumed_count", nullable = false)
    public int consumedCount;

    @Column(name = "gifted_count", nullable = false)
    public int giftedCount;

    @Column(name = "deleted_count", nullable = false)
    public int deletedCount;

    @Column(name = "paid_count", nullable = false)
    public int paidCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "refreshed_at")
    public Instant refreshedAt;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** When an applied push last moved {@link #quantity} (see {@link #takeReceived}); null when none has. */
    @Column(name = "stock_event_at")
    public Instant stockEventAt;

    /** The pay cell (微信买单) as Kaquan last set it; null when never set through Kaquan (card/get does not say). */
    @Column(name = "pay_cell_open")
    public Boolean payCellOpen;

    /** The self-consume cell (自助核销) as Kaquan last set it; null when never set through Kaquan. */
    @Column(name = "self_consume_cell_open")
    public Boolean selfConsumeCellOpen;

    /** The colour as a checked CSS hex value (older rows hold palette names such as Color010), or null. */
    public String colorHex() {
        return CardView.hex(color);
    }

    public static Optional<Card> of(long tenantId, String cardId) {
        return find("tenantId = ?1 and cardId = ?2", tenantId, cardId).firstResultOptional();
    }

    /** Sets the status, remembering when it changed. */
    public void changeStatus(CardStatus newStatus, Instant at) {
        if (newStatus != status) {
            status = newStatus;
            statusChangedAt = at;
        }
    }

    /**
     * A user received a new code from the card's stock (a user_get_card that is not a friend's gift): one fewer
     * remains, as in WeChat. Called once per code, when its receipt is first applied. WeChat takes the stock before it
     * pushes, so a push that reached Kaquan before the last card/get was read is already in that figure and moves
     * nothing (the push's arrival, not its CreateTime: the sandbox back-dates CreateTime); a figure never read moves
     * nothing either. Never below 0. Answers whether the figure moved.
     */
    public boolean takeReceived(Instant pushArrivedAt, Instant now) {
        if (quantity == null || quantity <= 0) {
            return false;
        }
        if (refreshedAt != null && pushArrivedAt != null && pushArrivedAt.isBefore(refreshedAt)) {
            return false;
        }
        quantity--;
        stockEventAt = now;
        return true;
    }

    /** The card's type as Kaquan knows types ({@link CardType#OTHER} for a type made elsewhere). */
    public CardType type() {
        return CardType.of(cardType);
    }
}
