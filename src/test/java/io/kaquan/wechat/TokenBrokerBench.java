package io.kaquan.wechat;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.kaquan.tenant.SecretBox;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Not a test (its name keeps it out of the suite): the measuring end of {@code bench/token-broker}. Several "nodes"
 * (token brokers with their own memory, see {@link TokenBrokerTest}) over the test boot's database and sandbox; many
 * threads look up tokens of many tenants for a while, through one or more expiries. Reports the upstream token calls
 * per tenant (counted by the sandbox, asked over HTTP) against the expiries, and the lookup time. It asserts nothing
 * about time.
 */
@QuarkusTest
class TokenBrokerBench {

    private static final String STABLE_TOKEN = "/cgi-bin/stable_token";

    @Inject
    WeChatConfig config;

    @Inject
    WeChatAccounts accounts;

    @Inject
    TokenSeal tokenSeal;

    @Inject
    ApiClients clients;

    @Inject
    TokenIssuer issuer;

    @Inject
    EntityManager em;

    @Inject
    RefreshPermits permits;

    @Inject
    SecretBox secretBox;

    @Test
    void measure() throws Exception {
        int tenants = setting("tenants", 20);
        int nodes = setting("nodes", 2);
        int threads = setting("threads", 16);
        int seconds = setting("seconds", 12);
        int ttl = setting("ttl", 6);

        List<Account> created = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            created.add(tenant(ttl));
        }
        double unchangedBefore = unchangedFetches();
        List<TokenBroker> brokers = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            brokers.add(node());
        }
        Map<Long, Set<String>> tokensSeen = new ConcurrentHashMap<>();
        long[][] samples = new long[threads][];
        long[] lookups = new long[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Instant end = Instant.now().plusSeconds(seconds);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            TokenBroker broker = brokers.get(t % nodes);
            done.add(pool.submit(() -> {
                long[] kept = new long[1 << 20];
                Map<Long, String> last = new HashMap<>();
                int count = 0;
                long n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                start.await();
                while (Instant.now().isBefore(end)) {
                    for (int i = 0; i < 256; i++) {
                        long tenant = created.get(random.nextInt(created.size())).tenantId;
                        long began = System.nanoTime();
                        String token = broker.lease(tenant).token();
                        long took = System.nanoTime() - began;
                        if ((n++ & 7) == 0 && count < kept.length) {
                            kept[count++] = took;
                        }
                        if (!token.equals(last.put(tenant, token))) {
                            tokensSeen.computeIfAbsent(tenant, id -> ConcurrentHashMap.newKeySet()).add(token);
                        }
                    }
                }
                samples[thread] = Arrays.copyOf(kept, count);
                lookups[thread] = n;
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> future : done) {
            future.get(seconds + 120L, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        pool.shutdownNow();
        // Refreshes still in flight at the end: let them land (the lookup threads end, each broker's background
        // refreshes end in stop()), and count the stored tokens as handed out.
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new AssertionError("lookups still running 30 s after the end");
        }
        brokers.forEach(TokenBroker::stop);
        for (Account account : created) {
            QuarkusTransaction.requiringNew().run(() -> AccessToken.ofTenant(account.tenantId).ifPresent(
                    token -> tokensSeen.computeIfAbsent(account.tenantId, id -> ConcurrentHashMap.newKeySet())
                            .add(token.token(tokenSeal))));
        }

        long total = Arrays.stream(lookups).sum();
        long[] all = Arrays.stream(samples).flatMapToLong(Arrays::stream).sorted().toArray();
        int upstreamTotal = 0;
        int upstreamMax = 0;
        int tokensTotal = 0;
        int extraCalls = 0;
        for (Account account : created) {
            int upstream = account.upstream();
            int tokens = tokensSeen.getOrDefault(account.tenantId, Set.of()).size();
            upstreamTotal += upstream;
            upstreamMax = Math.max(upstreamMax, upstream);
            tokensTotal += tokens;
            extraCalls += Math.max(0, upstream - tokens);
        }
        StringBuilder report = new StringBuilder();
        report.append("Token broker bench (").append(Instant.now()).append(")\n");
        report.append(String.format("  setup: %d tenants, %d nodes (token brokers with their own memory over one "
                + "database), %d threads, %d s, sandbox token lifetime %d s%n", tenants, nodes, threads, seconds, ttl));
        report.append(String.format("  lookups: %,d in %.1f s = %,.0f per second%n", total, elapsed, total / elapsed));
        long slow = Arrays.stream(all).filter(n -> n > 1_000_000).count();
        report.append(String.format("  lookup time (every 8th lookup, at most 1M per thread: %,d samples): p50 %s, "
                + "p90 %s, p99 %s, p99.9 %s, max %s; %,d samples over 1 ms (the first lookups, "
                + "which wait for a token, and threads descheduled mid-lookup when they outnumber the cores)%n", all.length,
                nanos(all, 0.50), nanos(all, 0.90), nanos(all, 0.99), nanos(all, 0.999),
                nanos(all, 1.0), slow));
        report.append(String.format("  upstream token calls (stable_token, counted by the sandbox): %d in all, at most "
                + "%d for one tenant, %.1f per tenant%n", upstreamTotal, upstreamMax, upstreamTotal / (double) tenants));
        report.append(String.format("  distinct tokens handed out: %d in all; upstream calls beyond them: %d, of which "
                + "%.0f brought back the token already held (refreshed before WeChat rotates it)%n", tokensTotal,
                extraCalls, unchangedFetches() - unchangedBefore));
        Path out = Path.of("target", "bench", "token-broker.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** A tenant whose WeChat side is a sandbox account with a short token lifetime; no token yet anywhere. */
    private Account tenant(int ttl) {
        String appid = TestTenants.appid();
        String secret = TestTenants.hex(32);
        Map<String, Object> body = new HashMap<>();
        body.put("appid", appid);
        body.put("secret", secret);
        body.put("tokenTtlSeconds", ttl);
        given().baseUri(appUrl()).contentType(ContentType.JSON).body(body).post("/sandbox/admin/accounts").then()
                .statusCode(201);
        long id = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into app_user (subject, name, locale) values ('bench', 'bench', 'en') "
                    + "on conflict (subject) do nothing").executeUpdate();
            Number tenant = (Number) em.createNativeQuery("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by)
                    values (?1, ?2, ?3, 'SAFE', true, ?4, ?5, ?6, (select id from app_user where subject = 'bench'))
                    returning id""")
                    .setParameter(1, "bench " + appid).setParameter(2, appid).setParameter(3, TestTenants.originalId())
                    .setParameter(4, "").setParameter(5, "").setParameter(6, "").getSingleResult();
            long tenantId = tenant.longValue(); // sealed values are bound to the tenant's id: sealed once it has one
            em.createNativeQuery("update tenant set appsecret_enc = ?1, callback_token_enc = ?2, aes_key_enc = ?3 "
                    + "where id = ?4")
                    .setParameter(1, secretBox.seal("tenant.appsecret", tenantId, secret))
                    .setParameter(2, secretBox.seal("tenant.callback-token", tenantId, "benchToken"))
                    .setParameter(3, secretBox.seal("tenant.aes-key", tenantId, "a".repeat(43)))
                    .setParameter(4, tenantId).executeUpdate();
            return tenantId;
        });
        return new Account(appid, secret, id);
    }

    private record Account(String appid, String secret, long tenantId) {
        /** stable_token calls the sandbox counted today, asked like a client (classic token, quota/get). */
        int upstream() {
            String token = given().baseUri(appUrl()).queryParam("grant_type", "client_credential")
                    .queryParam("appid", appid).queryParam("secret", secret).get("/sandbox/wechat/cgi-bin/token")
                    .then().statusCode(200).extract().path("access_token");
            return given().baseUri(appUrl()).contentType(ContentType.JSON).queryParam("access_token", token)
                    .body(Map.of("cgi_path", STABLE_TOKEN)).post("/sandbox/wechat/cgi-bin/openapi/quota/get").then()
                    .statusCode(200).extract().path("quota.used");
        }
    }

    /** The brokers' own count of fetches that brought back the token they already had. */
    private static double unchangedFetches() {
        return io.micrometer.core.instrument.Metrics.globalRegistry.find("kaquan.wechat.token.fetches")
                .tag("result", "unchanged").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private TokenBroker node() {
        TokenBroker node = new TokenBroker();
        node.config = config;
        node.accounts = accounts;
        node.seal = tokenSeal;
        node.clients = clients;
        node.issuer = issuer;
        node.em = em;
        node.permits = permits; // bounds what the connection pool can give, and the "nodes" share one pool
        node.quotas = new ApiQuotas();
        node.quotas.em = em;
        node.quotas.config = config;
        node.guard = new CredentialGuard();
        node.guard.config = config;
        node.guard.em = em;
        return node;
    }

    private static String appUrl() {
        return ConfigProvider.getConfig().getValue("test.url", String.class);
    }

    private static int setting(String name, int fallback) {
        return Integer.getInteger("kaquan.bench." + name, fallback);
    }

    private static String nanos(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        long value = sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1 < 0 ? 0
                : (int) Math.ceil(quantile * sorted.length) - 1)];
        return value < 10_000 ? value + " ns" : value < 10_000_000 ? (value / 1000) + " µs" : (value / 1_000_000) + " ms";
    }
}
