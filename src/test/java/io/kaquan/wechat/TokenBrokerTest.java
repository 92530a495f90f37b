package io.kaquan.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TransactionCounter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The token broker against the sandbox, real HTTP and the real database. "Another node" is a second TokenBroker with
 * its own memory (tokens, locks, quota stops, credential breaker) over the same database and the same sandbox: the
 * brokers of two app nodes share nothing else, since everything that coordinates them (the advisory lock, the
 * access_token row) lives in PostgreSQL, and each one reaches it over its own connections. What it does not cover is
 * a second JVM's process-wide state, of which the broker has none.
 */
@QuarkusTest
class TokenBrokerTest {

    private static final String STABLE_TOKEN = "/cgi-bin/stable_token";
    private static final int THREADS = 16;
    private static final int LOOKUPS_PER_THREAD = 200;
    private static final String COLORS = "/card/getcolors";
    private static final int HALTED_CALLERS = 64;
    private static final int CALLS_PER_HALTED_CALLER = 25;

    static Session alice;

    @Inject
    TokenBroker broker;

    @Inject
    WeChatGateway gateway;

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

    @BeforeAll
    static void signIn() {
        alice = Session.login("alice");
    }

    @Test
    void shouldFetchOneTokenPerExpiryWhateverTheThreadsAndNodes() throws Exception {
        WeChatSide side = WeChatSide.register(alice, "并发令牌", Map.of("tokenTtlSeconds", 8));
        side.forgetToken(gateway); // no token in any memory nor in the database
        TokenBroker nodeB = anotherNode();
        try {
            int before = side.upstream(STABLE_TOKEN);
            Set<String> first = lookUpAtOnce(side.tenantId, List.of(broker, nodeB));
            assertEquals(1, first.size(), "every thread of both nodes got the same token");
            assertEquals(before + 1, side.upstream(STABLE_TOKEN), "one token request for all of them");

            clockReaches(broker.lease(side.tenantId).expiresAt().plusMillis(300));
            Set<String> second = lookUpAtOnce(side.tenantId, List.of(broker, nodeB));
            assertEquals(1, second.size());
            assertNotEquals(first, second, "a new token after expiry");
            assertEquals(before + 2, side.upstream(STABLE_TOKEN), "one token request for the next expiry");
        } finally {
            nodeB.stop();
        }
    }

    @Test
    void shouldRenewAheadOfExpiryInTheBackground() throws Exception {
        WeChatSide side = WeChatSide.register(alice, "提前刷新", Map.of("tokenTtlSeconds", 12));
        side.forgetToken(gateway);
        int before = side.upstream(STABLE_TOKEN);
        TokenBroker.Lease lease = broker.lease(side.tenantId);
        clockReaches(lease.refreshAt().plusMillis(100));

        assertEquals(lease.token(), broker.lease(side.tenantId).token(),
                "past its refresh point the token is still handed out, without waiting");
        String renewed = Awaitility.await("renewed in the background before it expired").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> broker.lease(side.tenantId).token(), token -> !token.equals(lease.token()));
        for (int i = 0; i < 100; i++) {
            broker.lease(side.tenantId);
        }
        assertEquals(before + 2, side.upstream(STABLE_TOKEN), "the first token and its one renewal");
    }

    @Test
    void shouldRecoverFromAnInvalidatedTokenWithOneRefreshAndOneRetry() {
        WeChatSide side = WeChatSide.register(alice, "令牌失效");
        WeChatClient wechat = gateway.forTenant(side.tenantId);
        wechat.cardColors();
        int tokens = side.upstream(STABLE_TOKEN);
        int admitted = side.upstream("/card/getcolors");
        int attempts = side.counted("/card/getcolors");

        side.faults(Map.of("invalidateToken", true)); // WeChat answers 40001 to the token Kaquan holds
        List<WeChatCards.Color> colors = wechat.cardColors();

        assertFalse(colors.isEmpty(), "the call succeeded");
        assertEquals(tokens + 1, side.upstream(STABLE_TOKEN), "exactly one refresh");
        assertEquals(admitted + 1, side.upstream("/card/getcolors"), "exactly one retry, admitted by WeChat");
        assertEquals(attempts + 2, side.counted("/card/getcolors"), "Kaquan sent the refused call and one retry");
    }

    @Test
    void shouldSwapATokenAnotherNodeReplacedWithoutAskingWeChat() {
        WeChatSide side = WeChatSide.register(alice, "跨节点");
        TokenBroker nodeB = anotherNode();
        try {
            String first = broker.lease(side.tenantId).token();
            assertEquals(first, nodeB.lease(side.tenantId).token());
            int before = side.upstream(STABLE_TOKEN);

            side.faults(Map.of("invalidateToken", true));
            String renewed = broker.renewAfterRefusal(side.tenantId, refusal(first)).token();
            assertNotEquals(first, renewed);
            assertEquals(before + 1, side.upstream(STABLE_TOKEN));

            assertEquals(first, nodeB.lease(side.tenantId).token(), "node B still uses its copy (no I/O)");
            assertEquals(renewed, nodeB.renewAfterRefusal(side.tenantId, refusal(first)).token(),
                    "node B takes the replacement from the database");
            assertEquals(renewed, broker.renewAfterRefusal(side.tenantId, refusal(first)).token(),
                    "a late refusal of the old token changes nothing");
            assertEquals(before + 1, side.upstream(STABLE_TOKEN), "no further token request");
        } finally {
            nodeB.stop();
        }
    }

    @Test
    void shouldFetchClassicTokensOncePerExpiryToo() throws Exception {
        WeChatSide side = WeChatSide.register(alice, "普通令牌");
        alice.request().formParam("tokenMode", "CLASSIC").post("/t/" + side.tenantId + "/settings/token-mode").then()
                .statusCode(303);
        TokenBroker nodeB = anotherNode();
        try {
            int before = side.counted("/cgi-bin/token");
            Set<String> tokens = lookUpAtOnce(side.tenantId, List.of(broker, nodeB));
            assertEquals(1, tokens.size());
            assertEquals(before + 1, side.counted("/cgi-bin/token"), "one classic token request");
            assertFalse(gateway.forTenant(side.tenantId).cardColors().isEmpty(), "and it works");
            assertEquals(TokenMode.CLASSIC, QuarkusTransaction.requiringNew()
                    .call(() -> AccessToken.ofTenant(side.tenantId).map(t -> t.kind).orElse(null)));
        } finally {
            nodeB.stop();
        }
    }

    @Test
    void shouldFailAtOnceFromMemoryWhileARenewedTokenIsRefusedAgain() throws Exception {
        WeChatSide side = WeChatSide.register(alice, "令牌止步");
        WeChatClient wechat = gateway.forTenant(side.tenantId);
        wechat.cardColors();
        side.faults(Map.of("invalidateToken", true));
        wechat.cardColors(); // renewed after the refusal, and retried
        side.faults(Map.of("invalidateToken", true)); // the renewed token is refused too, within the guard

        WeChatException first = callOn("halt-first", 1, 1, wechat::cardColors).get(0);
        assertTrue(first.isTokenRefusedAgain());
        assertTrue(TransactionCounter.onThreads("halt-first") > 0, "that refusal was decided in the database");
        int tokens = side.upstream(STABLE_TOKEN);
        int colors = side.counted(COLORS);

        List<WeChatException> stopped = callOn("halt-caller", HALTED_CALLERS, CALLS_PER_HALTED_CALLER,
                wechat::cardColors);
        assertEquals(HALTED_CALLERS * CALLS_PER_HALTED_CALLER, stopped.size());
        for (WeChatException e : stopped) {
            assertEquals(WeChatException.Kind.STOPPED, e.kind());
            assertEquals("tokenRefusedAgain", e.messageKey(), "the clear message, not a timeout");
        }
        assertEquals(0, TransactionCounter.onThreads("halt-caller"), "no database transaction while stopped");
        assertEquals(colors, side.counted(COLORS), "no call went out with the refused token");
        assertEquals(tokens, side.upstream(STABLE_TOKEN), "and no token call");
    }

    @Test
    void shouldRenewAgainOnceTheRenewalGuardHasPassed() {
        WeChatSide side = WeChatSide.register(alice, "止步结束");
        TokenBroker node = anotherNode(withRenewalGuard(Duration.ofSeconds(4)));
        try {
            String first = node.lease(side.tenantId).token();
            side.faults(Map.of("invalidateToken", true));
            String renewed = node.renewAfterRefusal(side.tenantId, refusal(first)).token();
            side.faults(Map.of("invalidateToken", true));
            WeChatException again = assertThrows(WeChatException.class,
                    () -> node.renewAfterRefusal(side.tenantId, refusal(renewed)));
            assertTrue(again.isTokenRefusedAgain());
            assertTrue(assertThrows(WeChatException.class, () -> node.lease(side.tenantId)).isTokenRefusedAgain(),
                    "halted");

            Awaitility.await("the renewal guard ends").atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100)).ignoreException(WeChatException.class)
                    .until(() -> node.lease(side.tenantId).token().equals(renewed));
            String third = node.renewAfterRefusal(side.tenantId, refusal(renewed)).token();
            assertNotEquals(renewed, third, "renewed again after the guard");
            assertEquals(third, node.lease(side.tenantId).token());
        } finally {
            node.stop();
        }
    }

    /**
     * Runs the call {@code calls} times on each of {@code threads} threads named {@code prefix-N}, all at once;
     * answers the failures (a call that succeeds fails the test).
     */
    private static List<WeChatException> callOn(String prefix, int threads, int calls, Runnable call)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        ThreadFactory named = runnable -> new Thread(runnable, prefix + "-" + next.incrementAndGet());
        ExecutorService pool = Executors.newFixedThreadPool(threads, named);
        CountDownLatch start = new CountDownLatch(1);
        List<WeChatException> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < calls; i++) {
                        failures.add(assertThrows(WeChatException.class, call::run));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return failures;
    }

    /** This node's configuration with another renewal guard. */
    private WeChatConfig withRenewalGuard(Duration guard) {
        return (WeChatConfig) Proxy.newProxyInstance(WeChatConfig.class.getClassLoader(),
                new Class<?>[] { WeChatConfig.class }, (proxy, method, args) -> method.getName().equals("renewalGuard")
                        ? guard
                        : method.invoke(config, args));
    }

    /** Many threads spread over the nodes ask for the tenant's token at the same moment; answers the tokens seen. */
    private static Set<String> lookUpAtOnce(long tenantId, List<TokenBroker> nodes) throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                TokenBroker node = nodes.get(t % nodes.size());
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < LOOKUPS_PER_THREAD; i++) {
                        seen.add(node.lease(tenantId).token());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return seen;
    }

    @Test
    void shouldStoreTokensSealedAndBoundToTheirTenant() {
        WeChatSide a = WeChatSide.register(alice, "封存令牌甲");
        WeChatSide b = WeChatSide.register(alice, "封存令牌乙");
        String tokenOfA = broker.lease(a.tenantId).token();
        String sealedOfA = storedToken(a.tenantId);
        assertFalse(sealedOfA.contains(tokenOfA), "the database alone does not give the token away");
        assertTrue(sealedOfA.startsWith("v2:"));
        assertEquals(tokenOfA, tokenSeal.open(a.tenantId, sealedOfA));

        // A's sealed token copied into B's row: it does not open there, and B's broker never hands it out.
        broker.lease(b.tenantId);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update access_token set token = ?1 where tenant_id = ?2").setParameter(1, sealedOfA)
                .setParameter(2, b.tenantId).executeUpdate());
        assertThrows(IllegalStateException.class, () -> tokenSeal.open(b.tenantId, sealedOfA));
        TokenBroker nodeB = anotherNode(); // no copy in memory: reads the row
        try {
            String tokenOfB = nodeB.lease(b.tenantId).token();
            assertNotEquals(tokenOfA, tokenOfB);
            assertEquals(tokenOfB, tokenSeal.open(b.tenantId, storedToken(b.tenantId)), "replaced by B's own token");
        } finally {
            nodeB.stop();
        }
    }

    private String storedToken(long tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select token from access_token where tenant_id = ?1").setParameter(1, tenantId).getSingleResult());
    }

    /** A second app node's broker: its own memory, the same database and WeChat. */
    TokenBroker anotherNode() {
        return anotherNode(config);
    }

    private TokenBroker anotherNode(WeChatConfig config) {
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

    private static TokenBroker.Refusal refusal(String token) {
        return new TokenBroker.Refusal(token, WeChatApi.CARD_GET, 40001, "invalid credential");
    }

    private static void clockReaches(Instant when) {
        Awaitility.await("the clock reaches " + when).atMost(Duration.between(Instant.now(), when).plusSeconds(5))
                .pollInterval(Duration.ofMillis(20)).until(() -> !Instant.now().isBefore(when));
    }
}
