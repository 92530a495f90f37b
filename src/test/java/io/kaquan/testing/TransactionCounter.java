package io.kaquan.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionScoped;

/**
 * Counts the JTA transactions begun in this JVM, per thread: Quarkus announces every transaction it begins (declared,
 * QuarkusTransaction or UserTransaction) with this CDI event. Tests name their callers' threads and read the count of
 * those threads only, so that jobs and processors running at the same time are not counted.
 */
@ApplicationScoped
public class TransactionCounter {

    private static final Map<String, AtomicInteger> BEGUN = new ConcurrentHashMap<>();

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        BEGUN.computeIfAbsent(Thread.currentThread().getName(), name -> new AtomicInteger()).incrementAndGet();
    }

    /** Transactions begun so far on threads whose name starts with the prefix. */
    public static int onThreads(String prefix) {
        return BEGUN.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }
}
