package io.kaquan.sandbox.open;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A short-lived value a platform is given: a verify ticket, a component token, a pre-auth or authorization code. */
@Entity
@Table(name = "sbx_open_credential")
public class OpenCredential extends PanacheEntityBase {

    public enum Kind {
        TICKET,
        COMPONENT_TOKEN,
        PRE_AUTH_CODE,
        AUTH_CODE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "platform_id", nullable = false)
    public Long platformId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false, unique = true)
    public String value;

    /** Of an authorization code: the authorization it reports. */
    @Column(name = "authorization_id")
    public Long authorizationId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** A token: replaced (may lie in the future, the overlap). A code: consumed. */
    @Column(name = "ended_at")
    public Instant endedAt;

    public static Optional<OpenCredential> find(Kind kind, String value) {
        return value == null ? Optional.empty() : find("kind = ?1 and value = ?2", kind, value).firstResultOptional();
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean endedBy(Instant now) {
        return endedAt != null && !now.isBefore(endedAt);
    }
}
