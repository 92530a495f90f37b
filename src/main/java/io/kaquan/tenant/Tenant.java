package io.kaquan.tenant;

import java.time.Instant;
import java.util.List;

import io.kaquan.wechat.TokenMode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    /** gh_…: the ToUserName of every push WeChat sends for this account. */
    @Column(name = "original_id", nullable = false, unique = true)
    public String originalId;

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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    public String appsecret(SecretBox box) {
        return box.decrypt(APPSECRET, appsecretSealed);
    }

    public String callbackToken(SecretBox box) {
        return box.decrypt(CALLBACK_TOKEN, callbackTokenSealed);
    }

    public String aesKey(SecretBox box) {
        return box.decrypt(AES_KEY, aesKeySealed);
    }

    /** The EncodingAESKey before the last rotation, if any; see {@link #aesKeyRotatedAt} for its grace period. */
    public java.util.Optional<String> previousAesKey(SecretBox box) {
        return java.util.Optional.ofNullable(previousAesKeySealed).map(sealed -> box.decrypt(AES_KEY, sealed));
    }

    public void sealAppsecret(SecretBox box, String appsecret) {
        appsecretSealed = box.encrypt(APPSECRET, appsecret);
    }

    public void sealCallbackToken(SecretBox box, String token) {
        callbackTokenSealed = box.encrypt(CALLBACK_TOKEN, token);
    }

    public void sealAesKey(SecretBox box, String aesKey) {
        aesKeySealed = box.encrypt(AES_KEY, aesKey);
    }

    /** Rotation keeps the old key as the previous one. */
    void rotateAesKey(SecretBox box, String aesKey) {
        previousAesKeySealed = aesKeySealed;
        aesKeyRotatedAt = Instant.now();
        sealAesKey(box, aesKey);
    }

    /** The tenants a user is a member of, by name. */
    public static List<Tenant> ofMember(Long userId) {
        return find("from Tenant t where exists (from Membership m where m.tenantId = t.id and m.user.id = ?1) "
                + "order by lower(t.displayName), t.id", userId).list();
    }
}
