package io.kaquan.code;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Test-only: runs an action once when the sandbox receives a given API call, before the sandbox handles it. Used to
 * switch on the sandbox's latency fault for the code call itself and not for the code/get read before it (the fault
 * holds for every call of the account, and the sandbox reads it as each call arrives). Also counts the calls that
 * reached the sandbox, per API path: what "WeChat" was actually sent.
 */
public class Arrivals {

    private static volatile String armedPath;
    private static volatile Runnable armedAction;
    private static volatile CountDownLatch arrived = new CountDownLatch(1);
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    /** How many calls of the API path (e.g. "/card/code/consume") reached the sandbox since the app started. */
    static int calls(String api) {
        AtomicInteger count = CALLS.get("/sandbox/wechat" + api);
        return count == null ? 0 : count.get();
    }

    /** Arms the action for the API path, e.g. "/card/code/unavailable". */
    static void arm(String api, Runnable action) {
        arrived = new CountDownLatch(1);
        armedAction = action;
        armedPath = "/sandbox/wechat" + api;
    }

    static void disarm() {
        armedPath = null;
    }

    /** Waits until the armed call arrived and its action ran. */
    static void await() throws InterruptedException {
        if (!arrived.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the armed call did not arrive within 60 s");
        }
    }

    /** Not pre-matching and blocking: runs on the sandbox call's worker thread, so the action may block. */
    @ServerRequestFilter
    public void arriving(ContainerRequestContext request) {
        String arriving = request.getUriInfo().getPath();
        if (arriving.startsWith("/sandbox/wechat/")) {
            CALLS.computeIfAbsent(arriving, key -> new AtomicInteger()).incrementAndGet();
        }
        String path = armedPath;
        if (path != null && arriving.equals(path)) {
            armedPath = null;
            armedAction.run();
            arrived.countDown();
        }
    }
}
