package io.kaquan.wechat;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.database.BatchedDelete;
import io.quarkus.logging.Log;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;

/** Deletes daily call counts older than kaquan.wechat.usage-kept. A clustered job: each firing runs on one node. */
@ApplicationScoped
public class ApiUsageRetention {

    @Inject
    WeChatConfig config;

    @Inject
    BatchedDelete batchedDelete;

    @Nonconcurrent
    @Scheduled(identity = "kaquan-api-usage-retention", cron = "${kaquan.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge(Instant.now());
    }

    /** Deletes the days before the retention at {@code now} (WeChat's days); answers how many rows. */
    public long purge(Instant now) {
        LocalDate firstKept = LocalDate.ofInstant(now.minus(config.usageKept()), WeChatTime.ZONE);
        long deleted = batchedDelete.run("api_usage", "select id from api_usage where day < ?1 order by day limit ?2",
                1000, firstKept);
        if (deleted > 0) {
            Log.infof("API usage retention deleted %d daily counts before %s", deleted, firstKept);
        }
        return deleted;
    }
}
