package io.kaquan.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Production refuses to start with settings that are unsafe on the internet, and says which and how to fix each one,
 * rather than running a deployment that leaks or loses data. (The master key and the embedded database have their own
 * checks where they are used.)
 */
@Singleton
@IfBuildProfile("prod")
public class ProductionGuard {

    static final int MIN_SESSION_SECRET = 32;

    @ConfigProperty(name = "kaquan.sandbox.enabled", defaultValue = "false")
    boolean sandbox;

    /** An operator's explicit "yes, this is a public trial with the sandbox on". */
    @ConfigProperty(name = "kaquan.public-trial", defaultValue = "false")
    boolean publicTrial;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true")
    boolean login;

    @ConfigProperty(name = "quarkus.oidc.token-state-manager.encryption-secret")
    Optional<String> sessionSecret;

    @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
    boolean secureCookies;

    @ConfigProperty(name = "kaquan.tenant.public-url")
    Optional<String> publicUrl;

    void check(@Observes StartupEvent start) {
        List<String> problems = problems(sandbox, publicTrial, login, sessionSecret, secureCookies, publicUrl);
        if (!problems.isEmpty()) {
            problems.forEach(Log::error);
            throw new IllegalStateException("Kaquan refuses to start with unsafe production settings: "
                    + String.join(" ", problems));
        }
    }

    /** Every unsafe setting, each with its fix; empty when production may start. */
    static List<String> problems(boolean sandbox, boolean publicTrial, boolean login, Optional<String> sessionSecret,
            boolean secureCookies, Optional<String> publicUrl) {
        List<String> problems = new ArrayList<>();
        if (sandbox && !publicTrial) {
            problems.add("The WeChat sandbox is on (KAQUAN_SANDBOX_ENABLED=true). For a public trial deployment set"
                    + " KAQUAN_PUBLIC_TRIAL=true as well (README, \"Public trial deployment\"); otherwise switch it off.");
        }
        if (login && sessionSecret.map(String::length).orElse(0) < MIN_SESSION_SECRET) {
            problems.add("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET must be set to at least "
                    + MIN_SESSION_SECRET + " characters (it encrypts the session cookie; every node needs the same).");
        }
        if (login && !secureCookies && publicUrl.filter(url -> url.regionMatches(true, 0, "https:", 0, 6)).isPresent()) {
            problems.add("The public URL is https but session cookies are not marked Secure: set"
                    + " QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE=true.");
        }
        return problems;
    }
}
