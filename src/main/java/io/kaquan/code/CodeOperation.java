package io.kaquan.code;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/**
 * An invalidation or code change, recorded before its WeChat call (neither may be sent twice blindly) and settled
 * after it, or later by reading the code with code/get when the call's outcome was uncertain.
 */
@Entity
@Table(name = "code_operation")
public class CodeOperation extends PanacheEntityBase {

    public enum Kind {
        /** card/code/unavailable */
        UNAVAILABLE,
        /** card/code/update */
        UPDATE
    }

    public enum State {
        PENDING, APPLIED, NOT_APPLIED, UNKNOWN
    }

    /** A call in flight longer than this was cut off (a node stopped mid-call): its outcome is unknown. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(2);

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
    public State state;

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
                tenantId, State.UNKNOWN, State.PENDING, Instant.now().minus(IN_FLIGHT));
    }

    /** The open operations that concern a code (as the code operated on, or as the new code of a change). */
    static List<CodeOperation> openFor(long tenantId, String code) {
        return open(tenantId).stream().filter(op -> op.code.equals(code) || code.equals(op.newCode)).toList();
    }

    public static List<CodeOperation> recent(long tenantId, int count) {
        return find("tenantId = ?1 order by createdAt desc, id desc", tenantId).page(0, count).list();
    }

    /** When an unchanged code read back settles this operation as not applied. */
    Instant settlesAt(Duration settleTime) {
        return settlesAt != null ? settlesAt : createdAt.plus(settleTime);
    }

    public boolean isOpen() {
        return state == State.UNKNOWN
                || (state == State.PENDING && createdAt.isBefore(Instant.now().minus(IN_FLIGHT)));
    }
}
