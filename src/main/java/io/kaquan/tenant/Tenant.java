package io.kaquan.tenant;

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

import io.kaquan.wechat.TokenMode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A WeChat official account managed in Kaquan. Its secrets are stored sealed by {@link SecretBox}. */
@Entity
@Table(name = "tenant")
public class Tenant extends PanacheEntityBase {

    static final String APPSECRET = "tenant.appsecret";
    static final String CALLBACK_TOKEN = "tenant.callback-token";
    static final String AES_KEY = "tenant.aes-key";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false, unique = true)
    public String appid;

    /**
     * gh_…: the ToUserName of every push WeChat sends for this account. Unique among proven claims only: see
     * {@link #originalIdVerifiedAt}.
     */
    @Column(name = "original_id", nullable = false)
    public String originalId;

    /**
     * When the callback proved this tenant's claim on its original id (URL verification or a correctly signed push);
     * null while the claim is provisional. A provisional claim blocks nobody; a proven one blocks every other.
     */
    @Column(name = "original_id_verified_at")
    public Instant originalIdVerifiedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "message_mode", nullable = false)
    public MessageMode messageMode;

    /** How access tokens are fetched: stable_token unless the owner chose the classic endpoint. */
    @Enumerated(EnumType.STRING)
    @Column(name = "token_mode", nullable = false)
    public TokenMode tokenMode = TokenMode.STABLE;

    /** Bound to the built-in WeChat sandbox instead of the real WeChat. */
    @Column(nullable = false)
    public boolean sandbox;

    @Column(name = "appsecret_enc", nullable = false)
    String appsecretSealed;

    @Column(name = "callback_token_enc", nullable = false)
    String callbackTokenSealed;

    @Column(name = "aes_key_enc", nullable = false)
    String aesKeySealed;

    /** The key before the last rotation, still accepted for a while so that pushes in flight are not lost. */
    @Column(name = "previous_aes_key_enc")
    String previousAesKeySealed;

    @Column(name = "aes_key_rotated_at")
    public Instant aesKeyRotatedAt;

    @Column(name = "callback_verified_at")
    public Instant callbackVerifiedAt;

    /** AUTHORIZED tenants: the third-party platform the account authorized. */
    @Column(name = "component_appid")
    public String componentAppid;

    /** AUTHORIZED tenants: the permission-set ids granted (funcscope_category), comma-separated. */
    @Column(name = "permission_sets")
    public String permissionSets;

    /** AUTHORIZED tenants: when the administrator revoked the authorization; null while connected. */
    @Column(name = "disconnected_at")
    public Instant disconnectedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    public String appsecret(SecretBox box) {
        return box.open(APPSECRET, id, appsecretSealed);
    }

    public String callbackToken(SecretBox box) {
        return box.open(CALLBACK_TOKEN, id, callbackTokenSealed);
    }

    public String aesKey(SecretBox box) {
        return box.open(AES_KEY, id, aesKeySealed);
    }

    /** The EncodingAESKey before the last rotation, if any; see {@link #aesKeyRotatedAt} for its grace period. */
    public java.util.Optional<String> previousAesKey(SecretBox box) {
        return java.util.Optional.ofNullable(previousAesKeySealed).map(sealed -> box.open(AES_KEY, id, sealed));
    }

    /**
     * Sealing binds each secret to the tenant's id, which a new tenant gets only when inserted: it is inserted with
     * these placeholders (they never open) and sealed in the same transaction.
     */
    public void holdSecretsUntilInserted() {
        appsecretSealed = "";
        callbackTokenSealed = "";
        aesKeySealed = "";
    }

    public void sealAppsecret(SecretBox box, String appsecret) {
        appsecretSealed = box.seal(APPSECRET, requireId(), appsecret);
    }

    public void sealCallbackToken(SecretBox box, String token) {
        callbackTokenSealed = box.seal(CALLBACK_TOKEN, requireId(), token);
    }

    public void sealAesKey(SecretBox box, String aesKey) {
        aesKeySealed = box.seal(AES_KEY, requireId(), aesKey);
    }

    /** Rotation keeps the old key as the previous one. */
    void rotateAesKey(SecretBox box, String aesKey) {
        previousAesKeySealed = aesKeySealed;
        aesKeyRotatedAt = Instant.now();
        sealAesKey(box, aesKey);
    }

    private long requireId() {
        if (id == null) {
            throw new IllegalStateException("A tenant's secrets are sealed once it has an id");
        }
        return id;
    }

    /** Whether another tenant proved its claim on this tenant's original id (this one then gets no pushes). */
    public boolean originalIdTakenByAnother() {
        return originalIdVerifiedAt == null
                && count("originalId = ?1 and id <> ?2 and originalIdVerifiedAt is not null", originalId, id) > 0;
    }

    /** The tenants claiming an original id, the proven claim first, then the oldest provisional ones. */
    public static List<Tenant> claiming(String originalId, int limit) {
        return find("originalId = ?1 order by case when originalIdVerifiedAt is null then 1 else 0 end, createdAt, id",
                originalId).page(0, limit).list();
    }

    /** The tenants a user is a member of, by name. */
    public static List<Tenant> ofMember(Long userId) {
        return find("from Tenant t where exists (from Membership m where m.tenantId = t.id and m.user.id = ?1) "
                + "order by lower(t.displayName), t.id", userId).list();
    }
}
