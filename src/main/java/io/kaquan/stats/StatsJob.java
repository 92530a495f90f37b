package io.kaquan.stats;

import io.kaquan.card.sync.JobContext;
import io.kaquan.card.sync.JobOutcome;
import io.kaquan.card.sync.TenantJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The daily statistics sync as a job of the scheduler (io.kaquan.card.sync): one tenant per run. */
@ApplicationScoped
public class StatsJob implements TenantJob {

    @Inject
    StatsSync sync;

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public JobOutcome run(JobContext context) {
        StatsSync.Outcome outcome = sync.syncTenant(context.tenantId(), context.today());
        return new JobOutcome(outcome.result(), outcome.calls(), outcome.summary());
    }
}
