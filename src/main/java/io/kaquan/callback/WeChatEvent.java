package io.kaquan.callback;

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

/**
 * One event WeChat pushed for a tenant, stored before "success" was answered (the inbox). Rows are inserted by
 * {@link Inbox} with native SQL (insert-or-ignore on the dedupe key, fields as jsonb, which this entity leaves
 * unmapped: pages read the fields from the raw XML, in WeChat's order).
 */
@Entity
@Table(name = "wechat_event")
public class WeChatEvent extends PanacheEntityBase {

    public enum Status {
        /** Stored, waiting for the processor. */
        RECEIVED,
        /** Its effect was applied. */
        PROCESSED,
        /** No effect for this event type. */
        IGNORED,
        /** The last attempt failed; retried at next_attempt_at. */
        FAILED,
        /** Attempts used up; a person can replay it. */
        DEAD;

        public boolean replayable() {
            return this == FAILED || this == DEAD;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "dedupe_key", nullable = false)
    public String dedupeKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "from_user", nullable = false)
    public String fromUser;

    /** WeChat's CreateTime, Unix seconds. */
    @Column(name = "create_time", nullable = false)
    public long createTime;

    @Column(name = "card_id")
    public String cardId;

    @Column(name = "user_card_code")
    public String userCardCode;

    @Column(name = "raw_xml", nullable = false)
    public String rawXml;

    @Column(name = "arrived_as", nullable = false)
    public String arrivedAs;

    @Column(name = "previous_key", nullable = false)
    public boolean previousKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column
    public String outcome;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    public Instant createdAt() {
        return Instant.ofEpochSecond(createTime);
    }
}
