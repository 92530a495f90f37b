package io.kaquan.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.agency.TestPlatform;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The component token against the sandbox's open platform: two "nodes" (a second ComponentTokens sharing only the
 * database, like two app nodes) refreshing at once make one api_component_token call; a refused token is replaced
 * once, and a node that meets a token another node already replaced adopts the new one without calling WeChat.
 */
@QuarkusTest
class ComponentTokensTest {

    static final int THREADS = 8;

    @Inject
    ComponentTokens tokens;

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

    @BeforeAll
    static void platformWithTicket() {
        TestPlatform.ensure();
    }

    @Test
    void shouldCallWeChatOnceWhenTwoNodesRefreshAtOnce() throws Exception {
        ComponentTokens nodeB = anotherNode();
        QuarkusTransaction.requiringNew().run(() -> ComponentToken.deleteAll());
        tokens.forget();
        int before = tokens.fetchCount();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                ComponentTokens node = t % 2 == 0 ? tokens : nodeB;
                done.add(threads.submit(() -> {
                    start.await();
                    seen.add(node.lease().token());
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
        assertEquals(1, seen.size(), "every thread of both nodes got the same token");
        assertEquals(1, tokens.fetchCount() - before + nodeB.fetchCount(), "one upstream call");
    }

    @Test
    void shouldReplaceARefusedTokenOnceAndLetTheOtherNodeAdoptIt() {
        ComponentTokens nodeB = anotherNode();
        String first = tokens.lease().token();
        assertEquals(first, nodeB.lease().token(), "node B adopts the stored token");
        int fetchesA = tokens.fetchCount();
        String second = tokens.renewAfterRefusal(first).token();
        assertNotEquals(first, second);
        assertEquals(fetchesA + 1, tokens.fetchCount());
        // Node B meets the refusal of the old token too: the new one is stored, so it calls nobody.
        assertEquals(second, nodeB.renewAfterRefusal(first).token());
        assertEquals(0, nodeB.fetchCount());
    }

    ComponentTokens anotherNode() {
        ComponentTokens node = new ComponentTokens();
        node.platform = platform;
        node.config = config;
        node.seal = seal;
        node.clients = clients;
        node.wire = wire;
        node.em = em;
        return node;
    }
}
