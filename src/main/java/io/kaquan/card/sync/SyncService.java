package io.kaquan.card.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.kaquan.account.Audit;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.I18n;
import io.kaquan.wechat.CredentialProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The sync page of a tenant, its "sync now", and the cross-tenant overview of failing tenants. */
@ApplicationScoped
public class SyncService {

    /** A job as the tenant's sync page shows it. */
    public record JobRow(String name, String label, String schedule, SyncRun last, Instant nextDue,
            Instant pausedUntil, boolean running) {
    }

    public record Page(List<JobRow> jobs, List<SyncRun> recent, String credentialProblem) {
    }

    /** A tenant whose latest run of a job is failing, or whose credentials WeChat refuses. */
    public record Failing(long tenantId, String tenantName, String job, SyncRun.State result, Instant at,
            String message, boolean credentialProblem) {

        /** The message in the reader's language. */
        public String summary() {
            return SyncTexts.summary(message);
        }
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
    JobsConfig config;

    @Inject
    EntityManager em;

    /** Every tenant job with its last and next run, and the tenant's latest runs. */
    public Page page() {
        long tenantId = currentTenant.id();
        SyncMsg msg = i18n.bundle(SyncMsg.class);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<JobRow> rows = new ArrayList<>();
            Instant now = Instant.now();
            for (TenantJob job : jobs.all()) {
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
                String plan = jobs.cron(name).isEmpty() ? msg.notScheduled()
                        : msg.cronSpread(config.tenant().get(name).cron().orElse(""),
                                words(config.tenant().get(name).spread()));
                rows.add(new JobRow(name, SyncTexts.jobLabel(name), plan, SyncRun.last(name, tenantId).orElse(null),
                        next, paused != null && paused.isAfter(now) ? paused : null, running));
            }
            String problem = CredentialProblem.<CredentialProblem> find("tenantId", tenantId).firstResultOptional()
                    .map(p -> p.errcode + " " + p.errmsg).orElse(null);
            return new Page(rows, SyncRun.recent(tenantId, 30), problem);
        });
    }

    /**
     * Runs a job for the current tenant now (operators), in the request: each job's run is bounded (card status: the
     * listings plus at most {@code max-details} card/get; statistics: at most 90 days, 12 datacube requests). Safe when
     * clicked twice or on two nodes: the run takes the tenant's lease, a second click meanwhile is told it is running,
     * and a click right after a manual run of that job is refused for {@code kaquan.jobs.manual-cooldown}.
     *
     * @param jobName a {@link TenantJob#name()}; null or blank: the card status sync
     * @return the flash text
     */
    public String syncNow(String jobName) {
        currentTenant.require(Role.OPERATOR);
        String job = jobName == null || jobName.isBlank() ? CardStatusSync.JOB : jobName;
        if (jobs.job(job).isEmpty()) {
            throw new ActionRefused(i18n.bundle(SyncMsg.class).noSuchJob());
        }
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
        QuarkusTransaction.requiringNew().run(() -> audit.record(tenantId, "sync.run-now", job, null));
        JobOutcome outcome = jobs.runNow(job, tenantId, userId)
                .orElseThrow(() -> new ActionRefused(msg.syncRunning()));
        String summary = SyncTexts.summary(outcome.message());
        if (outcome.result() == JobOutcome.Result.OK) {
            return CardStatusSync.JOB.equals(job) ? msg.syncDone(summary, outcome.calls())
                    : msg.jobDone(SyncTexts.jobLabel(job), summary, outcome.calls());
        }
        String result = SyncTexts.label(SyncRun.State.valueOf(outcome.result().name()));
        throw new ActionRefused(msg.syncNotDone(result, summary));
    }

    /**
     * Tenants the signed-in user belongs to (a platform admin: all) whose latest run of some job failed, ran out of
     * quota or was partial, or that have a credential problem.
     */
    public Overview overview() {
        boolean all = currentUser.isPlatformAdmin();
        Long userId = currentUser.id();
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
                failing.add(new Failing(((Number) r[0]).longValue(), (String) r[1], (String) r[2], state,
                        toInstant(r[4]), (String) r[5], problem));
            }
            Number total = (Number) em.createNativeQuery("select count(*) from tenant t where " + mine)
                    .setParameter(1, userId).setParameter(2, all).getSingleResult();
            int failingTenants = (int) failing.stream().mapToLong(Failing::tenantId).distinct().count();
            return new Overview(failing, failingTenants, total.intValue(), all);
        });
    }

    static String words(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes == 0) {
            return duration.toSeconds() + "s";
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "min";
    }

    static Instant toInstant(Object value) {
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
