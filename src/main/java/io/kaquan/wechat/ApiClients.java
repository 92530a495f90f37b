package io.kaquan.wechat;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.LaunchMode;

/**
 * The REST clients of each WeChat host, built once per base URL (WeChat itself, the built-in sandbox, or a test's
 * stand-in) and kept: a client owns a connection pool, so building one per call would be slow and leak.
 */
@ApplicationScoped
class ApiClients {

    /** What WeChat's JSON APIs accept. */
    static final String JSON = "application/json; charset=UTF-8";

    private record Key(URI base, Class<?> type) {
    }

    private final Map<Key, Object> clients = new ConcurrentHashMap<>();

    @Inject
    WeChatConfig config;

    <T> T client(URI base, Class<T> type) {
        return type.cast(clients.computeIfAbsent(new Key(base, type), key -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // WeChat answers HTTP 200 even for errors; anything else is a proxy or an outage, judged by the caller.
                .disableDefaultMapper(true)
                .followRedirects(false)
                .build(type)));
    }

    /** The API host of an account: its own when set, else the sandbox's or WeChat's. */
    URI apiBase(boolean sandbox, String override) {
        if (override != null && !override.isBlank()) {
            return uri(override);
        }
        return uri(sandbox ? config.sandboxBaseUrl() : config.apiBaseUrl());
    }

    URI sandboxAdmin() {
        return uri(config.sandboxAdminUrl());
    }

    /** The callback URL a sandbox account of this app pushes to. */
    String sandboxCallbackUrl() {
        return withPort(config.sandboxCallbackUrl());
    }

    private static URI uri(String url) {
        return URI.create(withPort(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
    }

    /**
     * Replaces {port} by this server's HTTP port. Read when needed, not at startup: with a random port (tests) the
     * port is only known once the HTTP server listens.
     */
    static String withPort(String url) {
        if (!url.contains("{port}")) {
            return url;
        }
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
        return url.replace("{port}", Integer.toString(port));
    }
}
