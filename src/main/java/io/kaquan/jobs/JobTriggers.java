package io.kaquan.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * The clustered Quartz jobs (jdbc-cmt store on our PostgreSQL): each firing runs on one node only, and never twice at
 * once ({@link Nonconcurrent}). They only dispatch; the work is in {@link TenantJobs} and {@link TokenFreshness}, which
 * tests call directly ({@code %test} turns both triggers off).
 */
@ApplicationScoped
public class JobTriggers {

    @Inject
    TenantJobs tenantJobs;

    @Inject
    TokenFreshness tokens;

    /** Due tenant jobs (card status, statistics…), a batch per firing; runs a stopped node left open are closed. */
    @Nonconcurrent
    @Scheduled(identity = "kaquan-jobs-tick", every = "${kaquan.jobs.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        tenantJobs.runDue();
        tenantJobs.closeAbandonedRuns();
    }

    /** Tokens of active tenants, ahead of expiry; recorded as one run per firing. */
    @Nonconcurrent
    @Scheduled(identity = "kaquan-token-freshness", every = "${kaquan.jobs.tokens.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tokens(ScheduledExecution execution) {
        tokens.sweep(execution.getScheduledFireTime());
    }
}
