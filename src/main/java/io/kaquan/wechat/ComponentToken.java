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

/**
 * The platform's current component_access_token, one row per platform, shared by every node ({@link ComponentTokens}
 * keeps a copy in memory). Sealed at rest like account tokens, under the reserved tenant id 0 (no tenant has it).
 */
@Entity
@Table(name = "component_token")
public class ComponentToken extends PanacheEntityBase {

    /** The id component tokens are sealed under: identity columns start at 1, so no tenant's token opens as one. */
    static final long SEAL_ID = 0;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "platform_appid", nullable = false, unique = true)
    public String platformAppid;

    @Column(name = "token", nullable = false)
    String sealedToken;

    @Column(name = "obtained_at", nullable = false)
    public Instant obtainedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    String token(TokenSeal seal) {
        return seal.open(SEAL_ID, sealedToken);
    }

    static Optional<ComponentToken> of(String platformAppid) {
        return find("platformAppid", platformAppid).firstResultOptional();
    }

    static ComponentToken store(TokenSeal seal, String platformAppid, String token, Instant obtainedAt, long expiresIn) {
        ComponentToken row = of(platformAppid).orElseGet(ComponentToken::new);
        row.platformAppid = platformAppid;
        row.sealedToken = seal.seal(SEAL_ID, token);
        row.obtainedAt = obtainedAt;
        row.expiresAt = obtainedAt.plusSeconds(expiresIn);
        row.persistAndFlush();
        return row;
    }
}
