package io.kaquan.sandbox.push;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One delivery of a push: what was sent where, what came back, how long it took. */
@Entity
@Table(name = "sbx_push_attempt")
public class SandboxPushAttempt extends PanacheEntityBase {

    public enum Outcome {
        /** 2xx with "success" or an empty body. */
        OK,
        /** 2xx with anything else: WeChat shows the user an error and does not retry. */
        BAD_REPLY,
        /** Not 2xx: retried. */
        HTTP_ERROR,
        /** No answer within the push timeout: retried. */
        TIMEOUT,
        /** Connection refused or broken: retried. */
        NO_ANSWER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "push_id", nullable = false)
    public Long pushId;

    @Column(nullable = false)
    public int attempt;

    @Column(nullable = false)
    public String url;

    /** The HTTP body as sent. */
    @Column(nullable = false)
    public String request;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "http_status")
    public Integer httpStatus;

    public String reply;

    public String error;

    @Column(name = "latency_ms", nullable = false)
    public int latencyMs;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "next_retry_at")
    public Instant nextRetryAt;
}
