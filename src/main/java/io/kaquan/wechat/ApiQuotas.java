package io.kaquan.wechat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Counts every call per tenant, API and day, and keeps WeChat's limits: after 45009 an API is not called again for the
 * tenant until the day ends (WeChat would refuse it all day), after 45011 not before the next minute.
 * <ul>
 * <li>Counts are kept in memory and added to {@code api_usage} every {@code kaquan.wechat.usage-flush-interval}
 * (one upsert of the deltas per tenant and API: exact across nodes). A call costs no database work and no second
 * connection next to its caller's (which could drain the pool under load); a crash loses at most one interval.</li>
 * <li>Token calls are counted at once, in the refresh's own transaction ({@link #countHere}).</li>
 * <li>The stops live in memory (checked without I/O before each call); the day's 45009 is also stored for the tenant
 * page. Another node learns of a stop from its own first refused call.</li>
 * </ul>
 */
@ApplicationScoped
class ApiQuotas {

    private record Key(long tenantId, WeChatApi api) {
    }

    private record Stop(Instant until, int errcode, String errmsg) {
    }

    private record DayKey(long tenantId, WeChatApi api, LocalDate day) {
    }

    /** Counts of one tenant, API and day not yet added to the table. */
    private static final class Tally {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile Integer lastErrcode;
        volatile Instant lastErrorAt;
        volatile Instant lastCallAt;
    }

    private final Map<Key, Stop> stops = new ConcurrentHashMap<>();
    private final Map<DayKey, Tally> pending = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService flusher;

    @Inject
    EntityManager em;

    @Inject
    WeChatConfig config;

    /** Throws a STOPPED exception while the API is stopped for the tenant. */
    void checkOpen(long tenantId, WeChatApi api) {
        Key key = new Key(tenantId, api);
        Stop stop = stops.get(key);
        if (stop == null) {
            return;
        }
        if (Instant.now().isBefore(stop.until)) {
            throw WeChatException.stopped(api, stop.errcode, stop.errmsg);
        }
        stops.remove(key, stop);
    }

    /** Counts one attempt (errcode 0: success; -1 also for no answer), in memory. */
    void count(long tenantId, WeChatApi api, int errcode) {
        startFlusher();
        Tally tally = pending.computeIfAbsent(new DayKey(tenantId, api, ApiUsage.today()), key -> new Tally());
        Instant now = Instant.now();
        tally.calls.incrementAndGet();
        tally.lastCallAt = now;
        if (errcode != 0) {
            tally.failures.incrementAndGet();
            tally.lastErrcode = errcode;
            tally.lastErrorAt = now;
        }
    }

    /** Counts one attempt in the caller's transaction, at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    void countHere(long tenantId, WeChatApi api, int errcode) {
        Instant now = Instant.now();
        add(tenantId, api, ApiUsage.today(), 1, errcode != 0 ? 1 : 0, errcode != 0 ? errcode : null,
                errcode != 0 ? now : null, now);
    }

    /** Adds this node's counts to the table (also before the tenant page reads it); waits for a flush under way. */
    synchronized void flush() {
        LocalDate today = ApiUsage.today();
        for (Map.Entry<DayKey, Tally> entry : pending.entrySet()) {
            DayKey key = entry.getKey();
            Tally tally = entry.getValue();
            long calls = tally.calls.getAndSet(0);
            long failures = tally.failures.getAndSet(0);
            if (calls == 0 && failures == 0) {
                if (key.day.isBefore(today)) {
                    pending.remove(key, tally);
                }
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> add(key.tenantId, key.api, key.day, calls, failures,
                        tally.lastErrcode, tally.lastErrorAt, tally.lastCallAt));
            } catch (RuntimeException e) {
                // Kept for the next flush while the day lasts (a deleted tenant's counts go with the day).
                if (key.day.equals(today)) {
                    tally.calls.addAndGet(calls);
                    tally.failures.addAndGet(failures);
                }
                Log.debugf("Call counts of tenant %d not stored yet: %s", key.tenantId, e.getMessage());
            }
        }
    }

    /** One upsert of deltas: exact when several nodes add to the same row. */
    private void add(long tenantId, WeChatApi api, LocalDate day, long calls, long failures, Integer lastErrcode,
            Instant lastErrorAt, Instant lastCallAt) {
        em.createNativeQuery("""
                insert into api_usage (tenant_id, api, day, calls, failures, last_errcode, last_error_at, last_call_at)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as integer), cast(?7 as timestamptz), ?8)
                on conflict (tenant_id, api, day) do update set calls = api_usage.calls + excluded.calls,
                    failures = api_usage.failures + excluded.failures,
                    last_errcode = coalesce(excluded.last_errcode, api_usage.last_errcode),
                    last_error_at = coalesce(excluded.last_error_at, api_usage.last_error_at),
                    last_call_at = greatest(excluded.last_call_at, api_usage.last_call_at)""")
                .setParameter(1, tenantId).setParameter(2, api.path()).setParameter(3, day)
                .setParameter(4, (int) calls).setParameter(5, (int) failures).setParameter(6, lastErrcode)
                .setParameter(7, lastErrorAt).setParameter(8, lastCallAt)
                .executeUpdate();
    }

    /**
     * 45009 or 45011 seen: stop the API for the day, or until the next minute. The day's stop is stored in a
     * transaction of its own (the caller's may roll back with the failure), or in the caller's when {@code here}.
     */
    void refused(long tenantId, WeChatApi api, int errcode, String errmsg, boolean here) {
        if (errcode == 45009) {
            stops.put(new Key(tenantId, api), new Stop(ApiUsage.tomorrow(), errcode, errmsg));
            (here ? QuarkusTransaction.joiningExisting() : QuarkusTransaction.requiringNew())
                    .run(() -> markExhausted(tenantId, api));
        } else if (errcode == 45011) {
            Instant nextMinute = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            stops.put(new Key(tenantId, api), new Stop(nextMinute, errcode, errmsg));
        }
    }

    private void markExhausted(long tenantId, WeChatApi api) {
        LocalDate today = ApiUsage.today();
        em.createNativeQuery("""
                insert into api_usage (tenant_id, api, day, last_call_at, quota_exhausted_at) values (?1, ?2, ?3, now(), now())
                on conflict (tenant_id, api, day) do update set
                    quota_exhausted_at = coalesce(api_usage.quota_exhausted_at, excluded.quota_exhausted_at)""")
                .setParameter(1, tenantId).setParameter(2, api.path()).setParameter(3, today).executeUpdate();
    }

    /** Forgets the minute stops of a tenant (a user asked to retry); the day's 45009 stays, WeChat would repeat it. */
    void forgetMinuteStops(long tenantId) {
        stops.entrySet().removeIf(e -> e.getKey().tenantId == tenantId && e.getValue().errcode == 45011);
    }

    /** Started with the first count; a daemon, so that it never holds the JVM. */
    private void startFlusher() {
        if (flusher != null) {
            return;
        }
        synchronized (this) {
            if (flusher == null) {
                ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "kaquan-usage-flush");
                    thread.setDaemon(true);
                    return thread;
                });
                long every = Math.max(100, config.usageFlushInterval().toMillis());
                executor.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
                flusher = executor;
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            Log.warnf("Storing call counts failed: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
            flushQuietly();
        }
    }
}
