package io.kaquan.card.sync;

/**
 * A job that runs for one tenant at a time, on the schedule of {@code kaquan.jobs.tenant."<name>".*}. Implement it as
 * a CDI bean: {@link TenantJobs} finds every bean, spreads each tenant's due time over the configured window and
 * records every run in {@code sync_run}. Called outside any transaction; it may throw (the run is recorded as failed,
 * after a 45009 as QUOTA with the job paused for the tenant until the next Asia/Shanghai day).
 */
public interface TenantJob {

    /** Stable id, [a-z0-9-]+: the key in configuration and in sync_run.job. */
    String name();

    JobOutcome run(JobContext context);
}
