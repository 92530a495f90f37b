package io.kaquan.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.jobs.JobContext;
import io.kaquan.jobs.JobOutcome;
import io.kaquan.jobs.TenantJob;
import io.kaquan.web.I18n;

/** The daily statistics sync as a job of the scheduler (io.kaquan.jobs): one tenant per run. */
@ApplicationScoped
public class StatsJob implements TenantJob {

    @Inject
    StatsSync sync;

    @Inject
    I18n i18n;

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String label() {
        return i18n.bundle(StatsMsg.class).syncJob();
    }

    @Override
    public JobOutcome run(JobContext context) {
        StatsSync.Outcome outcome = sync.syncTenant(context.tenantId(), context.today());
        return new JobOutcome(outcome.result(), outcome.calls(), outcome.summary());
    }
}
