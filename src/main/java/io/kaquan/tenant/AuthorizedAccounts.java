package io.kaquan.tenant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Membership;
import io.kaquan.account.Role;
import io.kaquan.wechat.TokenMode;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.logging.Log;

/**
 * Tenants connected by authorizing the third-party platform (token mode AUTHORIZED): created or re-bound when an
 * administrator authorizes, marked disconnected when they revoke (nothing is deleted; calls and jobs stop through the
 * tenant's credential problem), their permission sets re-read on updateauthorized. The authorizer refresh token is
 * the account's credential in this mode, sealed like an AppSecret in a column of its own; every one WeChat returns is
 * kept. When WeChat refuses it and nothing recovers a working one, the tenant is marked as needing a new authorization.
 */
@ApplicationScoped
public class AuthorizedAccounts {

    /** What api_get_authorizer_info says about the account besides its name: type, verification, principal, sets. */
    public record Profile(int serviceType, int verifyType, String principalName, List<Integer> permissionSets) {
    }

    /** An authorization WeChat confirmed (api_query_auth + api_get_authorizer_info). */
    public record Authorization(String appid, String originalId, String nickName, String componentAppid,
            String refreshToken, Profile profile, String apiBaseUrl) {
        @Override
        public String toString() {
            return "Authorization[" + appid + ", " + originalId + ", sets=" + profile.permissionSets() + "]";
        }
    }

    /** The outcome for the page: the tenant, and whether it was created now. */
    public record Connected(Tenant tenant, boolean created) {
    }

    /** The account is connected to Kaquan by a team the user is not an owner of. */
    public static class NotYours extends RuntimeException {
        public NotYours() {
            super("connected by another team", null, false, false);
        }
    }

    @Inject
    SecretBox secretBox;

    @Inject
    CurrentUser currentUser;

    @Inject
    WeChatGateway wechat;

    @Inject
    Audit audit;

    @Inject
    CallbackKeys callbackKeys;

    /**
     * Creates the tenant with the signed-in user as owner, or re-binds the existing tenant of that appid (its owner
     * authorized again, or an AppSecret tenant moves to authorization): the new refresh token and sets, connected
     * again, its credential problem and token forgotten.
     */
    @Transactional
    public Connected connect(Authorization authorization) {
        Optional<Tenant> existing = Tenant.find("appid", authorization.appid()).firstResultOptional();
        Instant now = Instant.now();
        if (existing.isPresent()) {
            Tenant tenant = existing.get();
            boolean owner = Membership.find(tenant.id, currentUser.id()).filter(m -> m.role == Role.OWNER).isPresent();
            if (!owner) {
                throw new NotYours();
            }
            bind(tenant, authorization, now);
            wechat.credentialsChanged(tenant.id);
            audit.record(tenant.id, AuditAction.TENANT_AUTHORIZED, tenant.appid, "sets=" + tenant.permissionSets);
            return new Connected(tenant, false);
        }
        Tenant tenant = new Tenant();
        tenant.displayName = authorization.nickName() == null || authorization.nickName().isBlank()
                ? authorization.originalId()
                : authorization.nickName();
        tenant.appid = authorization.appid();
        tenant.originalId = authorization.originalId();
        // WeChat's authorization proves the original id: pushes for it come to this tenant.
        tenant.originalIdVerifiedAt = now;
        tenant.callbackVerifiedAt = now;
        tenant.messageMode = MessageMode.SAFE;
        tenant.holdSecretsUntilInserted();
        tenant.createdAt = now;
        tenant.createdBy = currentUser.id();
        tenant.tokenMode = TokenMode.AUTHORIZED;
        tenant.componentAppid = authorization.componentAppid();
        tenant.persistAndFlush();
        // Its own callback secrets are never used (the platform's key opens its pushes), but the columns need values.
        tenant.sealCallbackToken(secretBox, RandomText.alphanumeric(32));
        tenant.sealAesKey(secretBox, RandomText.alphanumeric(43));
        bind(tenant, authorization, now);
        Membership.create(tenant.id, currentUser.user(), Role.OWNER);
        audit.record(tenant.id, AuditAction.TENANT_AUTHORIZED, tenant.appid,
                "name=" + tenant.displayName + ", sets=" + tenant.permissionSets);
        return new Connected(tenant, true);
    }

    private void bind(Tenant tenant, Authorization authorization, Instant now) {
        tenant.tokenMode = TokenMode.AUTHORIZED;
        tenant.componentAppid = authorization.componentAppid();
        profile(tenant, authorization.profile());
        tenant.disconnectedAt = null;
        tenant.authorizationLostAt = null;
        tenant.authorizedAt = now;
        callbackKeys.changed(tenant.id, tenant.originalId);
        tenant.sealRefreshToken(secretBox, authorization.refreshToken());
        Tenant.getEntityManager().createNativeQuery("update tenant set api_base_url = ?1 where id = ?2")
                .setParameter(1, authorization.apiBaseUrl()).setParameter(2, tenant.id).executeUpdate();
    }

    /**
     * unauthorized: the tenant stays with all its data, marked disconnected; no call goes out any more. A push made
     * before the tenant's latest authorization (WeChat retrying an earlier revocation late) changes nothing.
     */
    @Transactional
    public Optional<Tenant> revoked(String componentAppid, String appid, Instant pushedAt) {
        Optional<Tenant> tenant = authorizedTenant(componentAppid, appid);
        tenant.filter(t -> t.disconnectedAt == null).filter(t -> t.authorizedAt == null
                || !pushedAt.isBefore(t.authorizedAt.truncatedTo(ChronoUnit.SECONDS))).ifPresent(t -> {
                    t.disconnectedAt = Instant.now();
                    callbackKeys.changed(t.id, t.originalId);
                    wechat.authorizationRevoked(t.id);
                    audit.record(t.id, AuditAction.TENANT_UNAUTHORIZED, t.appid, null);
                    Log.infof("Tenant %d: the administrator revoked the authorization of platform %s", t.id, componentAppid);
                });
        return tenant;
    }

    /** updateauthorized (or a fresh read): the permission sets, type and verification as WeChat now reports them. */
    @Transactional
    public Optional<Tenant> permissionsRead(String componentAppid, String appid, Profile profile,
            String refreshToken) {
        Optional<Tenant> tenant = authorizedTenant(componentAppid, appid);
        tenant.ifPresent(t -> {
            // Every refresh token WeChat hands out is kept: the next token refresh needs the newest.
            if (refreshToken != null && !refreshToken.isBlank()
                    && !refreshToken.equals(t.refreshToken(secretBox).orElse(null))) {
                t.sealRefreshToken(secretBox, refreshToken);
            }
            String now = sets(profile.permissionSets());
            if (!now.equals(t.permissionSets)) {
                audit.record(t.id, AuditAction.TENANT_AUTHORIZATION_UPDATED, t.appid,
                        "sets=" + t.permissionSets + " → " + now);
            }
            profile(t, profile);
        });
        return tenant;
    }

    private static void profile(Tenant tenant, Profile profile) {
        tenant.permissionSets = sets(profile.permissionSets());
        tenant.authorizerServiceType = profile.serviceType();
        tenant.authorizerVerifyType = profile.verifyType();
        tenant.principalName = profile.principalName() == null || profile.principalName().isBlank() ? null
                : profile.principalName();
    }

    /** The tenant of an authorizer (its messages at the platform's URL), only if it authorized that platform. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Tenant> authorizedTenant(String componentAppid, String appid) {
        return Tenant.<Tenant> find("appid = ?1 and tokenMode = ?2 and componentAppid = ?3", appid, TokenMode.AUTHORIZED,
                componentAppid).firstResultOptional();
    }

    /**
     * The refresh token held for a tenant (sealed at rest); WeChat may hand a new one back with a token, or recovery
     * found the current one. A working refresh token ends a lost authorization. Committed on its own, before the token
     * refresh that found it commits: WeChat no longer accepts the old one (see {@link io.kaquan.wechat.WeChatAccounts}).
     * The refresh's transaction never writes the tenant's row before this, so this never waits for a lock its caller
     * holds.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void refreshTokenChanged(long tenantId, String refreshToken) {
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant != null && tenant.tokenMode == TokenMode.AUTHORIZED) {
            tenant.sealRefreshToken(secretBox, refreshToken);
            tenant.authorizationLostAt = null;
            Log.infof("Tenant %d: WeChat returned a new authorizer refresh token; stored", tenantId);
        }
    }

    /**
     * The refresh token WeChat refused was replaced by the one its authorizer info or list holds; committed on its own,
     * with its audit entry, as {@link #refreshTokenChanged} is.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void refreshTokenRecovered(long tenantId, String refreshToken) {
        refreshTokenChanged(tenantId, refreshToken);
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant != null && tenant.tokenMode == TokenMode.AUTHORIZED) {
            audit.record(tenant.id, AuditAction.TENANT_REFRESH_TOKEN_RECOVERED, tenant.appid, null);
        }
    }

    /**
     * WeChat refused the refresh token and neither the authorizer's info nor the authorizer list gave a working one:
     * the owner is told to authorize again (the credential problem already stops calls and jobs).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void authorizationLost(long tenantId, int errcode) {
        Tenant tenant = Tenant.findById(tenantId);
        if (tenant != null && tenant.tokenMode == TokenMode.AUTHORIZED && tenant.authorizationLostAt == null) {
            tenant.authorizationLostAt = Instant.now();
            audit.record(tenant.id, AuditAction.TENANT_AUTHORIZATION_LOST, tenant.appid, "errcode=" + errcode);
            Log.warnf("Tenant %d: WeChat refused the authorizer refresh token (%d) and nothing recovered it; "
                    + "the owner must authorize again", tenantId, errcode);
        }
    }

    private static String sets(List<Integer> sets) {
        return sets.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
