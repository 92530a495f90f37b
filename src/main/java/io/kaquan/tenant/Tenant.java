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
    static final String REFRESH_TOKEN = "tenant.authorizer-refresh-token";

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

    /** AUTHORIZED tenants: the authorizer refresh token, their credential in that mode (appsecret_enc stays empty). */
    @Column(name = "refresh_token_enc")
    String refreshTokenSealed;

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

    /** AUTHORIZED tenants: WeChat's service_type_info (0 subscription, 1 upgraded subscription, 2 service account). */
    @Column(name = "authorizer_service_type")
    public Integer authorizerServiceType;

    /** AUTHORIZED tenants: WeChat's verify_type_info (-1 unverified, 0 WeChat verification, …). */
    @Column(name = "authorizer_verify_type")
    public Integer authorizerVerifyType;

    /** AUTHORIZED tenants: the account's principal (主体) as WeChat reports it. */
    @Column(name = "principal_name")
    public String principalName;

    /**
     * AUTHORIZED tenants: when WeChat refused the refresh token and neither the authorizer's info nor the authorizer
     * list gave a working one; null while it works. Only a new authorization helps.
     */
    @Column(name = "authorization_lost_at")
    public Instant authorizationLostAt;

    /** When the administrator last authorized the platform (null for AppSecret tenants and older rows). */
    @Column(name = "authorized_at")
    public Instant authorizedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public Long createdBy;

    public String appsecret(SecretBox box) {
        return box.open(APPSECRET, id, appsecretSealed);
    }

    /** AUTHORIZED tenants: the authorizer refresh token; empty when none is held. */
    public java.util.Optional<String> refreshToken(SecretBox box) {
        return java.util.Optional.ofNullable(refreshTokenSealed).filter(sealed -> !sealed.isEmpty())
                .map(sealed -> box.open(REFRESH_TOKEN, id, sealed));
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

    /** An AUTHORIZED tenant holds no AppSecret: its credential is the refresh token, in its own column. */
    void sealRefreshToken(SecretBox box, String refreshToken) {
        refreshTokenSealed = box.seal(REFRESH_TOKEN, requireId(), refreshToken);
        appsecretSealed = "";
    }

    /** How the authorization stands, for the pages; null for AppSecret tenants. */
    public AuthorizationState authorizationState() {
        if (tokenMode != TokenMode.AUTHORIZED) {
            return null;
        }
        return disconnectedAt != null ? AuthorizationState.REVOKED
                : authorizationLostAt != null ? AuthorizationState.LOST : AuthorizationState.CONNECTED;
    }

    /** Revoked or lost: only a new authorization by the account's administrator helps. */
    public boolean needsAuthorization() {
        AuthorizationState state = authorizationState();
        return state != null && state.needsAuthorization();
    }

    public boolean authorized() {
        return tokenMode == TokenMode.AUTHORIZED;
    }

    /** The permission sets granted, in WeChat's order of ids. */
    public List<PermissionSet> grantedSets() {
        return PermissionSet.parse(permissionSets);
    }

    /** 微信卡券 granted: every card API needs it. */
    public boolean grantsCards() {
        return PermissionSet.ids(permissionSets).contains(PermissionSet.CARDS.id);
    }

    /** Granted sets without a name here (WeChat adds sets now and then): shown by id. */
    public List<Integer> otherSetIds() {
        return PermissionSet.ids(permissionSets).stream().filter(id -> PermissionSet.of(id).isEmpty()).toList();
    }

    public ServiceType serviceType() {
        return ServiceType.of(authorizerServiceType);
    }

    public Verification verification() {
        return Verification.of(authorizerVerifyType);
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

    /**
     * The tenants of a member whose name, AppID or original id contains the text (any case; blank: all), by name, at
     * most {@code limit}.
     */
    public static List<Tenant> ofMemberMatching(Long userId, String text, int limit) {
        return find(MEMBER_MATCHING + " order by lower(t.displayName), t.id", userId, pattern(text)).page(0, limit)
                .list();
    }

    /** How many tenants of a member match, see {@link #ofMemberMatching}. */
    public static long countOfMemberMatching(Long userId, String text) {
        return count(MEMBER_MATCHING, userId, pattern(text));
    }

    private static final String MEMBER_MATCHING = "from Tenant t where exists (from Membership m where m.tenantId = t.id "
            + "and m.user.id = ?1) and (lower(t.displayName) like ?2 escape '\\' or lower(t.appid) like ?2 escape '\\' "
            + "or lower(t.originalId) like ?2 escape '\\')";

    /** A LIKE pattern that finds the text anywhere, its own % and _ taken literally. */
    static String pattern(String text) {
        String plain = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return "%" + plain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The tenants a user is a member of, by name. */
    public static List<Tenant> ofMember(Long userId) {
        return find("from Tenant t where exists (from Membership m where m.tenantId = t.id and m.user.id = ?1) "
                + "order by lower(t.displayName), t.id", userId).list();
    }
}
