package io.kaquan.testing;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Warms a bench's JVM up until its JIT compilers are quiet. A page touches so much code (Qute, Hibernate, Netty, the
 * OIDC session) that after a few hundred requests the compiler threads still took more CPU than the requests
 * themselves, and on two cores they slowed the very requests being timed: the figures were the warm-up's, not the
 * page's.
 */
public final class WarmUp {

    /** One round of requests, over every scenario. */
    public interface Round {
        void run() throws Exception;
    }

    /** How the warm-up went, for the bench's header. */
    public record Result(int rounds, double seconds, double compilingSeconds, boolean quiet) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "warm-up: %d rounds in %.0f s (JIT compiling %.0f s), %s",
                    rounds, seconds, compilingSeconds,
                    quiet ? "until a round cost the JIT under " + QUIET_PERCENT + " % of its time " + QUIET_ROUNDS
                            + " rounds running" : "stopped by its time budget before the JIT was quiet");
        }
    }

    static final int QUIET_PERCENT = 5;

    static final int QUIET_ROUNDS = 3;

    /** The longest warm-up: a bench whose JIT is not quiet by then is timed anyway, and says so. */
    static final Duration BUDGET = Duration.ofMinutes(3);

    private WarmUp() {
    }

    /** At least {@code minRounds} rounds, then more until the JIT is quiet, within {@link #BUDGET}. */
    public static Result untilTheJitIsQuiet(Round round, int minRounds) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long started = System.nanoTime();
        long compilingAtStart = jit.getTotalCompilationTime();
        int rounds = 0;
        int quietInARow = 0;
        while (true) {
            long compiling = jit.getTotalCompilationTime();
            long roundStarted = System.nanoTime();
            round.run();
            rounds++;
            long roundMillis = (System.nanoTime() - roundStarted) / 1_000_000;
            long compiledMillis = jit.getTotalCompilationTime() - compiling;
            quietInARow = compiledMillis * 100 < roundMillis * QUIET_PERCENT ? quietInARow + 1 : 0;
            boolean quiet = rounds >= minRounds && quietInARow >= QUIET_ROUNDS;
            if (quiet || System.nanoTime() - started > BUDGET.toNanos()) {
                return new Result(rounds, (System.nanoTime() - started) / 1e9,
                        (jit.getTotalCompilationTime() - compilingAtStart) / 1e3, quiet);
            }
        }
    }
}
