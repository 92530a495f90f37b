package io.kaquan.sandbox.push;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event pushed to an account's callback, with its delivery state; attempts are {@link SandboxPushAttempt}s. */
@Entity
@Table(name = "sbx_push")
public class SandboxPush extends PanacheEntityBase {

    public enum Status {
        /** Waiting for its next attempt (next_attempt_at). */
        PENDING,
        /** An attempt is running on some node (lease_until). */
        SENDING,
        /** The callback answered "success" or an empty body. */
        DELIVERED,
        /** Attempts used up, a reply that was neither "success" nor empty, or no callback URL. */
        FAILED,
        /** Dropped by the "drop pushes" fault. */
        DROPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The event XML before signing and encryption. */
    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "http_status")
    public Integer httpStatus;

    public String reply;

    @Column(name = "latency_ms")
    public Integer latencyMs;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public static List<SandboxPush> recentOf(Long accountId, int max) {
        return find("accountId = ?1 order by id desc", accountId).page(0, max).list();
    }

    public List<SandboxPushAttempt> attemptList() {
        return SandboxPushAttempt.list("pushId = ?1 order by attempt", id);
    }
}
