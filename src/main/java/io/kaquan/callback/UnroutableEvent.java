package io.kaquan.callback;

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

/** A push kept apart for the platform admin: no tenant for its ToUserName, or one we could not open. */
@Entity
@Table(name = "unroutable_event")
public class UnroutableEvent extends PanacheEntityBase {

    public enum Reason {
        /** No tenant has this ToUserName (original id). */
        UNKNOWN_ACCOUNT,
        /** Correctly signed, but encrypted for another appid. */
        APPID_MISMATCH,
        /** Correctly signed, but neither the current nor the previous EncodingAESKey opens it. */
        UNDECRYPTABLE,
        /** Correctly signed and decrypted, but the ToUserName inside is another account's. */
        ACCOUNT_MISMATCH
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason;

    @Column(name = "to_user_name", nullable = false)
    public String toUserName;

    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(nullable = false)
    public String query;

    @Column(nullable = false)
    public String body;

    @Column
    public String detail;

    @Column(name = "remote_addr")
    public String remoteAddr;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Newest first, before the given id (paging). */
    public static List<UnroutableEvent> page(Long before, int size) {
        return before == null ? find("order by id desc").page(0, size).list()
                : find("id < ?1 order by id desc", before).page(0, size).list();
    }
}
