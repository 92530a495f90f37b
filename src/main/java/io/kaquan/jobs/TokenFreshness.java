package io.kaquan.jobs;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.wechat.TokenUpkeep;
import io.kaquan.wechat.WeChatException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Refreshes the tokens of recently active tenants before they expire, so that no user request waits for WeChat's
 * token API. Each tenant's refresh goes through the broker's single flight; a failure is recorded and tried again at
 * the next sweep only (no loop). One {@code sync_run} per sweep (job {@value #JOB}, no tenant).
 */
@ApplicationScoped
public class TokenFreshness {

    public static final String JOB = "tokens";

    @Inject
    TokenUpkeep upkeep;

    @Inject
    JobsConfig config;

    @Inject
    TenantJobs tenantJobs;

    /** One sweep; {@code firedAt} is the Quartz fire time it belongs to (the run's due time). */
    public JobOutcome sweep(Instant firedAt) {
        Instant started = Instant.now();
        SyncRun run = new SyncRun();
        run.job = JOB;
        run.dueAt = firedAt == null ? started : firedAt;
        run.startedAt = started;
        run.result = SyncRun.State.RUNNING;
        run.node = tenantJobs.node();
        QuarkusTransaction.requiringNew().run(() -> run.persist());
        JobOutcome outcome;
        try {
            outcome = refreshDue();
        } catch (RuntimeException e) {
            Log.warnf(e, "Token sweep failed");
            outcome = JobOutcome.failed(0, e.toString());
        }
        JobOutcome done = outcome;
        QuarkusTransaction.requiringNew().run(() -> {
            SyncRun stored = SyncRun.findById(run.id);
            stored.finishedAt = Instant.now();
            stored.result = SyncRun.State.valueOf(done.result().name());
            stored.calls = done.calls();
            stored.message = done.message();
        });
        return done;
    }

    private JobOutcome refreshDue() {
        List<Long> due = upkeep.due(Instant.now().minus(config.tokens().activeWithin()), 0,
                config.tokens().maxPerSweep());
        int fetched = 0;
        int failed = 0;
        StringBuilder failures = new StringBuilder();
        for (Long tenantId : due) {
            try {
                if (upkeep.refreshIfDue(tenantId) == TokenUpkeep.Result.FETCHED) {
                    fetched++;
                }
            } catch (WeChatException e) {
                failed++; // the broker recorded it (credential problem, quota); next sweep tries again
                if (failures.length() < 500) {
                    failures.append("; tenant ").append(tenantId).append(": ").append(e.errcode()).append(' ')
                            .append(e.errmsg());
                }
            }
        }
        String message = "due " + due.size() + ", refreshed " + fetched + ", failed " + failed + failures;
        if (failed == 0) {
            return JobOutcome.ok(fetched, message);
        }
        return fetched > 0 || failed < due.size() ? JobOutcome.partial(fetched, message)
                : JobOutcome.failed(fetched, message);
    }
}
