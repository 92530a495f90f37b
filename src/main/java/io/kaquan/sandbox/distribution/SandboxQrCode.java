package io.kaquan.sandbox.distribution;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A QR code made by card/qrcode/create: its ticket, the cards a scan hands out and how long it may be scanned. */
@Entity(name = "SandboxQrCode")
@Table(name = "sbx_card_qrcode")
public class SandboxQrCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(nullable = false)
    public String ticket;

    @Column(name = "url_token", nullable = false)
    public String urlToken;

    /** QR_CARD or QR_MULTIPLE_CARD. */
    @Column(name = "action_name", nullable = false)
    public String actionName;

    /** [{"card_id","code","openid","outer_id","outer_str"}…] as sent. */
    @Column(name = "cards_json", nullable = false)
    public String cardsJson;

    @Column(name = "is_unique_code", nullable = false)
    public boolean uniqueCode;

    @Column(name = "expire_at")
    public Instant expireAt;

    @Column(name = "expire_seconds", nullable = false)
    public int expireSeconds;

    @Column(nullable = false)
    public int scans;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean expired(Instant now) {
        return expireAt != null && !now.isBefore(expireAt);
    }

    public static Optional<SandboxQrCode> byTicketForUpdate(String ticket) {
        return find("ticket", ticket).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<SandboxQrCode> byTicket(String ticket) {
        return find("ticket", ticket).firstResultOptional();
    }

    public static Optional<SandboxQrCode> byUrlToken(String token) {
        return find("urlToken", token).firstResultOptional();
    }
}
