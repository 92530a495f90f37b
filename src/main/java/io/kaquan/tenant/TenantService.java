package io.kaquan.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Membership;
import io.kaquan.account.Role;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.FormErrors;
import io.kaquan.web.I18n;
import io.kaquan.web.InvalidFormException;
import io.kaquan.wechat.TokenHealth;
import io.kaquan.wechat.TokenMode;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatMsg;
import io.kaquan.wechat.WeChatSandbox;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;

/** Connecting official accounts and changing their settings and credentials. */
@ApplicationScoped
@Transactional
public class TenantService {

    @Inject
    CurrentUser currentUser;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    SecretBox secretBox;

    @Inject
    Audit audit;

    @Inject
    I18n i18n;

    @Inject
    WeChatGateway wechat;

    @Inject
    WeChatSandbox sandbox;

    @Inject
    TenantConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    CallbackKeys callbackKeys;

    /** A newly connected account, with the two values the merchant must paste into the MP console now. */
    public record Registered(Tenant tenant, String callbackToken, String aesKey) {
    }

    /** A tenant on the home page: the user's role and a one-line health summary. */
    public record Summary(Tenant tenant, Role role, long memberCount) {
    }

    public Registered register(TenantForms.Registration form) {
        form.normalize();
        TenantMsg msg = i18n.bundle(TenantMsg.class);
        FormErrors errors = form.validate(msg);
        if (form.sandbox) {
            // A sandbox account needs no real credentials: whatever is left empty is generated.
            form.appid = form.appid.isEmpty() ? "wxsbx" + RandomText.hex(13) : form.appid;
            form.appsecret = form.appsecret.isEmpty() ? RandomText.hex(32) : form.appsecret;
            form.originalId = form.originalId.isEmpty() ? "gh_sbx" + RandomText.hex(9) : form.originalId;
        }
        checkUnique(form, errors, msg);
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, form.values());
        }
        String callbackToken = form.callbackToken.isEmpty() ? RandomText.alphanumeric(32) : form.callbackToken;
        String aesKey = form.aesKey.isEmpty() ? RandomText.alphanumeric(43) : form.aesKey;
        MessageMode mode = MessageMode.parse(form.messageMode);
        if (form.sandbox) {
            createSandboxAccount(form.appid, form.appsecret, form.originalId, callbackToken, aesKey, mode, msg);
        }
        // WeChat (or the sandbox) must accept the appid and secret before anything is saved.
        WeChatGateway.Verified verified = verify(form.appid, form.appsecret, form.sandbox, TokenMode.STABLE, "appid",
                form.values(), msg);

        Tenant tenant = new Tenant();
        tenant.displayName = form.displayName;
        tenant.appid = form.appid;
        tenant.originalId = form.originalId;
        tenant.messageMode = mode;
        tenant.sandbox = form.sandbox;
        tenant.holdSecretsUntilInserted();
        tenant.createdAt = Instant.now();
        tenant.createdBy = currentUser.id();
        try {
            tenant.persistAndFlush();
        } catch (ConstraintViolationException e) {
            // Someone connected the same account a moment ago.
            checkUnique(form, errors, msg);
            throw new InvalidFormException(errors, form.values());
        }
        tenant.sealAppsecret(secretBox, form.appsecret);
        tenant.sealCallbackToken(secretBox, callbackToken);
        tenant.sealAesKey(secretBox, aesKey);
        callbackKeys.changed(tenant.id, tenant.originalId); // a new claim on an original id another tenant may hold
        Membership.create(tenant.id, currentUser.user(), Role.OWNER);
        wechat.adopt(tenant.id, verified); // the token fetched to check the secret serves the first calls
        audit.record(tenant.id, AuditAction.TENANT_REGISTERED, tenant.appid,
                "name=" + tenant.displayName + ", mode=" + tenant.messageMode + ", sandbox=" + tenant.sandbox);
        return new Registered(tenant, callbackToken, aesKey);
    }

    /** The simulated account of a sandbox tenant, created over the sandbox's admin API, pushing to our callback. */
    private void createSandboxAccount(String appid, String appsecret, String originalId, String callbackToken,
            String aesKey, MessageMode mode, TenantMsg msg) {
        try {
            sandbox.createAccount(appid, appsecret, originalId, callbackToken, aesKey, mode.name(),
                    identity.getPrincipal().getName()); // the sandbox console shows the account to its creator
        } catch (WeChatSandbox.SandboxUnavailable e) {
            Log.warnf("Sandbox account for %s not created: %s", appid, e.getMessage());
            throw new ActionRefused(msg.errSandboxUnavailable());
        }
    }

    /**
     * Asks WeChat for a token with the given appid and secret; a refusal becomes a clear error next to the field at
     * fault: a wrong secret next to the secret, anything else (appid, IP whitelist, no answer) next to {@code field}.
     */
    private WeChatGateway.Verified verify(String appid, String appsecret, boolean sandbox, TokenMode mode, String field,
            Map<String, String> values, TenantMsg msg) {
        try {
            return wechat.verify(appid, appsecret, sandbox, mode);
        } catch (WeChatException e) {
            Log.infof("WeChat refused the credentials of %s: %s", appid, e.getMessage());
            FormErrors errors = new FormErrors();
            switch (e.kind() == WeChatException.Kind.REFUSED ? e.errcode() : 0) {
                case 40013 -> errors.add(field, msg.errWeChatAppid());
                case 40001, 40125, 40243 -> errors.add("appsecret", msg.errWeChatAppsecret(e.errcode()));
                case 40164, 61004 -> errors.add(field, e.ip() != null ? msg.errWeChatIp(e.ip())
                        : msg.errWeChatCheck(WeChatErrors.message(i18n.bundle(WeChatMsg.class), e)));
                default -> errors.add(field, msg.errWeChatCheck(WeChatErrors.message(i18n.bundle(WeChatMsg.class), e)));
            }
            throw new InvalidFormException(errors, values);
        }
    }

    private static void checkUnique(TenantForms.Registration form, FormErrors errors, TenantMsg msg) {
        if (!errors.has("appid") && Tenant.count("appid", form.appid) > 0) {
            errors.add("appid", msg.errAppidTaken());
        }
        // Only a proven claim blocks: whoever registered an original id first without proving it must not lock out
        // the real merchant (the callback proves a claim; see Tenant.originalIdVerifiedAt).
        if (!errors.has("originalId")
                && Tenant.count("originalId = ?1 and originalIdVerifiedAt is not null", form.originalId) > 0) {
            errors.add("originalId", msg.errOriginalIdTaken());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Summary> myTenants() {
        return tenantsOf(currentUser.id());
    }

    /** The accounts the user is a member of, by name, with their role and member count. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Summary> tenantsOf(long userId) {
        // One query however many accounts an agency runs: tenant, my role, member count.
        return Tenant.getEntityManager().createQuery("""
                select new io.kaquan.tenant.TenantService$Summary(t, m.role,
                    (select count(o) from Membership o where o.tenantId = t.id))
                from Tenant t, Membership m
                where m.tenantId = t.id and m.user.id = ?1
                order by lower(t.displayName), t.id""", Summary.class)
                .setParameter(1, userId).getResultList();
    }

    /**
     * The one callback URL shared by every tenant: pushes name their account (ToUserName); the {@code t} hint lets
     * WeChat's URL check, which names none, find the tenant without trying every token.
     *
     * @param requestBase this request's base URI, used when no public URL is configured
     */
    public String callbackUrl(java.net.URI requestBase) {
        java.net.URI base = config.publicUrl().orElse(requestBase);
        return base.resolve("/wechat/callback?t=" + currentTenant.get().originalId).toString();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long memberCount() {
        return Membership.count("tenantId", currentTenant.id());
    }

    public void updateSettings(TenantForms.Settings form) {
        currentTenant.require(Role.OWNER);
        FormErrors errors = form.validate(i18n.bundle(TenantMsg.class));
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, form.values());
        }
        Tenant tenant = managed();
        // An authorized account's pushes come through the platform, always encrypted: its own mode is never used.
        MessageMode mode = tenant.tokenMode == TokenMode.AUTHORIZED ? tenant.messageMode
                : MessageMode.parse(form.messageMode);
        String details = "name: " + tenant.displayName + " → " + form.displayName + ", mode: " + tenant.messageMode
                + " → " + mode;
        tenant.displayName = form.displayName;
        tenant.messageMode = mode;
        callbackKeys.changed(tenant.id, tenant.originalId);
        audit.record(tenant.id, AuditAction.TENANT_SETTINGS_CHANGED, tenant.appid, details);
    }

    public void replaceAppsecret(String appsecret) {
        currentTenant.require(Role.OWNER);
        String value = TenantForms.trim(appsecret);
        if (managed().tokenMode == TokenMode.AUTHORIZED) {
            throw new ActionRefused(i18n.bundle(TenantMsg.class).errAuthorizedAccount());
        }
        if (!TenantForms.APPSECRET.matcher(value).matches()) {
            throw invalid("appsecret", i18n.bundle(TenantMsg.class).errAppsecret());
        }
        Tenant tenant = managed();
        TenantMsg msg = i18n.bundle(TenantMsg.class);
        WeChatGateway.Verified verified = verify(tenant.appid, value, tenant.sandbox, tenant.tokenMode,
                "appsecret", Map.of(), msg);
        tenant.sealAppsecret(secretBox, value);
        wechat.credentialsChanged(tenant.id); // calls resume, with the token fetched for the check
        wechat.adopt(tenant.id, verified);
        audit.record(tenant.id, AuditAction.TENANT_APPSECRET_REPLACED, tenant.appid, null);
    }

    public void changeTokenMode(String value) {
        currentTenant.require(Role.OWNER);
        TokenMode mode = TokenMode.parse(value);
        TenantMsg msg = i18n.bundle(TenantMsg.class);
        if (mode == null) {
            throw invalid("tokenMode", msg.errTokenMode());
        }
        Tenant tenant = managed();
        if (!TokenMode.selectable().contains(mode) || tenant.tokenMode == TokenMode.AUTHORIZED) {
            // An authorized account's tokens come from the platform; there is no other mode to choose.
            throw new ActionRefused(msg.errAuthorizedAccount());
        }
        TokenMode before = tenant.tokenMode;
        if (mode == before) {
            return;
        }
        tenant.tokenMode = mode;
        wechat.credentialsChanged(tenant.id); // the next call fetches a token of the new kind
        audit.record(tenant.id, AuditAction.TENANT_TOKEN_MODE_CHANGED, tenant.appid,
                "token_mode=" + before + " → " + mode);
    }

    /** WeChat's view of the current tenant: token, credential problem, calls today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TokenHealth health() {
        return wechat.health(currentTenant.id(), i18n.bundle(WeChatMsg.class));
    }

    /**
     * Lets calls go out again after a credential problem and asks WeChat for a token at once.
     *
     * @throws ActionRefused with WeChat's answer when it still refuses (the tenant stays paused)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void retryWeChat() {
        currentTenant.require(Role.OWNER);
        Long tenantId = currentTenant.id();
        try {
            wechat.retry(tenantId);
        } catch (WeChatException e) {
            throw new ActionRefused(i18n.bundle(TenantMsg.class)
                    .retryFailed(WeChatErrors.message(i18n.bundle(WeChatMsg.class), e)));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> audit.record(tenantId,
                    AuditAction.TENANT_WECHAT_RETRIED, currentTenant.get().appid, null));
        }
    }

    /** Returns the new token, to be shown once. */
    public String replaceCallbackToken(String token) {
        currentTenant.require(Role.OWNER);
        refuseForAuthorized();
        String value = TenantForms.trim(token);
        if (!value.isEmpty() && !TenantForms.CALLBACK_TOKEN.matcher(value).matches()) {
            throw invalid("callbackToken", i18n.bundle(TenantMsg.class).errCallbackToken());
        }
        String newToken = value.isEmpty() ? RandomText.alphanumeric(32) : value;
        Tenant tenant = managed();
        tenant.sealCallbackToken(secretBox, newToken);
        tenant.callbackVerifiedAt = null; // WeChat verifies the server again after a token change
        callbackKeys.changed(tenant.id, tenant.originalId);
        audit.record(tenant.id, AuditAction.TENANT_CALLBACK_TOKEN_REPLACED, tenant.appid, null);
        return newToken;
    }

    /** Returns the new key, to be shown once; the old one keeps decrypting for a grace period. */
    public String replaceAesKey(String aesKey) {
        currentTenant.require(Role.OWNER);
        refuseForAuthorized();
        String value = TenantForms.trim(aesKey);
        if (!value.isEmpty() && !TenantForms.AES_KEY.matcher(value).matches()) {
            throw invalid("aesKey", i18n.bundle(TenantMsg.class).errAesKey());
        }
        String newKey = value.isEmpty() ? RandomText.alphanumeric(43) : value;
        Tenant tenant = managed();
        tenant.rotateAesKey(secretBox, newKey);
        callbackKeys.changed(tenant.id, tenant.originalId);
        audit.record(tenant.id, AuditAction.TENANT_AES_KEY_REPLACED, tenant.appid, null);
        return newKey;
    }

    /**
     * An authorized account's pushes are verified and decrypted with the platform's token and key: changing its own
     * would do nothing but mark its callback unverified for ever.
     */
    private void refuseForAuthorized() {
        if (managed().tokenMode == TokenMode.AUTHORIZED) {
            throw new ActionRefused(i18n.bundle(TenantMsg.class).errAuthorizedAccount());
        }
    }

    private Tenant managed() {
        return Tenant.findById(currentTenant.id());
    }

    private static InvalidFormException invalid(String field, String message) {
        return new InvalidFormException(new FormErrors().add(field, message), Map.of());
    }
}
