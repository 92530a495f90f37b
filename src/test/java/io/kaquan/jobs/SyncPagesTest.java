package io.kaquan.jobs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.card.sync.CardStatusSync;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The sync page, "sync now" and the overview of failing tenants: roles, Post/Redirect/Get, a second click, another
 * tenant's id (404) and who sees which tenant in the overview.
 */
@QuarkusTest
class SyncPagesTest {

    static Session owner;
    static Session operator;
    static Session viewer;
    static Session stranger;
    static long tenant;
    static long otherTenant;

    @Inject
    TenantJobs jobs;

    @Inject
    EntityManager em;

    @BeforeAll
    static void setUp() {
        owner = Session.login("sync-page-owner");
        operator = Session.login("sync-page-operator");
        viewer = Session.login("sync-page-viewer");
        stranger = Session.login("sync-page-stranger");
        tenant = TestTenants.register(owner, "同步页面");
        TestTenants.addMember(owner, tenant, "sync-page-operator@example.com", "OPERATOR");
        TestTenants.addMember(owner, tenant, "sync-page-viewer@example.com", "VIEWER");
        otherTenant = TestTenants.register(stranger, "别人的公众号");
    }

    @Test
    void operatorsSyncNowAndSeeTheRun() {
        String cardId = TestCards.create(tenant, "CASH");
        TestCards.review(cardId, true, null);

        Response posted = operator.request().post("/t/" + tenant + "/sync/now");
        posted.then().statusCode(303).header("Location", endsWith("/t/" + tenant + "/sync"));
        operator.request().cookie("kaquan-flash", posted.getCookie("kaquan-flash")).get("/t/" + tenant + "/sync")
                .then().statusCode(200)
                .body(containsString("卡券状态已同步"))
                .body(containsString("data-job=\"card-status\""))
                .body(containsString("data-result=\"OK\""))
                .body(containsString("id=\"sync-now\""));
        assertEquals("VERIFY_OK", TestCards.stored(tenant, cardId).status.name());

        // A second click right away: refused with a reason, nothing runs.
        Response again = operator.request().post("/t/" + tenant + "/sync/now");
        again.then().statusCode(303);
        operator.request().cookie("kaquan-flash", again.getCookie("kaquan-flash")).get("/t/" + tenant + "/sync")
                .then().body(containsString("刚刚已同步过"));
        assertEquals(1, manualRuns());
        Number audited = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select count(*) from audit_log where tenant_id = ?1 and action = 'sync.run-now'")
                .setParameter(1, tenant).getSingleResult());
        assertEquals(1, audited.intValue(), "the click is in the audit log");

        // English page
        owner.request().cookie("kaquan-lang", "en").header("Accept-Language", "en").get("/t/" + tenant + "/sync")
                .then().statusCode(200);
    }

    @Test
    void operatorsRunTheStatisticsNowTooEachJobWithItsOwnButton() {
        long stats = TestTenants.register(owner, "统计立即同步");
        TestTenants.addMember(owner, stats, "sync-page-operator@example.com", "OPERATOR");
        operator.request().get("/t/" + stats + "/sync").then().statusCode(200)
                .body(containsString("id=\"sync-now\"")).body(containsString("id=\"sync-now-stats\""))
                .body(containsString("立即运行：统计数据同步"));

        Response posted = operator.request().formParam("job", "stats").post("/t/" + stats + "/sync/now");
        posted.then().statusCode(303).header("Location", endsWith("/t/" + stats + "/sync"));
        operator.request().cookie("kaquan-flash", posted.getCookie("kaquan-flash")).get("/t/" + stats + "/sync")
                .then().statusCode(200).body(containsString("统计数据同步已完成"));
        List<SyncRun> runs = QuarkusTransaction.requiringNew().call(() -> SyncRun.recent(stats, 10));
        assertEquals(1, runs.size(), runs.toString());
        assertEquals("stats", runs.get(0).job);
        assertEquals(SyncRun.State.OK, runs.get(0).result, runs.get(0).message);
        assertTrue(runs.get(0).manual);
        assertEquals(1, audited(stats, "stats"), "the click is in the audit log, with its job");

        // The cool-down is per job: the card status sync can still be run right away.
        operator.request().post("/t/" + stats + "/sync/now").then().statusCode(303);
        assertEquals(1, audited(stats, CardStatusSync.JOB));
        // A second statistics click is refused.
        Response again = operator.request().formParam("job", "stats").post("/t/" + stats + "/sync/now");
        operator.request().cookie("kaquan-flash", again.getCookie("kaquan-flash")).get("/t/" + stats + "/sync")
                .then().body(containsString("刚刚已同步过"));
        // A job that does not exist: a message, nothing run.
        Response unknown = operator.request().formParam("job", "no-such-job").post("/t/" + stats + "/sync/now");
        unknown.then().statusCode(303);
        operator.request().cookie("kaquan-flash", unknown.getCookie("kaquan-flash")).get("/t/" + stats + "/sync")
                .then().body(containsString("没有这个任务"));
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> SyncRun.recent(stats, 10)).size());
        viewer.request().formParam("job", "stats").post("/t/" + stats + "/sync/now").then().statusCode(404);
    }

    private int audited(long tenantId, String job) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_log where tenant_id = ?1 and action = 'sync.run-now' and target = ?2")
                .setParameter(1, tenantId).setParameter(2, job).getSingleResult()).intValue());
    }

    @Test
    void aRunHoldingTheLeaseIsNotRunTwice() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into job_schedule (job, tenant_id, next_due_at, lease_until, lease_owner)
                values ('card-status', ?1, now() - interval '1 minute', now() + interval '5 minutes', 'other-node/1')
                on conflict (job, tenant_id) do update set lease_until = excluded.lease_until,
                    lease_owner = excluded.lease_owner, next_due_at = excluded.next_due_at""")
                .setParameter(1, otherTenant).executeUpdate());
        assertTrue(jobs.runNow(CardStatusSync.JOB, otherTenant, null).isEmpty(), "running elsewhere");
        jobs.runDue();
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> SyncRun.count("tenantId = ?1 and job = 'card-status'", otherTenant)));

        // Once the lease has run out (its node died), the job runs again, once.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update job_schedule set lease_until = now() - interval '1 second' where tenant_id = ?1")
                .setParameter(1, otherTenant).executeUpdate());
        jobs.runDue();
        jobs.runDue();
        List<SyncRun> runs = QuarkusTransaction.requiringNew().call(() -> SyncRun.recent(otherTenant, 10)).stream()
                .filter(run -> run.job.equals(CardStatusSync.JOB)).toList();
        assertEquals(1, runs.size(), runs.toString());
        assertEquals(false, runs.get(0).manual);
        Object next = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select next_due_at > now() and lease_until is null from job_schedule where tenant_id = ?1 "
                        + "and job = 'card-status'")
                .setParameter(1, otherTenant).getSingleResult());
        assertEquals(Boolean.TRUE, next, "moved to its next due time, lease released");
    }

    @Test
    void runsOfOneTenantNeverOverlapWhenStartedTogether() throws Exception {
        long busy = TestTenants.register(owner, "同时点击");
        for (int i = 0; i < 3; i++) {
            TestCards.create(busy, "CASH");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<JobOutcome>>> clicks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                clicks.add(pool.submit(() -> jobs.runNow(CardStatusSync.JOB, busy, null)));
            }
            int ran = 0;
            for (Future<Optional<JobOutcome>> click : clicks) {
                ran += click.get(60, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            List<SyncRun> runs = QuarkusTransaction.requiringNew().call(() -> SyncRun.recent(busy, 10));
            assertEquals(ran, runs.size());
            assertTrue(ran >= 1);
            runs.sort(Comparator.comparing(r -> r.startedAt));
            for (int i = 1; i < runs.size(); i++) {
                assertTrue(!runs.get(i).startedAt.isBefore(runs.get(i - 1).finishedAt),
                        "one run at a time: " + runs);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void viewersSeeButCannotSync() {
        viewer.request().get("/t/" + tenant + "/sync").then().statusCode(200)
                .body(containsString("id=\"sync-jobs\"")).body(not(containsString("id=\"sync-now\"")));
        viewer.request().post("/t/" + tenant + "/sync/now").then().statusCode(403);
    }

    @Test
    void anotherTenantsSyncPageIsNotFound() {
        stranger.request().get("/t/" + tenant + "/sync").then().statusCode(404);
        stranger.request().post("/t/" + tenant + "/sync/now").then().statusCode(404);
        owner.request().get("/t/" + otherTenant + "/sync").then().statusCode(404);
        owner.request().post("/t/" + otherTenant + "/sync/now").then().statusCode(404);
        owner.request().get("/t/999999999/sync").then().statusCode(404);
    }

    @Test
    void theOverviewShowsFailingTenantsOfTheUserOnly() {
        long failing = TestTenants.register(owner, "同步失败的号");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into sync_run (job, tenant_id, due_at, started_at, finished_at, result, calls, message, node)
                values ('card-status', ?1, now(), now(), now(), 'FAILED', 2, 'NO_ANSWER /card/batchget: -1 timeout', 'n1')""")
                .setParameter(1, failing).executeUpdate());

        // An agency finds it from its list of accounts.
        owner.request().get("/").then().statusCode(200).body(containsString("id=\"sync-overview\""));
        owner.request().get("/sync").then().statusCode(200)
                .body(containsString("同步失败的号")).body(containsString("data-tenant=\"" + failing + "\""))
                .body(containsString("timeout"));
        stranger.request().get("/sync").then().statusCode(200)
                .body(not(containsString("data-tenant=\"" + failing + "\""))).body(not(containsString("同步失败的号")));
        // A platform admin sees every tenant.
        Session.login("sync-admin", "kaquan-admin,kaquan-user").request().get("/sync").then().statusCode(200)
                .body(containsString("同步失败的号"));

        // Once a later run succeeds, the tenant leaves the overview.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into sync_run (job, tenant_id, due_at, started_at, finished_at, result, calls, node)
                values ('card-status', ?1, now(), now() + interval '1 second', now() + interval '2 seconds', 'OK', 6, 'n1')""")
                .setParameter(1, failing).executeUpdate());
        owner.request().get("/sync").then().statusCode(200)
                .body(not(containsString("data-tenant=\"" + failing + "\"")));
    }

    private long manualRuns() {
        return QuarkusTransaction.requiringNew()
                .call(() -> SyncRun.count("tenantId = ?1 and manual = true", tenant));
    }
}
