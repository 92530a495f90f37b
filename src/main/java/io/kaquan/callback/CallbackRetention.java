package io.kaquan.callback;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.kaquan.database.BatchedDelete;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what the callback stored and no longer needs (kaquan.callback.retention.*): unroutable pushes, finished and
 * dead events, past hours' budget counters. Events still waiting or failing are never touched. A clustered job: each
 * firing runs on one node.
 */
@ApplicationScoped
public class CallbackRetention {

    /** What one purge deleted. */
    public record Purged(long unroutable, long events, long deadEvents, long budgets) {
    }

    @Inject
    CallbackConfig config;

    @Inject
    BatchedDelete batchedDelete;

    @Inject
    EntityManager em;

    @Nonconcurrent
    @Scheduled(identity = "kaquan-callback-retention", cron = "${kaquan.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge(Instant.now());
    }

    /** Deletes what is older than its retention at {@code now}. */
    public Purged purge(Instant now) {
        CallbackConfig.Retention retention = config.retention();
        int batch = retention.batchSize();
        long unroutable = batchedDelete.run("unroutable_event",
                "select id from unroutable_event where received_at < ?1 order by received_at limit ?2", batch,
                now.minus(retention.unroutableKept()));
        long events = batchedDelete.run("wechat_event", "select id from wechat_event where status in ('PROCESSED', "
                + "'IGNORED') and received_at < ?1 order by received_at limit ?2", batch,
                now.minus(retention.eventsKept()));
        long dead = batchedDelete.run("wechat_event", "select id from wechat_event where status = 'DEAD' "
                + "and received_at < ?1 order by received_at limit ?2", batch, now.minus(retention.deadEventsKept()));
        // A budget counts the current hour only: earlier windows are never read again.
        long budgets = QuarkusTransaction.requiringNew().call(() -> (long) em.createNativeQuery(
                "delete from unroutable_budget where window_start < ?1")
                .setParameter(1, now.truncatedTo(ChronoUnit.HOURS)).executeUpdate());
        Purged purged = new Purged(unroutable, events, dead, budgets);
        if (unroutable + events + dead > 0) {
            Log.infof("Callback retention deleted %d unroutable pushes, %d finished and %d dead events", unroutable,
                    events, dead);
        }
        return purged;
    }
}
