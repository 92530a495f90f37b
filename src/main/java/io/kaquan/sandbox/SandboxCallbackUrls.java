package io.kaquan.sandbox;

import java.net.URI;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.LaunchMode;

/**
 * Where a sandbox account may push. Outside tests only to this application's own callback: the URL is kept as path
 * and query, and each push goes to this server's local address — never to a host someone typed (no SSRF).
 */
public final class SandboxCallbackUrls {

    private SandboxCallbackUrls() {
    }

    /**
     * The URL as stored, or empty when refused: this application's callback path (any host given is dropped), or,
     * when the sandbox stands for WeChat (tests), any http(s) URL.
     */
    public static Optional<String> accepted(String url, SandboxConfig config) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean absolute = uri.getScheme() != null;
        if (absolute && !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || absolute
                && uri.getHost() == null) {
            return Optional.empty();
        }
        if (config.standsForWechat() && absolute) {
            return Optional.of(url);
        }
        if (!config.callbackPath().equals(uri.getRawPath()) || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** The URL a push is sent to: a stored path goes to this server's own port on the loopback address. */
    public static String target(String stored) {
        if (!stored.startsWith("/")) {
            return stored;
        }
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
        return "http://localhost:" + port + stored;
    }
}
