package io.kaquan.code;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Test-only: runs an action once when the sandbox receives a given API call, before the sandbox handles it. Used to
 * switch on the sandbox's latency fault for the code call itself and not for the code/get read before it (the fault
 * holds for every call of the account, and the sandbox reads it as each call arrives).
 */
public class Arrivals {

    private static volatile String armedPath;
    private static volatile Runnable armedAction;
    private static volatile CountDownLatch arrived = new CountDownLatch(1);

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
        String path = armedPath;
        if (path != null && request.getUriInfo().getPath().equals(path)) {
            armedPath = null;
            armedAction.run();
            arrived.countDown();
        }
    }
}
