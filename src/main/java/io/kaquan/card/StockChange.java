package io.kaquan.card;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kaquan.wechat.CallState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A stock change of a card, recorded before card/modifystock is sent (the intent) and settled afterwards: by WeChat's
 * answer, or, when there was none, by comparing card/get's total_quantity with the total expected after the change.
 */
@Entity
@Table(name = "stock_change")
public class StockChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "operation_id", nullable = false)
    public UUID operationId;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "card_id", nullable = false)
    public String cardId;

    @Column(nullable = false)
    public int delta;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallState state;

    @Column(name = "total_before", nullable = false)
    public int totalBefore;

    @Column(name = "quantity_before", nullable = false)
    public int quantityBefore;

    @Column(name = "total_expected", nullable = false)
    public int totalExpected;

    @Column(name = "total_seen")
    public Integer totalSeen;

    @Column(name = "requested_by")
    public Long requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "settles_at")
    public Instant settlesAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The operator who settled it by hand (only when no card/get could), and their note. */
    @Column(name = "settled_by")
    public Long settledBy;

    @Column(name = "settle_note")
    public String settleNote;

    public Integer errcode;

    public String error;

    /** How a person refers to the change: the operation id's first eight digits (the whole id is for support). */
    public String shortReference() {
        return operationId == null ? "" : operationId.toString().substring(0, 8);
    }

    public static Optional<StockChange> of(long tenantId, UUID operationId) {
        return find("tenantId = ?1 and operationId = ?2", tenantId, operationId).firstResultOptional();
    }

    /** The card's change whose outcome is still open, if any (at most one: a partial unique index). */
    public static Optional<StockChange> openOf(long tenantId, String cardId) {
        return find("tenantId = ?1 and cardId = ?2 and state in ?3", tenantId, cardId,
                List.of(CallState.PENDING, CallState.UNCERTAIN)).firstResultOptional();
    }

    public static List<StockChange> recentOf(long tenantId, String cardId, int limit) {
        return find("tenantId = ?1 and cardId = ?2 order by requestedAt desc, id desc", tenantId, cardId)
                .page(0, limit).list();
    }

    /**
     * Open, and the last card/get showed a total that is neither the one before nor the expected one: no reading can
     * tell any more whether this change took effect (total_quantity moved by some other change too), a person must.
     */
    public boolean undecidable() {
        return state == CallState.UNCERTAIN && totalSeen != null && totalSeen != totalBefore && totalSeen != totalExpected;
    }

    public boolean increase() {
        return delta > 0;
    }

    public int amount() {
        return Math.abs(delta);
    }
}
