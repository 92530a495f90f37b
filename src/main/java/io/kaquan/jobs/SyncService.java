package io.kaquan.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.I18n;
import io.kaquan.web.RequestLocale;
import io.kaquan.wechat.CredentialProblem;
import io.kaquan.wechat.WeChatTime;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The sync page of a tenant, its "sync now", and the cross-tenant overview of failing tenants. */
@ApplicationScoped
public class SyncService {

    /**
     * A job as the tenant's sync page shows it; {@code cron} is set only when {@code schedule} could not say it in
     * words (a tooltip for the curious).
     */
    public record JobRow(String name, String label, String schedule, String cron, SyncRun last, String lastSummary,
            Instant nextDue, Instant pausedUntil, boolean running, boolean primary, String runNowLabel) {
    }

    /** A recorded run with its job and message in the reader's words. */
    public record RunRow(SyncRun run, String jobLabel, String summary) {
    }

    public record Page(List<JobRow> jobs, List<RunRow> recent, List<String> help, String credentialProblem) {
    }

    /** A tenant whose latest run of a job is failing, or whose credentials WeChat refuses. */
    public record Failing(long tenantId, String tenantName, String job, String jobLabel, SyncRun.State result,
            Instant at, String summary, boolean credentialProblem) {
    }

    public record Overview(List<Failing> failing, int failingTenants, int tenants, boolean all) {
    }

    @Inject
    TenantJobs jobs;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Audit audit;

    @Inject
    I18n i18n;

    @Inject
    RequestLocale locale;

    @Inject
    JobsConfig config;

    @Inject
    EntityManager em;

    /** Every tenant job with its last and next run, and the tenant's latest runs. */
    public Page page() {
        long tenantId = currentTenant.id();
        SyncMsg msg = i18n.bundle(SyncMsg.class);
        List<TenantJob> all = jobs.all();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<JobRow> rows = new ArrayList<>();
            Instant now = Instant.now();
            for (TenantJob job : all) {
                String name = job.name();
                @SuppressWarnings("unchecked")
                List<Object[]> schedule = em.createNativeQuery("""
                        select next_due_at, paused_until, lease_until > now() from job_schedule
                        where job = ?1 and tenant_id = ?2""").setParameter(1, name).setParameter(2, tenantId)
                        .getResultList();
                // No row yet (a tenant the dispatcher has not seen): it will be due within the spread from now.
                Optional<Instant> computed = jobs.firstDue(name, tenantId, now);
                Instant next = computed.isEmpty() ? null
                        : schedule.isEmpty() ? computed.get() : toInstant(schedule.get(0)[0]);
                Instant paused = schedule.isEmpty() ? null : toInstant(schedule.get(0)[1]);
                boolean running = !schedule.isEmpty() && Boolean.TRUE.equals(schedule.get(0)[2]);
                String plan = msg.notScheduled();
                String cron = null;
                if (jobs.cron(name).isPresent()) {
                    JobsConfig.TenantJobSchedule configured = config.tenant().get(name);
                    Optional<Cadence> cadence = Cadence.of(configured.cron().orElse(""));
                    cron = cadence.isEmpty() ? configured.cron().orElse(null) : null;
                    plan = msg.scheduleSpread(cadence.map(c -> words(c, msg)).orElse(msg.customSchedule()),
                            words(configured.spread(), msg));
                }
                SyncRun last = SyncRun.last(name, tenantId).orElse(null);
                String lastSummary = last == null ? null : job.summary(last.message);
                Instant pausedUntil = paused != null && paused.isAfter(now) ? paused : null;
                rows.add(new JobRow(name, job.label(), plan, cron, last, lastSummary, next, pausedUntil, running,
                        job.primary(), job.runNowLabel().orElse(msg.runNow(job.label()))));
            }
            // The primary job first, as its button is the page's main action.
            rows.sort(Comparator.comparing((JobRow row) -> !row.primary()));
            String problem = CredentialProblem.<CredentialProblem> find("tenantId", tenantId).firstResultOptional()
                    .map(p -> p.errcode + " " + p.errmsg).orElse(null);
            List<RunRow> recent = SyncRun.recent(tenantId, 30).stream()
                    .map(run -> new RunRow(run, jobLabel(run.job, all, msg), summary(run.job, run.message, all)))
                    .toList();
            List<String> help = all.stream().map(TenantJob::runNowHelp).flatMap(Optional::stream).toList();
            return new Page(rows, recent, help, problem);
        });
    }

    /**
     * Runs a job for the current tenant now (operators), in the request: each job's run is bounded (card status: the
     * listings plus at most {@code max-details} card/get; statistics: at most 90 days, 12 datacube requests). Safe when
     * clicked twice or on two nodes: the run takes the tenant's lease, a second click meanwhile is told it is running,
     * and a click right after a manual run of that job is refused for {@code kaquan.jobs.manual-cooldown}.
     *
     * @param jobName a {@link TenantJob#name()}; null or blank: the {@link TenantJob#primary()} job
     * @return the flash text
     */
    public String syncNow(String jobName) {
        currentTenant.require(Role.OPERATOR);
        Optional<TenantJob> found = jobName == null || jobName.isBlank()
                ? jobs.all().stream().filter(TenantJob::primary).findFirst()
                : jobs.job(jobName);
        if (found.isEmpty()) {
            throw new ActionRefused(i18n.bundle(SyncMsg.class).noSuchJob());
        }
        TenantJob tenantJob = found.get();
        String job = tenantJob.name();
        long tenantId = currentTenant.id();
        Long userId = currentUser.id();
        SyncMsg msg = i18n.bundle(SyncMsg.class);
        Optional<Instant> lastManual = QuarkusTransaction.requiringNew().call(() -> SyncRun
                .<SyncRun> find("job = ?1 and tenantId = ?2 and manual = true order by startedAt desc",
                        job, tenantId)
                .firstResultOptional().map(r -> r.finishedAt == null ? r.startedAt : r.finishedAt));
        if (lastManual.isPresent()) {
            Duration since = Duration.between(lastManual.get(), Instant.now());
            if (since.compareTo(config.manualCooldown()) < 0) {
                throw new ActionRefused(msg.syncTooSoon(Math.max(1, config.manualCooldown().minus(since).toSeconds())));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> audit.record(tenantId, AuditAction.SYNC_RUN_NOW, job, null));
        JobOutcome outcome = jobs.runNow(job, tenantId, userId)
                .orElseThrow(() -> new ActionRefused(msg.syncRunning()));
        String summary = tenantJob.summary(outcome.message());
        if (outcome.result() == JobOutcome.Result.OK) {
            return tenantJob.done(summary, outcome.calls())
                    .orElseGet(() -> msg.jobDone(tenantJob.label(), summary, outcome.calls()));
        }
        String result = msg.runResult(SyncRun.State.valueOf(outcome.result().name()));
        throw new ActionRefused(msg.syncNotDone(result, summary));
    }

    /**
     * Tenants the signed-in user belongs to (a platform admin: all) whose latest run of some job failed, ran out of
     * quota or was partial, or that have a credential problem.
     */
    public Overview overview() {
        boolean all = currentUser.isPlatformAdmin();
        Long userId = currentUser.id();
        SyncMsg msg = i18n.bundle(SyncMsg.class);
        List<TenantJob> tenantJobs = jobs.all();
        return QuarkusTransaction.requiringNew().call(() -> {
            String mine = "(cast(?2 as boolean) or exists (select 1 from membership m where m.tenant_id = t.id "
                    + "and m.user_id = ?1))";
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select t.id, t.display_name, r.job, r.result, r.started_at, r.message,
                           exists (select 1 from credential_problem p where p.tenant_id = t.id) as problem
                    from tenant t
                    left join lateral (select distinct on (job) job, result, started_at, message from sync_run
                                       where tenant_id = t.id and result <> 'RUNNING'
                                       order by job, started_at desc, id desc) r on true
                    where %s
                      and (r.result in ('FAILED', 'QUOTA', 'PARTIAL')
                           or exists (select 1 from credential_problem p where p.tenant_id = t.id))
                    order by t.display_name, t.id, r.job""".formatted(mine))
                    .setParameter(1, userId).setParameter(2, all).getResultList();
            List<Failing> failing = new ArrayList<>();
            for (Object[] r : rows) {
                SyncRun.State state = r[3] == null ? null : SyncRun.State.valueOf((String) r[3]);
                boolean problem = Boolean.TRUE.equals(r[6]);
                if (state != null && !state.failing() && !problem) {
                    continue;
                }
                String job = (String) r[2];
                failing.add(new Failing(((Number) r[0]).longValue(), (String) r[1], job,
                        job == null ? null : jobLabel(job, tenantJobs, msg), state, toInstant(r[4]),
                        job == null ? "" : summary(job, (String) r[5], tenantJobs), problem));
            }
            Number total = (Number) em.createNativeQuery("select count(*) from tenant t where " + mine)
                    .setParameter(1, userId).setParameter(2, all).getSingleResult();
            int failingTenants = (int) failing.stream().mapToLong(Failing::tenantId).distinct().count();
            return new Overview(failing, failingTenants, total.intValue(), all);
        });
    }

    /** What is wrong with an account's background work: jobs whose latest run is failing, a credential problem. */
    public record Trouble(int failingJobs, boolean credentialProblem) {
    }

    /** The trouble of each of the given accounts in one read (accounts without any are absent). */
    public Map<Long, Trouble> troubleByTenant(Collection<Long> tenantIds) {
        Map<Long, Trouble> trouble = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return trouble;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select t.id,
                           (select count(*) from (select distinct on (job) result from sync_run s
                                                  where s.tenant_id = t.id and s.result <> 'RUNNING'
                                                  order by job, started_at desc, id desc) r
                            where r.result in ('FAILED', 'QUOTA', 'PARTIAL')),
                           exists (select 1 from credential_problem p where p.tenant_id = t.id)
                    from unnest(?1) as t(id)""").setParameter(1, tenantIds.toArray(Long[]::new)).getResultList();
            for (Object[] row : rows) {
                int failing = ((Number) row[1]).intValue();
                boolean problem = Boolean.TRUE.equals(row[2]);
                if (failing > 0 || problem) {
                    trouble.put(((Number) row[0]).longValue(), new Trouble(failing, problem));
                }
            }
        });
        return trouble;
    }

    /**
     * "Sync now" for several accounts at once: the primary job is queued (not run in this request) for each account
     * where the user may run it, and audited there.
     *
     * @param tenantIds accounts where the caller checked that the user is an operator or owner
     * @return how many accounts were queued
     */
    public int queueNow(Collection<Long> tenantIds) {
        Optional<TenantJob> primary = jobs.all().stream().filter(TenantJob::primary).findFirst();
        if (primary.isEmpty() || tenantIds.isEmpty()) {
            return 0;
        }
        String job = primary.get().name();
        int queued = jobs.dueNow(job, tenantIds);
        QuarkusTransaction.requiringNew().run(() -> tenantIds
                .forEach(id -> audit.record(id, AuditAction.SYNC_RUN_NOW, job, null)));
        return queued;
    }

    /** A job of the tenant whose latest run failed, ran out of quota or was partial, in words. */
    public record FailingJob(String label, SyncRun.State result, Instant at, String summary) {
    }

    /** The tenant's jobs whose latest finished run is failing (one indexed read of its recent runs). */
    public List<FailingJob> failingJobs(long tenantId) {
        List<TenantJob> tenantJobs = jobs.all();
        SyncMsg msg = i18n.bundle(SyncMsg.class);
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select distinct on (job) job, result, started_at, message"
                    + " from sync_run where tenant_id = ?1 and result <> 'RUNNING'"
                    + " order by job, started_at desc, id desc").setParameter(1, tenantId).getResultList();
            List<FailingJob> failing = new ArrayList<>();
            for (Object[] r : rows) {
                SyncRun.State state = SyncRun.State.valueOf((String) r[1]);
                if (state.failing()) {
                    String job = (String) r[0];
                    failing.add(new FailingJob(jobLabel(job, tenantJobs, msg), state, toInstant(r[2]),
                            summary(job, (String) r[3], tenantJobs)));
                }
            }
            return failing;
        });
    }

    /** A job's name in words: the job's own label, the token sweep's, or (a job no longer deployed) its id. */
    private static String jobLabel(String job, List<TenantJob> all, SyncMsg msg) {
        return all.stream().filter(j -> j.name().equals(job)).findFirst().map(TenantJob::label)
                .orElseGet(() -> TokenFreshness.JOB.equals(job) ? msg.tokenJob() : job);
    }

    /** A run's message as its job words it. */
    private static String summary(String job, String message, List<TenantJob> all) {
        return all.stream().filter(j -> j.name().equals(job)).findFirst().map(j -> j.summary(message))
                .orElse(message == null ? "" : message);
    }

    private String words(Cadence cadence, SyncMsg msg) {
        if (cadence instanceof Cadence.EveryHours every) {
            return msg.everyHours(every.hours());
        }
        if (cadence instanceof Cadence.EveryMinutes every) {
            return msg.everyMinutes(every.minutes());
        }
        Cadence.DailyAt daily = (Cadence.DailyAt) cadence;
        return msg.dailyAt(daily.time().toString(), zone(msg));
    }

    /** The zone the crons are read in, as people say it. */
    private String zone(SyncMsg msg) {
        ZoneId zone = config.zone();
        return zone.equals(WeChatTime.ZONE) ? msg.beijingTime()
                : zone.getDisplayName(TextStyle.FULL, locale.locale());
    }

    static String words(Duration duration, SyncMsg msg) {
        long minutes = duration.toMinutes();
        if (minutes == 0) {
            return msg.seconds(duration.toSeconds());
        }
        return minutes % 60 == 0 ? msg.hours(minutes / 60) : msg.minutes(minutes);
    }

    /** A timestamp column as an instant (null stays null); public for the tests of other packages' jobs. */
    public static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
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
}
