package io.kaquan.wechat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The third-party platform's component_access_token, with the guarantees of {@link TokenBroker}:
 * <ul>
 * <li><b>Once per expiry.</b> A refresh takes the platform's lock in this JVM, then a PostgreSQL advisory lock,
 * re-reads the {@code component_token} row and calls api_component_token only if the stored token is still stale:
 * however many threads and nodes ask at once, one request goes out.</li>
 * <li><b>Compare, then expire.</b> A token WeChat refused (40001/40014/42001, e.g. because another environment
 * fetched one) is replaced only if it is still the current one; otherwise the newer one is simply adopted.</li>
 * <li><b>Never without a ticket.</b> With no ticket stored yet, WeChat is not called with an empty one (61006).</li>
 * </ul>
 */
@ApplicationScoped
public class ComponentTokens {

    /** The first key of the advisory lock ("kq" + 2); the second is the platform appid's hash. */
    static final int LOCK_SPACE = 0x6b71_0002;

    /** A token in memory. */
    record Lease(String token, URI apiBase, Instant refreshAt, Instant usableUntil) {

        static Lease of(String token, URI apiBase, Instant obtainedAt, Instant expiresAt, Duration refreshAhead) {
            Duration life = Duration.between(obtainedAt, expiresAt);
            Duration ahead = min(refreshAhead, life.dividedBy(4));
            Duration margin = min(Duration.ofSeconds(30), life.dividedBy(10));
            return new Lease(token, apiBase, expiresAt.minus(ahead), expiresAt.minus(margin));
        }

        @Override
        public String toString() {
            return "Lease[refreshAt=" + refreshAt + "]";
        }
    }

    @RegisterForReflection
    record ComponentTokenRequest(String componentAppid, String componentAppsecret, String componentVerifyTicket) {
        @Override
        public String toString() {
            return "ComponentTokenRequest[" + componentAppid + "]";
        }
    }

    @RegisterForReflection
    record ComponentTokenReply(String componentAccessToken, Long expiresIn) {
    }

    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Calls of api_component_token made by this node (tests compare nodes). */
    private final AtomicInteger fetches = new AtomicInteger();

    @Inject
    ComponentPlatform platform;

    @Inject
    WeChatConfig config;

    @Inject
    TokenSeal seal;

    @Inject
    ApiClients clients;

    @Inject
    WeChatWire wire;

    @Inject
    EntityManager em;

    /** The platform's credentials, or a refusal that says the platform is not configured. */
    ComponentPlatform.Credentials credentials() {
        return platform.credentials().orElseThrow(
                () -> WeChatException.refused(WeChatApi.COMPONENT_TOKEN, 61011, "no third-party platform configured"));
    }

    /**
     * A usable component token: this node's copy while fresh, else refreshed. The platform's credentials (with the
     * stored ticket) are read on every call: one small read, which a change of ticket or secret needs to be seen.
     */
    Lease lease() {
        ComponentPlatform.Credentials credentials = credentials();
        Lease lease = leases.get(credentials.appid());
        if (lease != null && Instant.now().isBefore(lease.refreshAt)) {
            return lease;
        }
        return refresh(credentials, null);
    }

    /** A replacement for a token WeChat refused; the current one if someone replaced it meanwhile. */
    Lease renewAfterRefusal(String refusedToken) {
        return refresh(credentials(), refusedToken);
    }

    /** Calls of api_component_token made by this node so far. */
    int fetchCount() {
        return fetches.get();
    }

    /** Forgets this node's copy (for tests that start from no token). */
    void forget() {
        leases.clear();
    }

    private Lease refresh(ComponentPlatform.Credentials credentials, String refused) {
        ReentrantLock lock = locks.computeIfAbsent(credentials.appid(), id -> new ReentrantLock());
        lock.lock();
        try {
            Lease current = leases.get(credentials.appid());
            if (current != null && stillGood(current, refused, Instant.now())) {
                return current;
            }
            Lease lease = QuarkusTransaction.requiringNew().call(() -> refreshLocked(credentials, refused));
            leases.put(credentials.appid(), lease);
            return lease;
        } finally {
            lock.unlock();
        }
    }

    private static boolean stillGood(Lease lease, String refused, Instant now) {
        return refused == null ? now.isBefore(lease.refreshAt)
                : !lease.token.equals(refused) && now.isBefore(lease.usableUntil);
    }

    private Lease refreshLocked(ComponentPlatform.Credentials credentials, String refused) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)").setParameter(1, LOCK_SPACE)
                .setParameter(2, credentials.appid().hashCode()).getSingleResult();
        URI base = clients.apiBase(false, credentials.apiBaseUrl());
        Instant now = Instant.now();
        ComponentToken stored = ComponentToken.of(credentials.appid()).orElse(null);
        if (stored != null) {
            try {
                Lease lease = Lease.of(stored.token(seal), base, stored.obtainedAt, stored.expiresAt,
                        config.refreshAhead());
                if (stillGood(lease, refused, now)) {
                    return lease; // another node refreshed it
                }
            } catch (IllegalStateException e) {
                Log.warnf("The stored component token of %s does not open; fetching a new one", credentials.appid());
            }
        }
        if (credentials.ticket() == null || credentials.ticket().isBlank()) {
            throw WeChatException.refused(WeChatApi.COMPONENT_TOKEN, 61006,
                    "no component_verify_ticket received yet");
        }
        ComponentRestClient client = clients.client(base, ComponentRestClient.class);
        fetches.incrementAndGet();
        JsonNode reply = wire.exchange(WeChatApi.COMPONENT_TOKEN, base, errcode -> {
        }, () -> client.componentToken(WeChatJson.write(new ComponentTokenRequest(credentials.appid(),
                credentials.secret(), credentials.ticket()))));
        int errcode = WeChatJson.errcode(reply);
        Metrics.counter("kaquan.wechat.component.token.fetches", "result", errcode == 0 ? "new" : "failed")
                .increment();
        if (errcode != 0) {
            throw WeChatException.refused(WeChatApi.COMPONENT_TOKEN, errcode, WeChatJson.errmsg(reply));
        }
        ComponentTokenReply token = WeChatJson.convert(reply, ComponentTokenReply.class);
        if (token.componentAccessToken() == null || token.componentAccessToken().isBlank()
                || token.expiresIn() == null || token.expiresIn() <= 0) {
            throw WeChatException.noAnswer(WeChatApi.COMPONENT_TOKEN, base.getHost(), "a token answer without a token",
                    null);
        }
        ComponentToken row = ComponentToken.store(seal, credentials.appid(), token.componentAccessToken(), now,
                token.expiresIn());
        Log.debugf("Platform %s: new component token, expires in %d s", credentials.appid(), token.expiresIn());
        return Lease.of(token.componentAccessToken(), base, row.obtainedAt, row.expiresAt, config.refreshAhead());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
