package io.kaquan.wechat;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tenant's current wx_card api_ticket, shared by every node, sealed and bound to the tenant ({@link TokenSeal}). */
@Entity
@Table(name = "card_api_ticket")
public class CardApiTicket extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false, unique = true)
    public Long tenantId;

    @Column(name = "ticket", nullable = false)
    String sealedTicket;

    @Column(name = "obtained_at", nullable = false)
    public Instant obtainedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    static Optional<CardApiTicket> ofTenant(long tenantId) {
        return find("tenantId", tenantId).firstResultOptional();
    }
}
