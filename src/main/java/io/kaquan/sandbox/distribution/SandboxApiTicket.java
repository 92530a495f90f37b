package io.kaquan.sandbox.distribution;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A wx_card api_ticket the sandbox issued (cgi-bin/ticket/getticket), valid until it expires. */
@Entity(name = "SandboxApiTicket")
@Table(name = "sbx_api_ticket")
public class SandboxApiTicket extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String ticket;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** The account's tickets that still work. */
    public static List<SandboxApiTicket> validOf(Long accountId, Instant now) {
        return list("accountId = ?1 and expiresAt > ?2", accountId, now);
    }
}
