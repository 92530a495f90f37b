package io.kaquan.jobs;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.database.BatchedDelete;
import io.quarkus.logging.Log;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes finished run records older than kaquan.jobs.keep-runs, a batch per transaction (a run still RUNNING is left
 * to the scheduler, which marks abandoned ones). A clustered job: each firing runs on one node.
 */
@ApplicationScoped
public class SyncRunRetention {

    @Inject
    JobsConfig config;

    @Inject
    BatchedDelete batchedDelete;

    @Nonconcurrent
    @Scheduled(identity = "kaquan-sync-run-retention", cron = "${kaquan.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge(Instant.now());
    }

    /** Deletes the runs started before the retention at {@code now}; answers how many. */
    public long purge(Instant now) {
        long deleted = batchedDelete.run("sync_run", "select id from sync_run where result <> 'RUNNING' "
                + "and started_at < ?1 order by started_at limit ?2", 1000, now.minus(config.keepRuns()));
        if (deleted > 0) {
            Log.infof("Sync run retention deleted %d run records", deleted);
        }
        return deleted;
    }
}
