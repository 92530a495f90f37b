package io.kaquan.sandbox;

import java.time.Instant;

/**
 * Fired about once a second ({@code kaquan.sandbox.tick-interval}) on every node while the sandbox is enabled, on a
 * background thread without a transaction or request. Observe it for time-driven work such as due card reviews:
 * {@code void reviewDue(@Observes SandboxTick tick)}. Several nodes tick at once, so claim work in the database
 * (e.g. {@code FOR UPDATE SKIP LOCKED}) and keep the observer short.
 */
public record SandboxTick(Instant at) {
}
