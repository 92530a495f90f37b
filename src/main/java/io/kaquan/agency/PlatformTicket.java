package io.kaquan.agency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The latest component_verify_ticket of a platform, one row per platform shared by every node, sealed at rest: after
 * a restart (or on another node) the platform gets a component token at once instead of waiting 10 minutes.
 */
@Entity
@Table(name = "agency_ticket")
public class PlatformTicket extends PanacheEntityBase {

    /** A ticket lives 12 hours. */
    static final Duration LIFETIME = Duration.ofHours(12);

    @Id
    @Column(name = "platform_appid")
    public String platformAppid;

    @Column(name = "ticket_enc", nullable = false)
    String sealedTicket;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    static Optional<PlatformTicket> of(String platformAppid) {
        return findByIdOptional(platformAppid);
    }
}
