package io.kaquan.wechat;

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

/**
 * A tenant's current access token, shared by every node ({@link TokenBroker} keeps a copy in memory). Stored sealed
 * and bound to the tenant ({@link TokenSeal}): the database alone does not give it away.
 */
@Entity
@Table(name = "access_token")
public class AccessToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false, unique = true)
    public Long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TokenMode kind;

    @Column(name = "token", nullable = false)
    String sealedToken;

    @Column(name = "obtained_at", nullable = false)
    public Instant obtainedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "renewed_after_refusal", nullable = false)
    public boolean renewedAfterRefusal;

    String token(TokenSeal seal) {
        return seal.open(tenantId, sealedToken);
    }

    static Optional<AccessToken> ofTenant(long tenantId) {
        return find("tenantId", tenantId).firstResultOptional();
    }

    /** Replaces the tenant's token (one row per tenant). */
    static AccessToken store(TokenSeal seal, long tenantId, TokenMode kind, String token, Instant obtainedAt, long expiresIn,
            boolean renewedAfterRefusal) {
        AccessToken row = ofTenant(tenantId).orElseGet(AccessToken::new);
        row.tenantId = tenantId;
        row.kind = kind;
        row.sealedToken = seal.seal(tenantId, token);
        row.obtainedAt = obtainedAt;
        row.expiresAt = obtainedAt.plusSeconds(expiresIn);
        row.renewedAfterRefusal = renewedAfterRefusal;
        row.persistAndFlush();
        return row;
    }
}
