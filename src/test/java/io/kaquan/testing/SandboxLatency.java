package io.kaquan.testing;

import java.time.Duration;
import java.util.Arrays;

import org.awaitility.Awaitility;

/**
 * The sandbox's latency fault, seen from the test: the sandbox reads an account's latency as a call arrives and then
 * holds the call for that long ({@code SandboxGate.admit}). Tests that make one call slow and the calls after it fast
 * must wait until the slow call is held before they turn the latency off. The sandbox runs in the test's JVM, so a
 * thread asleep inside the gate is exactly that moment.
 */
public final class SandboxLatency {

    private SandboxLatency() {
    }

    /** Waits until some call is held in the sandbox's latency. */
    public static void awaitHeldCall() {
        Awaitility.await("a call held in the sandbox's latency").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20)).until(SandboxLatency::aCallIsHeld);
    }

    private static boolean aCallIsHeld() {
        return Thread.getAllStackTraces().values().stream().anyMatch(stack -> stack.length > 1
                && stack[0].getMethodName().startsWith("sleep")
                && Arrays.stream(stack).limit(6).anyMatch(frame -> frame.getClassName().endsWith(".SandboxGate")
                        && frame.getMethodName().equals("admit")));
    }
}
