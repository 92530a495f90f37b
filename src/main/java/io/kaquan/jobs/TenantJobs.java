package io.kaquan.jobs;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.quartz.CronExpression;

import io.kaquan.wechat.CredentialProblem;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatTime;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs {@link TenantJob}s per tenant, once per due time, whatever the number of nodes: each (job, tenant) has a row in
 * {@code job_schedule}; a run first takes that row's lease (one atomic update, rows locked with skip locked), so a
 * scheduled firing, a second node and a user's "sync now" never run the same tenant's job at the same time. A pair is
 * claimed just before it runs, and its lease is renewed while the run goes on: only a node that stopped lets the lease
 * run out. Every run is recorded in {@code sync_run}. Long because claiming, renewing and releasing a lease and
 * recording its run are one protocol over one table; split, each part would have to know the others' SQL.
 */
@ApplicationScoped
public class TenantJobs {

    /** A due (job, tenant) whose lease this node holds. */
    record Claim(String job, long tenantId, Instant dueAt, String leaseOwner) {
    }

    @Inject
    @Any
    Instance<TenantJob> beans;

    @Inject
    JobsConfig config;

    @Inject
    EntityManager em;

    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    /** Renews the leases of this node's runs. */
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kaquan-job-leases");
        thread.setDaemon(true);
        return thread;
    });

    /** A shorter lease for tests (the configured one is 15 minutes); null: {@code kaquan.jobs.lease}. */
    private volatile Duration leaseOverride;

    /** Tests: a method, not a field, so that it reaches the bean behind the client proxy. */
    void leaseForTests(Duration lease) {
        leaseOverride = lease;
    }

    Duration lease() {
        Duration override = leaseOverride;
        return override != null ? override : config.lease();
    }

    @PreDestroy
    void stop() {
        renewer.shutdownNow();
    }

    /** This node's name in run records. */
    public String node() {
        return config.nodeName().orElse(node);
    }

    /** Every tenant job, by name. */
    public List<TenantJob> all() {
        List<TenantJob> jobs = new ArrayList<>();
        beans.forEach(jobs::add);
        jobs.sort(Comparator.comparing(TenantJob::name));
        return jobs;
    }

    public Optional<TenantJob> job(String name) {
        return all().stream().filter(j -> j.name().equals(name)).findFirst();
    }

    /** The job's cron when it is scheduled (configured and enabled). */
    public Optional<CronExpression> cron(String job) {
        JobsConfig.TenantJobSchedule schedule = config.tenant().get(job);
        if (schedule == null || !schedule.enabled() || schedule.cron().isEmpty()) {
            return Optional.empty();
        }
        try {
            CronExpression cron = new CronExpression(schedule.cron().get());
            cron.setTimeZone(TimeZone.getTimeZone(config.zone()));
            return Optional.of(cron);
        } catch (ParseException e) {
            throw new IllegalStateException("kaquan.jobs.tenant.\"" + job + "\".cron: " + e.getMessage(), e);
        }
    }

    /** The tenant's offset in the job's spread window: stable, different per tenant. */
    long offsetSeconds(String job, long tenantId) {
        JobsConfig.TenantJobSchedule schedule = config.tenant().get(job);
        long spread = schedule == null ? 0 : schedule.spread().toSeconds();
        if (spread <= 0) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update((job + ":" + tenantId).getBytes(StandardCharsets.UTF_8));
        return Math.floorMod(crc.getValue(), spread);
    }

    /** The first due time of the tenant strictly after {@code after}: a cron fire time plus the tenant's offset. */
    public Optional<Instant> nextDue(String job, long tenantId, Instant after) {
        return cron(job).map(cron -> {
            long offset = offsetSeconds(job, tenantId);
            Date fire = cron.getNextValidTimeAfter(Date.from(after.minusSeconds(offset)));
            return fire == null ? null : fire.toInstant().plusSeconds(offset);
        });
    }

    /**
     * A tenant's first due time for a job: now plus its offset in the spread, not the next cron time (a new tenant's
     * first statistics would otherwise wait up to a day). Later due times follow the cron.
     */
    public Optional<Instant> firstDue(String job, long tenantId, Instant now) {
        return cron(job).map(cron -> now.plusSeconds(offsetSeconds(job, tenantId)));
    }

    /** Gives every tenant a schedule row per scheduled job (a new tenant: due within the spread from now). */
    void addMissingRows() {
        for (TenantJob job : all()) {
            if (cron(job.name()).isPresent()) {
                QuarkusTransaction.requiringNew().run(() -> addMissingRows(job.name()));
            }
        }
    }

    /**
     * One firing of the dispatcher: gives every tenant a schedule row per scheduled job, then runs up to
     * {@code batch-size} due (job, tenant) pairs, earliest first, each claimed just before it runs (a pair waiting its
     * turn stays free for another node or a "sync now").
     *
     * @return the runs made
     */
    public int runDue() {
        addMissingRows();
        List<String> scheduled = all().stream().map(TenantJob::name).filter(n -> cron(n).isPresent()).toList();
        if (scheduled.isEmpty()) {
            return 0;
        }
        int runs = 0;
        while (runs < config.batchSize()) {
            Optional<Claim> claim = QuarkusTransaction.requiringNew().call(() -> claimDue(scheduled));
            if (claim.isEmpty()) {
                break;
            }
            run(job(claim.get().job).orElseThrow(), claim.get(), false, null);
            runs++;
        }
        return runs;
    }

    /**
     * Runs the job for the tenant now (a user's "sync now", tests), unless a run of it holds the tenant's lease.
     *
     * @return the outcome, or empty when the job is running for the tenant right now
     */
    public Optional<JobOutcome> runNow(String jobName, long tenantId, Long userId) {
        TenantJob job = job(jobName).orElseThrow(() -> new IllegalArgumentException("No tenant job " + jobName));
        Instant now = Instant.now();
        Optional<Claim> claim = QuarkusTransaction.requiringNew().call(() -> claimOne(jobName, tenantId, now));
        return claim.map(c -> run(job, c, true, userId));
    }

    /**
     * Makes the job due now for each of the given accounts (a bulk "sync now"): the next dispatcher firings run them,
     * a batch at a time on whichever node, instead of one request running them all. A paused job (quota) stays paused.
     *
     * @return how many accounts were queued (those already due or running count too)
     */
    public int dueNow(String job, Collection<Long> tenantIds) {
        if (tenantIds.isEmpty() || cron(job).isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            for (Long tenantId : tenantIds) {
                insertRow(job, tenantId, now);
            }
            em.createNativeQuery("update job_schedule set next_due_at = ?1 where job = ?2 and tenant_id = any(?3)"
                    + " and next_due_at > ?1").setParameter(1, now).setParameter(2, job)
                    .setParameter(3, tenantIds.toArray(Long[]::new)).executeUpdate();
            return tenantIds.size();
        });
    }

    private void addMissingRows(String job) {
        @SuppressWarnings("unchecked")
        List<Number> missing = em.createNativeQuery("""
                select t.id from tenant t where not exists
                    (select 1 from job_schedule s where s.job = ?1 and s.tenant_id = t.id) order by t.id""")
                .setParameter(1, job).getResultList();
        Instant now = Instant.now();
        for (Number id : missing) {
            firstDue(job, id.longValue(), now).ifPresent(due -> insertRow(job, id.longValue(), due));
        }
    }

    private void insertRow(String job, long tenantId, Instant due) {
        em.createNativeQuery("""
                insert into job_schedule (job, tenant_id, next_due_at) values (?1, ?2, ?3)
                on conflict (job, tenant_id) do nothing""")
                .setParameter(1, job).setParameter(2, tenantId).setParameter(3, due).executeUpdate();
    }

    /** Takes the lease of the earliest due row; a row another node is claiming right now is skipped, not waited for. */
    private Optional<Claim> claimDue(List<String> jobs) {
        String owner = node() + "/" + UUID.randomUUID();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                update job_schedule s set lease_until = now() + cast(?1 as interval), lease_owner = ?2
                from (select job, tenant_id from job_schedule
                      where job in (?3) and next_due_at <= now()
                        and (paused_until is null or paused_until <= now())
                        and (lease_until is null or lease_until < now())
                      order by next_due_at limit 1 for update skip locked) d
                where s.job = d.job and s.tenant_id = d.tenant_id
                returning s.job, s.tenant_id, s.next_due_at""")
                .setParameter(1, leaseText()).setParameter(2, owner).setParameter(3, jobs).getResultList();
        return rows.stream().map(r -> new Claim((String) r[0], ((Number) r[1]).longValue(), instant(r[2]), owner))
                .findFirst();
    }

    private Optional<Claim> claimOne(String job, long tenantId, Instant now) {
        Instant due = nextDue(job, tenantId, now).orElse(now.plusSeconds(365L * 86400)); // unscheduled: far away
        insertRow(job, tenantId, due);
        String owner = node() + "/" + UUID.randomUUID();
        int taken = em.createNativeQuery("""
                update job_schedule set lease_until = now() + cast(?1 as interval), lease_owner = ?2
                where job = ?3 and tenant_id = ?4 and (lease_until is null or lease_until < now())""")
                .setParameter(1, leaseText()).setParameter(2, owner)
                .setParameter(3, job).setParameter(4, tenantId).executeUpdate();
        return taken == 1 ? Optional.of(new Claim(job, tenantId, now, owner)) : Optional.empty();
    }

    private String leaseText() {
        return Math.max(lease().toMillis(), 1) + " milliseconds";
    }

    /** Keeps the claim's lease ahead of now while its run goes on (renewed every third of the lease). */
    private ScheduledFuture<?> keepLease(Claim claim) {
        long every = Math.max(lease().toMillis() / 3, 100);
        return renewer.scheduleAtFixedRate(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update job_schedule set lease_until = now() + cast(?1 as interval)
                        where job = ?2 and tenant_id = ?3 and lease_owner = ?4""")
                        .setParameter(1, leaseText()).setParameter(2, claim.job).setParameter(3, claim.tenantId)
                        .setParameter(4, claim.leaseOwner).executeUpdate());
            } catch (RuntimeException e) {
                Log.warnf(e, "Could not renew the lease of job %s for tenant %d", claim.job, claim.tenantId);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /** Runs a claimed job and records it, renewing its lease meanwhile; never throws. */
    private JobOutcome run(TenantJob job, Claim claim, boolean manual, Long userId) {
        ScheduledFuture<?> renewal = keepLease(claim);
        try {
            return runClaimed(job, claim, manual, userId);
        } finally {
            renewal.cancel(false);
        }
    }

    private JobOutcome runClaimed(TenantJob job, Claim claim, boolean manual, Long userId) {
        Instant started = Instant.now();
        Long runId = QuarkusTransaction.requiringNew().call(() -> startRun(claim, manual, userId, started));
        JobContext context = new JobContext(claim.tenantId, claim.dueAt, manual);
        JobOutcome outcome;
        Instant pauseUntil = null;
        try {
            Optional<CredentialProblem> problem = QuarkusTransaction.requiringNew()
                    .call(() -> CredentialProblem.<CredentialProblem> find("tenantId", claim.tenantId)
                            .firstResultOptional());
            if (problem.isPresent()) {
                outcome = JobOutcome.skipped("credential problem: " + problem.get().errcode + " "
                        + problem.get().errmsg);
            } else {
                outcome = job.run(context);
                if (outcome == null) {
                    outcome = JobOutcome.ok(context.calls(), null);
                }
            }
        } catch (WeChatException e) {
            outcome = classify(e, context.calls());
        } catch (RuntimeException e) {
            Log.warnf(e, "Job %s for tenant %d failed", job.name(), claim.tenantId);
            outcome = JobOutcome.failed(context.calls(), e.toString());
        }
        if (outcome.result() == JobOutcome.Result.QUOTA) {
            pauseUntil = LocalDate.now(WeChatTime.ZONE).plusDays(1).atStartOfDay(WeChatTime.ZONE).toInstant();
        }
        JobOutcome done = outcome;
        Instant until = pauseUntil;
        Instant finished = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> finish(runId, claim, done, manual, until, finished));
        Metrics.counter("kaquan.job.runs", "job", claim.job, "result", done.result().name()).increment();
        return done;
    }

    /** WeChat's answer as a run result: 45009 pauses the job for the day, a credential stop skips the tenant. */
    static JobOutcome classify(WeChatException e, int calls) {
        String text = e.api().path() + ": " + e.errcode() + " " + e.errmsg();
        if (e.errcode() == 45009) {
            return JobOutcome.quota(calls, text);
        }
        if (e.credentialProblem()) {
            return new JobOutcome(JobOutcome.Result.SKIPPED, calls, "credential problem: " + text);
        }
        return JobOutcome.failed(calls, e.kind() + " " + text);
    }

    private Long startRun(Claim claim, boolean manual, Long userId, Instant started) {
        SyncRun run = new SyncRun();
        run.job = claim.job;
        run.tenantId = claim.tenantId;
        run.dueAt = claim.dueAt;
        run.startedAt = started;
        run.result = SyncRun.State.RUNNING;
        run.node = node();
        run.manual = manual;
        run.userId = userId;
        run.persist();
        return run.id;
    }

    private void finish(Long runId, Claim claim, JobOutcome outcome, boolean manual, Instant pauseUntil,
            Instant finished) {
        SyncRun run = SyncRun.findById(runId);
        if (run != null) {
            run.finishedAt = finished;
            run.result = SyncRun.State.valueOf(outcome.result().name());
            run.calls = Math.max(outcome.calls(), 0);
            run.message = outcome.message() == null ? null : abbreviate(outcome.message(), 1000);
        }
        // A manual run leaves the schedule as it is; a scheduled one moves to the next due time (after a pause).
        Instant next = manual && pauseUntil == null ? null
                : nextDue(claim.job, claim.tenantId, pauseUntil != null ? pauseUntil.minusSeconds(1) : finished)
                        .orElse(finished.plusSeconds(365L * 86400));
        em.createNativeQuery("""
                update job_schedule set lease_until = null, lease_owner = null,
                    next_due_at = coalesce(cast(?1 as timestamptz), next_due_at),
                    paused_until = case when ?5 then cast(?2 as timestamptz) else paused_until end
                where job = ?3 and tenant_id = ?4 and lease_owner = ?6""")
                .setParameter(1, next).setParameter(2, pauseUntil).setParameter(3, claim.job)
                .setParameter(4, claim.tenantId).setParameter(5, !manual || pauseUntil != null)
                .setParameter(6, claim.leaseOwner).executeUpdate();
    }

    /**
     * Closes runs left RUNNING by a node that stopped (older than the lease, and nobody holds the lease of their job and
     * tenant: a live run keeps renewing it). Old runs are deleted by {@link SyncRunRetention}.
     */
    public int closeAbandonedRuns() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                update sync_run r set result = 'FAILED', finished_at = now(),
                    message = 'abandoned: its node stopped'
                where r.result = 'RUNNING' and r.started_at < now() - cast(?1 as interval)
                  and not exists (select 1 from job_schedule s where s.job = r.job and s.tenant_id = r.tenant_id
                                  and s.lease_until >= now())""")
                .setParameter(1, leaseText()).executeUpdate());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("Not a time: " + value);
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
