package io.kaquan.code;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

import io.kaquan.wechat.CallState;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An invalidation, code change or redemption, recorded before its WeChat call (none may be sent twice blindly) and
 * settled after it, or later by reading the code with code/get when the call's outcome was uncertain
 * ({@link CodeSettlement}, decisions in {@link Settling}).
 */
@Entity
@Table(name = "code_operation")
public class CodeOperation extends PanacheEntityBase {

    /** What the operation asks of WeChat; {@code proof} is the status code/get shows once it was done (if any). */
    public enum Kind {
        /** card/code/unavailable */
        UNAVAILABLE(UserCardStatus.UNAVAILABLE),
        /** card/code/update: proven by the new code being found, not by a status */
        UPDATE(null),
        /** card/code/consume (redemption at the counter) */
        CONSUME(UserCardStatus.CONSUMED);

        final UserCardStatus proof;

        Kind(UserCardStatus proof) {
            this.proof = proof;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "card_id", nullable = false)
    public String cardId;

    @Column(nullable = false)
    public String code;

    @Column(name = "new_code")
    public String newCode;

    @Column(nullable = false)
    public String reason;

    @Column(name = "actor_id")
    public Long actorId;

    @Column(nullable = false)
    public String who;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallState state;

    public Integer errcode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "settled_at")
    public Instant settledAt;

    /**
     * Until when an unchanged code does not prove the operation was not applied (its call may still reach WeChat);
     * null while in flight, when {@code createdAt} plus the settle time counts.
     */
    @Column(name = "settles_at")
    public Instant settlesAt;

    /** The operation of this tenant, locked, to settle it once. */
    static Optional<CodeOperation> forSettling(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static Optional<CodeOperation> of(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** Operations whose outcome is still to be learned: uncertain ones, and calls cut off in flight. */
    public static List<CodeOperation> open(long tenantId) {
        return list("tenantId = ?1 and (state = ?2 or (state = ?3 and createdAt < ?4)) order by createdAt desc",
                tenantId, CallState.UNCERTAIN, CallState.PENDING, Settling.cutOff(Instant.now()));
    }

    /** The open operations that concern a code (as the code operated on, or as the new code of a change). */
    static List<CodeOperation> openFor(long tenantId, String code) {
        return open(tenantId).stream().filter(op -> op.code.equals(code) || code.equals(op.newCode)).toList();
    }

    public static List<CodeOperation> recent(long tenantId, int count) {
        return find("tenantId = ?1 order by createdAt desc, id desc", tenantId).page(0, count).list();
    }

    /** One user's redemptions since an instant, newest first: the counter's shift. */
    static List<CodeOperation> redemptionsOf(long tenantId, long actorId, Instant since, int count) {
        return find("tenantId = ?1 and kind = ?2 and actorId = ?3 and createdAt >= ?4 order by createdAt desc, id desc",
                tenantId, Kind.CONSUME, actorId, since).page(0, count).list();
    }

    /** When an unchanged code read back settles this operation as not applied. */
    Instant settlesAt(Duration settleTime) {
        return settlesAt != null ? settlesAt : createdAt.plus(settleTime);
    }

    /** Awaits a reading of WeChat: uncertain, or cut off in flight. */
    public boolean isOpen() {
        return Settling.awaitsReading(state, createdAt, Instant.now());
    }
}
