package io.kaquan.jobs;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kaquan.card.sync.CardStatusSync;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Tenants' due times: the cron's periods, each tenant at its own stable offset within the spread. */
@QuarkusTest
class TenantJobScheduleTest {

    @Inject
    TenantJobs jobs;

    @Inject
    EntityManager em;

    @Inject
    SyncRunRetention retention;

    @Test
    void runsLeftByAStoppedNodeAreClosedAndOldRunsDeleted() {
        long[] ids = QuarkusTransaction.requiringNew().call(() -> {
            long abandoned = insertRun("interval '1 hour'", "RUNNING");
            long running = insertRun("interval '1 minute'", "RUNNING");
            long old = insertRun("interval '40 days'", "OK");
            return new long[] { abandoned, running, old };
        });
        jobs.closeAbandonedRuns();
        retention.purge(Instant.now());
        QuarkusTransaction.requiringNew().run(() -> {
            SyncRun abandoned = SyncRun.findById(ids[0]);
            assertEquals(SyncRun.State.FAILED, abandoned.result);
            assertTrue(abandoned.message.contains("abandoned"));
            assertEquals(SyncRun.State.RUNNING, SyncRun.<SyncRun> findById(ids[1]).result, "still within its lease");
            assertNull(SyncRun.findById(ids[2]), "older than keep-runs (30 days)");
        });
    }

    private long insertRun(String age, String result) {
        return ((Number) em.createNativeQuery("""
                insert into sync_run (job, due_at, started_at, result, node)
                values ('prune-test', now() - %1$s, now() - %1$s, '%2$s', 'n') returning id""".formatted(age, result))
                .getSingleResult()).longValue();
    }

    @Test
    void tenantsAreSpreadOverTheWindowAfterEachCronFiring() {
        // card-status: "0 0 */6 * * ?" in Asia/Shanghai, spread 2h (application.properties)
        // After 12:00's whole window (12:00–14:00), before 18:00: every tenant's next due time is in 18:00's window.
        Instant after = ZonedDateTime.of(2026, 11, 23, 17, 59, 59, 0, ZoneId.of("Asia/Shanghai")).toInstant();
        Instant fire = ZonedDateTime.of(2026, 11, 23, 18, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant();
        Set<Long> offsets = new HashSet<>();
        for (long tenant = 1; tenant <= 40; tenant++) {
            Instant due = jobs.nextDue(CardStatusSync.JOB, tenant, after).orElseThrow();
            long offset = Duration.between(fire, due).toSeconds();
            assertTrue(offset >= 0 && offset < 7200, tenant + ": " + due);
            offsets.add(offset);
            assertEquals(due, jobs.nextDue(CardStatusSync.JOB, tenant, after).orElseThrow(), "stable");
            // The next one is one period later, at the same offset.
            assertEquals(due.plus(Duration.ofHours(6)), jobs.nextDue(CardStatusSync.JOB, tenant, due).orElseThrow());
        }
        assertTrue(offsets.size() > 30, "spread, not bunched: " + offsets.size());
        assertTrue(jobs.nextDue("no-such-job", 1, after).isEmpty(), "a job without a cron is not scheduled");
    }

    @Test
    void aNewTenantIsDueWithinTheSpreadFromNowNotAtTheNextCronTime() {
        long tenant = TestTenants.register(Session.login("sync-owner"), "新的公众号");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        jobs.addMissingRows();
        Instant after = Instant.now().plusSeconds(1);
        for (String job : List.of(CardStatusSync.JOB, "stats")) {
            long offset = jobs.offsetSeconds(job, tenant);
            Instant due = QuarkusTransaction.requiringNew().call(() -> SyncService.toInstant(em.createNativeQuery(
                    "select next_due_at from job_schedule where job = ?1 and tenant_id = ?2")
                    .setParameter(1, job).setParameter(2, tenant).getSingleResult()));
            // now + the tenant's offset (statistics' cron fires once a day: its next time could be a day away)
            assertTrue(!due.isBefore(before.plusSeconds(offset)) && due.isBefore(after.plusSeconds(offset)),
                    job + ": due " + due + ", offset " + offset + "s, added between " + before + " and " + after);
        }
    }

    @Test
    void aRunLongerThanTheLeaseKeepsItAndCannotBeStartedTwice() throws Exception {
        Map<String, String> form = TestTenants.validForm("长时间同步");
        long tenant = TestTenants.register(Session.login("sync-owner"), form);
        String appid = form.get("appid");
        // Each WeChat answer takes 1.5 s: the run (four listings) lasts several leases of 1 s.
        given().contentType(ContentType.JSON).body(Map.of("latencyMs", 1500))
                .put("/sandbox/admin/accounts/" + appid + "/faults").then().statusCode(200);
        jobs.leaseForTests(Duration.ofSeconds(1));
        try {
            CompletableFuture<Optional<JobOutcome>> first = CompletableFuture
                    .supplyAsync(() -> jobs.runNow(CardStatusSync.JOB, tenant, null));
            Awaitility.await("the run started").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !runs(tenant).isEmpty());
            assertEquals(List.of(SyncRun.State.RUNNING), runs(tenant));
            Instant started = Instant.now();
            // Renewed past three leases of 1 s: the run has outlived its first lease by far, and still holds one.
            Awaitility.await("the lease renewed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> leaseUntil(tenant).isAfter(started.plusSeconds(3)));

            assertTrue(jobs.runNow(CardStatusSync.JOB, tenant, null).isEmpty(), "the running job holds its lease");
            jobs.closeAbandonedRuns();
            assertEquals(List.of(SyncRun.State.RUNNING), runs(tenant), "a live run is not taken for abandoned");

            JobOutcome outcome = first.get(60, TimeUnit.SECONDS).orElseThrow();
            assertEquals(JobOutcome.Result.OK, outcome.result(), outcome.message());
            assertEquals(List.of(SyncRun.State.OK), runs(tenant), "one run only");
        } finally {
            jobs.leaseForTests(null);
            given().contentType(ContentType.JSON).body(Map.of("latencyMs", 0))
                    .put("/sandbox/admin/accounts/" + appid + "/faults").then().statusCode(200);
        }
    }

    private Instant leaseUntil(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> SyncService.toInstant(em.createNativeQuery(
                "select lease_until from job_schedule where job = ?1 and tenant_id = ?2")
                .setParameter(1, CardStatusSync.JOB).setParameter(2, tenant).getSingleResult()));
    }

    private static List<SyncRun.State> runs(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> SyncRun.<SyncRun> list(
                "tenantId = ?1 and job = ?2", tenant, CardStatusSync.JOB).stream().map(r -> r.result).toList());
    }
}
