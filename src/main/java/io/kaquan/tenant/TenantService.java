package io.kaquan.tenant;

import java.time.Instant;
import java.util.List;

import io.kaquan.account.Audit;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Membership;
import io.kaquan.account.Role;
import io.kaquan.web.FormErrors;
import io.kaquan.web.I18n;
import io.kaquan.web.InvalidFormException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

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
            form.appid = form.appid.isEmpty() ? "wx" + RandomText.hex(16) : form.appid;
            form.appsecret = form.appsecret.isEmpty() ? RandomText.hex(32) : form.appsecret;
            form.originalId = form.originalId.isEmpty() ? "gh_" + RandomText.hex(12) : form.originalId;
        }
        checkUnique(form, errors, msg);
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, form.values());
        }
        String callbackToken = form.callbackToken.isEmpty() ? RandomText.alphanumeric(32) : form.callbackToken;
        String aesKey = form.aesKey.isEmpty() ? RandomText.alphanumeric(43) : form.aesKey;

        Tenant tenant = new Tenant();
        tenant.displayName = form.displayName;
        tenant.appid = form.appid;
        tenant.originalId = form.originalId;
        tenant.messageMode = MessageMode.parse(form.messageMode);
        tenant.sandbox = form.sandbox;
        tenant.sealAppsecret(secretBox, form.appsecret);
        tenant.sealCallbackToken(secretBox, callbackToken);
        tenant.sealAesKey(secretBox, aesKey);
        tenant.createdAt = Instant.now();
        tenant.createdBy = currentUser.id();
        try {
            tenant.persistAndFlush();
        } catch (ConstraintViolationException e) {
            // Someone connected the same account a moment ago.
            checkUnique(form, errors, msg);
            throw new InvalidFormException(errors, form.values());
        }
        Membership.create(tenant.id, currentUser.user(), Role.OWNER);
        audit.record(tenant.id, "tenant.registered", tenant.appid,
                "name=" + tenant.displayName + ", mode=" + tenant.messageMode + ", sandbox=" + tenant.sandbox);
        return new Registered(tenant, callbackToken, aesKey);
    }

    private static void checkUnique(TenantForms.Registration form, FormErrors errors, TenantMsg msg) {
        if (!errors.has("appid") && Tenant.count("appid", form.appid) > 0) {
            errors.add("appid", msg.errAppidTaken());
        }
        if (!errors.has("originalId") && Tenant.count("originalId", form.originalId) > 0) {
            errors.add("originalId", msg.errOriginalIdTaken());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Summary> myTenants() {
        Long userId = currentUser.id();
        return Tenant.ofMember(userId).stream()
                .map(tenant -> new Summary(tenant, Membership.find(tenant.id, userId).map(m -> m.role).orElseThrow(),
                        Membership.count("tenantId", tenant.id)))
                .toList();
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
        MessageMode mode = MessageMode.parse(form.messageMode);
        String details = "name: " + tenant.displayName + " → " + form.displayName + ", mode: " + tenant.messageMode
                + " → " + mode;
        tenant.displayName = form.displayName;
        tenant.messageMode = mode;
        audit.record(tenant.id, "tenant.settings-changed", tenant.appid, details);
    }

    public void replaceAppsecret(String appsecret) {
        currentTenant.require(Role.OWNER);
        String value = TenantForms.trim(appsecret);
        if (!TenantForms.APPSECRET.matcher(value).matches()) {
            throw invalid("appsecret", i18n.bundle(TenantMsg.class).errAppsecret());
        }
        Tenant tenant = managed();
        tenant.sealAppsecret(secretBox, value);
        audit.record(tenant.id, "tenant.appsecret-replaced", tenant.appid, null);
    }

    /** Returns the new token, to be shown once. */
    public String replaceCallbackToken(String token) {
        currentTenant.require(Role.OWNER);
        String value = TenantForms.trim(token);
        if (!value.isEmpty() && !TenantForms.CALLBACK_TOKEN.matcher(value).matches()) {
            throw invalid("callbackToken", i18n.bundle(TenantMsg.class).errCallbackToken());
        }
        String newToken = value.isEmpty() ? RandomText.alphanumeric(32) : value;
        Tenant tenant = managed();
        tenant.sealCallbackToken(secretBox, newToken);
        tenant.callbackVerifiedAt = null; // WeChat verifies the server again after a token change
        audit.record(tenant.id, "tenant.callback-token-replaced", tenant.appid, null);
        return newToken;
    }

    /** Returns the new key, to be shown once; the old one keeps decrypting for a grace period. */
    public String replaceAesKey(String aesKey) {
        currentTenant.require(Role.OWNER);
        String value = TenantForms.trim(aesKey);
        if (!value.isEmpty() && !TenantForms.AES_KEY.matcher(value).matches()) {
            throw invalid("aesKey", i18n.bundle(TenantMsg.class).errAesKey());
        }
        String newKey = value.isEmpty() ? RandomText.alphanumeric(43) : value;
        Tenant tenant = managed();
        tenant.rotateAesKey(secretBox, newKey);
        audit.record(tenant.id, "tenant.aes-key-replaced", tenant.appid, null);
        return newKey;
    }

    private Tenant managed() {
        return Tenant.findById(currentTenant.id());
    }

    private static InvalidFormException invalid(String field, String message) {
        return new InvalidFormException(new FormErrors().add(field, message), java.util.Map.of());
    }
}
