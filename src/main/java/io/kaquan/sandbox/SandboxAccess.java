package io.kaquan.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who may use which sandbox account. An account belongs to the user who created it; platform admins see all. The
 * JSON admin API needs a platform admin or the admin token, unless kaquan.sandbox.admin-open (dev and test).
 */
@ApplicationScoped
public class SandboxAccess {

    /** What the admin token is derived from, so that the product derives the same one from the same master key. */
    static final String TOKEN_PURPOSE = "kaquan-sandbox-admin-token";

    @Inject
    SandboxConfig config;

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "kaquan.accounts.admin-role", defaultValue = "kaquan-admin")
    String adminRole;

    @ConfigProperty(name = "kaquan.secrets.master-key")
    Optional<String> masterKey;

    /** The signed-in user's name as the sandbox records it as owner; empty for an anonymous caller. */
    public Optional<String> currentOwner() {
        return identity.isAnonymous() ? Optional.empty() : Optional.of(identity.getPrincipal().getName());
    }

    public boolean isPlatformAdmin() {
        return !identity.isAnonymous() && identity.hasRole(adminRole);
    }

    /** Whether the signed-in user may see and change the account. */
    public boolean mayUse(SandboxAccount account) {
        return isPlatformAdmin() || currentOwner().map(owner -> owner.equals(account.owner)).orElse(false);
    }

    /** The account by appid if the signed-in user may use it; 404 otherwise (a stranger learns nothing). */
    public SandboxAccount usable(String appid) {
        return SandboxAccount.byAppid(appid).filter(this::mayUse).orElseThrow(NotFoundException::new);
    }

    /** The accounts the signed-in user may use, newest first. */
    public List<SandboxAccount> visibleAccounts() {
        if (isPlatformAdmin()) {
            return SandboxAccount.newestFirst();
        }
        return currentOwner().map(SandboxAccount::newestFirstOf).orElse(List.of());
    }

    /** Whether a caller of the admin API is let in: open (dev, test), a platform admin, or the admin token. */
    public boolean mayAdminister(String authorization) {
        if (config.adminOpen() || isPlatformAdmin()) {
            return true;
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return adminToken().map(token -> MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    /** The configured token, else HMAC-SHA256(master key, purpose) in hex; empty when neither exists. */
    Optional<String> adminToken() {
        if (config.adminToken().isPresent() && !config.adminToken().get().isBlank()) {
            return config.adminToken();
        }
        return masterKey.map(SandboxAccess::derivedToken);
    }

    /** The same derivation as the product's (wechat.WeChatSandbox): both sides only share configuration. */
    static String derivedToken(String masterKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(masterKey.strip()), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(TOKEN_PURPOSE.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("kaquan.secrets.master-key cannot derive the sandbox admin token", e);
        }
    }
}
