package io.kaquan.code;

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

import io.kaquan.wechat.UserCardStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A code of one of a tenant's cards as Kaquan knows it, from pushed events and lookups (the code mirror). */
@Entity
@Table(name = "card_code")
public class CardCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "card_id", nullable = false)
    public String cardId;

    @Column(nullable = false)
    public String code;

    /** The wallet owner (changes when a gift is accepted). */
    public String openid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UserCardStatus status;

    @Column(name = "begin_time")
    public Instant beginTime;

    @Column(name = "end_time")
    public Instant endTime;

    public String source;

    /** The OuterStr of the user_get_card that brought the code (a QR code's channel); null when received otherwise. */
    @Column(name = "outer_str")
    public String outerStr;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "consumed_at")
    public Instant consumedAt;

    @Column(name = "last_event_id")
    public Long lastEventId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<CardCode> of(long tenantId, String cardId, String code) {
        return find("tenantId = ?1 and cardId = ?2 and code = ?3", tenantId, cardId, code).firstResultOptional();
    }
}
