package io.kaquan.sandbox;

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

/**
 * An access token issued by /cgi-bin/token (CLASSIC), /cgi-bin/stable_token (STABLE) or, for a third-party platform
 * the account authorized, by api_query_auth / api_authorizer_token (AUTHORIZER).
 */
@Entity
@Table(name = "sbx_token")
public class SandboxToken extends PanacheEntityBase {

    public enum Kind {
        CLASSIC,
        STABLE,
        AUTHORIZER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false, unique = true)
    public String token;

    /** Of an AUTHORIZER token: the platform it was issued to (its authorization must still be active). */
    @Column(name = "platform_id")
    public Long platformId;

    /** Issued by stable_token with force_refresh=true. */
    @Column(nullable = false)
    public boolean forced;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** When it stops working before its expiry (replaced or invalidated); may lie in the future (overlap). */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Works at that instant. */
    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt) && (revokedAt == null || now.isBefore(revokedAt));
    }

    /** Replaced or invalidated before its natural expiry, and that moment has come. */
    public boolean revokedAt(Instant now) {
        return revokedAt != null && !now.isBefore(revokedAt) && revokedAt.isBefore(expiresAt);
    }

    public static List<SandboxToken> recentOf(Long accountId, int max) {
        return find("accountId = ?1 order by issuedAt desc, id desc", accountId).page(0, max).list();
    }

    /** The token text for pages: its start and end only. */
    public String masked() {
        return token.length() <= 12 ? "…" : token.substring(0, 6) + "…" + token.substring(token.length() - 4);
    }
}
