package io.kaquan.sandbox.cards;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A card template (one card_id) of a sandbox account. {@link #cardJson} is the type object as card/get shows it;
 * the columns are what the simulator decides with (stock, review, validity, cells).
 */
@Entity(name = "SandboxCard")
@Table(name = "sbx_card")
public class CardTemplate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "card_id", nullable = false, unique = true)
    public String cardId;

    @Enumerated(EnumType.STRING)
    @Column(name = "card_type", nullable = false)
    public SimulatedCardType cardType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SimulatedCardStatus status;

    @Column(name = "card_json", nullable = false)
    public String cardJson;

    @Column(nullable = false)
    public String title;

    @Column(name = "brand_name", nullable = false)
    public String brandName;

    /** Stock left (sku.quantity). */
    @Column(nullable = false)
    public long quantity;

    /** Stock ever made available (sku.total_quantity). */
    @Column(name = "total_quantity", nullable = false)
    public long totalQuantity;

    /** The stock at creation, for the card_sku_remind rule ("initial stock > 200"). */
    @Column(name = "initial_quantity", nullable = false)
    public long initialQuantity;

    @Column(name = "use_custom_code", nullable = false)
    public boolean useCustomCode;

    @Column(name = "bind_openid", nullable = false)
    public boolean bindOpenid;

    @Column(name = "can_give_friend", nullable = false)
    public boolean canGiveFriend;

    @Column(name = "get_limit", nullable = false)
    public int getLimit;

    @Column(name = "date_type", nullable = false)
    public String dateType;

    @Column(name = "begin_at")
    public Instant beginAt;

    @Column(name = "end_at")
    public Instant endAt;

    @Column(name = "fixed_term")
    public Integer fixedTerm;

    @Column(name = "fixed_begin_term")
    public Integer fixedBeginTerm;

    @Column(name = "has_locations", nullable = false)
    public boolean hasLocations;

    @Column(name = "pay_cell", nullable = false)
    public boolean payCell;

    @Column(name = "self_consume_cell", nullable = false)
    public boolean selfConsumeCell;

    @Column(name = "need_verify_cod", nullable = false)
    public boolean needVerifyCod;

    @Column(name = "need_remark_amount", nullable = false)
    public boolean needRemarkAmount;

    @Column(name = "need_push_on_view", nullable = false)
    public boolean needPushOnView;

    /** datacube cond_source: 1 created through the API, 0 on the MP console. */
    @Column(nullable = false)
    public int source = 1;

    @Column(name = "refuse_reason")
    public String refuseReason;

    @Column(name = "review_due_at")
    public Instant reviewDueAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "sku_reminded_at")
    public Instant skuRemindedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public CardRules.Dates dates() {
        return new CardRules.Dates(dateType, beginAt, endAt, fixedTerm, fixedBeginTerm);
    }

    public static Optional<CardTemplate> byCardId(String cardId) {
        return find("cardId", cardId).firstResultOptional();
    }

    public static Optional<CardTemplate> byCardIdForUpdate(String cardId) {
        return find("cardId", cardId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
