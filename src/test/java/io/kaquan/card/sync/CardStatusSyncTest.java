package io.kaquan.card.sync;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.card.Card;
import io.kaquan.jobs.JobOutcome;
import io.kaquan.jobs.SyncRun;
import io.kaquan.jobs.SyncService;
import io.kaquan.jobs.TenantJobs;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallCounts;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The card status sync against the sandbox: cards made and changed behind Kaquan's back, within the call budget. */
@QuarkusTest
class CardStatusSyncTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    TenantJobs jobs;

    @Inject
    WeChatGateway gateway;

    @Inject
    EntityManager em;

    @Test
    void findsCardsMadeAndChangedBehindOurBackWithinTheCallBudget() {
        long tenant = TestTenants.register(Session.login("sync-owner"), "状态同步");
        String reviewed = TestCards.create(tenant, "CASH");
        String deleted = TestCards.create(tenant, "GIFT");
        String untouched = TestCards.create(tenant, "DISCOUNT");

        // Behind our back (as in the MP console): 51 new cards, one card approved, one deleted; the mirror knows nothing.
        ObjectNode body = TestCards.body(tenant, "GROUPON", card -> {
        });
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            made.add(gateway.forTenant(tenant).cardCreate(body));
        }
        TestCards.review(reviewed, true, null);
        gateway.forTenant(tenant).cardDelete(deleted);
        assertEquals(CardStatus.NOT_VERIFY, TestCards.stored(tenant, reviewed).status, "no push reached the mirror");
        assertEquals(CardStatus.NOT_VERIFY, TestCards.stored(tenant, deleted).status);
        assertNull(TestCards.stored(tenant, made.get(0)));

        // The setup's own card/get calls are stored before the snapshot (counts are written in batches).
        Map<String, Integer> before = usage(tenant);
        JobOutcome outcome = jobs.runNow(CardStatusSync.JOB, tenant, null).orElseThrow();

        // Listing: NOT_VERIFY holds 52 cards (2 pages), VERIFY_OK 1, VERIFY_FAIL and DISPATCH none: 5 calls; deleted
        // cards are not listed. Details: the 51 new cards, the approved one and the deleted one, which left its list:
        // 53 calls. The unchanged, fresh card costs nothing.
        assertEquals(JobOutcome.Result.OK, outcome.result(), outcome.message());
        assertEquals(5 + 53, outcome.calls(), outcome.message());
        assertCallsCounted(tenant, before, 5, 53);

        assertEquals(CardStatus.VERIFY_OK, TestCards.stored(tenant, reviewed).status);
        assertEquals(CardStatus.DELETE, TestCards.stored(tenant, deleted).status);
        assertEquals(CardStatus.NOT_VERIFY, TestCards.stored(tenant, untouched).status);
        for (String cardId : made) {
            Card card = TestCards.stored(tenant, cardId);
            assertNotNull(card, cardId);
            assertEquals(Card.Origin.DISCOVERED, card.origin);
            assertEquals("GROUPON", card.cardType);
            assertEquals("双人套餐券", card.title);
            assertNotNull(card.refreshedAt);
        }
        assertEquals(Card.Origin.KAQUAN, TestCards.stored(tenant, reviewed).origin);

        // Nothing changed since: only the listings.
        before = usage(tenant);
        JobOutcome again = jobs.runNow(CardStatusSync.JOB, tenant, null).orElseThrow();
        assertEquals(JobOutcome.Result.OK, again.result());
        assertEquals(5, again.calls(), again.message());
        assertCallsCounted(tenant, before, 5, 0);

        // A copy older than refresh-after (7 days) is read again.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update card set refreshed_at = now() - interval '8 days' where tenant_id = ?1 and card_id = ?2")
                .setParameter(1, tenant).setParameter(2, untouched).executeUpdate());
        assertEquals(6, jobs.runNow(CardStatusSync.JOB, tenant, null).orElseThrow().calls());

        // Every run is recorded.
        List<SyncRun> runs = QuarkusTransaction.requiringNew().call(() -> SyncRun.recent(tenant, 10));
        assertEquals(3, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.result == SyncRun.State.OK && r.finishedAt != null && r.manual));
        assertEquals(List.of(6, 5, 58), runs.stream().map(r -> r.calls).toList());
    }

    @Test
    void aCardWeChatNoLongerKnowsIsMarkedDeleted() {
        long tenant = TestTenants.register(Session.login("sync-owner"), "消失的卡券");
        String gone = "pGone" + TestTenants.hex(20);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into card (tenant_id, card_id, card_type, status, origin, created_at, refreshed_at)
                values (?1, ?2, 'CASH', 'VERIFY_OK', 'KAQUAN', now(), now())""")
                .setParameter(1, tenant).setParameter(2, gone).executeUpdate());

        JobOutcome outcome = jobs.runNow(CardStatusSync.JOB, tenant, null).orElseThrow();
        assertEquals(JobOutcome.Result.OK, outcome.result(), outcome.message());
        assertEquals(4 + 1, outcome.calls(), "four empty listings, one card/get for the card missing from them");
        assertEquals(CardStatus.DELETE, TestCards.stored(tenant, gone).status);
        assertTrue(outcome.message().contains("deleted=1"), outcome.message());
        // Deleted cards are not read again.
        assertEquals(4, jobs.runNow(CardStatusSync.JOB, tenant, null).orElseThrow().calls());
    }

    @Test
    void aCardInAStatusBatchgetCannotListIsReadOnlyWhenItsCopyIsStale() {
        long tenant = TestTenants.register(Session.login("sync-owner"), "过期的卡券");
        String expired = "pExpired" + TestTenants.hex(18);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into card (tenant_id, card_id, card_type, status, origin, created_at, refreshed_at)
                values (?1, ?2, 'CASH', 'EXPIRED', 'KAQUAN', now(), now())""")
                .setParameter(1, tenant).setParameter(2, expired).executeUpdate());

        // EXPIRED is in no listing: a fresh copy costs no card/get, run after run.
        for (int run = 0; run < 2; run++) {
            JobOutcome outcome = jobs.runNow(CardStatusSync.JOB, tenant, null).orElseThrow();
            assertEquals(JobOutcome.Result.OK, outcome.result(), outcome.message());
            assertEquals(4, outcome.calls(), "four listings only: " + outcome.message());
        }
        assertEquals(CardStatus.EXPIRED, TestCards.stored(tenant, expired).status);

        // Once its copy is older than refresh-after it is read again (here WeChat no longer knows it).
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update card set refreshed_at = now() - interval '8 days' where tenant_id = ?1 and card_id = ?2")
                .setParameter(1, tenant).setParameter(2, expired).executeUpdate());
        assertEquals(4 + 1, jobs.runNow(CardStatusSync.JOB, tenant, null).orElseThrow().calls());
        assertEquals(CardStatus.DELETE, TestCards.stored(tenant, expired).status);
    }

    @Test
    void aUsedUpQuotaPausesTheJobForTheTenantUntilTheNextDay() {
        Map<String, String> form = TestTenants.validForm("配额用完");
        long tenant = TestTenants.register(Session.login("sync-owner"), form);
        given().contentType(ContentType.JSON).body(Map.of("api", "/card/batchget", "dailyLimit", 1))
                .put("/sandbox/admin/accounts/" + form.get("appid") + "/limits").then().statusCode(200);

        JobOutcome outcome = jobs.runNow(CardStatusSync.JOB, tenant, null).orElseThrow();
        assertEquals(JobOutcome.Result.QUOTA, outcome.result(), outcome.message());
        assertTrue(outcome.message().contains("45009"), outcome.message());
        Instant tomorrow = LocalDate.now(SHANGHAI).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        assertEquals(tomorrow, pausedUntil(tenant));
        assertFalse(nextDue(tenant).isBefore(tomorrow), "not due again before the next day");

        // The scheduler does not pick it up today, and a manual run does not call WeChat again.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update job_schedule set next_due_at = now() - interval '1 minute' where tenant_id = ?1")
                .setParameter(1, tenant).executeUpdate());
        jobs.runDue();
        Map<String, Integer> before = usage(tenant);
        JobOutcome stopped = jobs.runNow(CardStatusSync.JOB, tenant, null).orElseThrow();
        assertEquals(JobOutcome.Result.QUOTA, stopped.result());
        assertEquals(0, stopped.calls(), "the gateway stopped it before calling");
        assertEquals(before, usage(tenant));
        List<SyncRun> runs = QuarkusTransaction.requiringNew().call(() -> SyncRun.recent(tenant, 10));
        assertEquals(2, runs.size(), "the paused tenant was not run by the scheduler");
        assertTrue(runs.stream().allMatch(r -> r.result == SyncRun.State.QUOTA));
        assertFalse(nextDue(tenant).isBefore(tomorrow));
    }

    @Test
    void aTenantWithACredentialProblemIsSkippedWithoutCallingWeChat() {
        long tenant = TestTenants.register(Session.login("sync-owner"), "凭据失效");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into credential_problem (tenant_id, api, errcode, errmsg, detected_at)
                values (?1, '/cgi-bin/stable_token', 40125, 'invalid appsecret', now())""")
                .setParameter(1, tenant).executeUpdate());
        Map<String, Integer> before = usage(tenant);
        JobOutcome outcome = jobs.runNow(CardStatusSync.JOB, tenant, null).orElseThrow();
        assertEquals(JobOutcome.Result.SKIPPED, outcome.result());
        assertTrue(outcome.message().contains("40125"));
        assertEquals(0, outcome.calls());
        assertEquals(before, usage(tenant));
    }

    private Instant pausedUntil(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> SyncService.toInstant(em.createNativeQuery(
                "select paused_until from job_schedule where job = 'card-status' and tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult()));
    }

    private Instant nextDue(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> SyncService.toInstant(em.createNativeQuery(
                "select next_due_at from job_schedule where job = 'card-status' and tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult()));
    }

    /**
     * The tenant's calls today per API, as counted in api_usage. This node's pending counts are stored first, so the
     * answer holds every call that returned before it (jobs run synchronously here: nothing is in flight after them).
     */
    static Map<String, Integer> usage(long tenant) {
        return CallCounts.today(tenant);
    }

    private static void assertCallsCounted(long tenant, Map<String, Integer> before, int batchget, int get) {
        Map<String, Integer> after = usage(tenant);
        assertEquals(batchget, delta(before, after, "/card/batchget"), after.toString());
        assertEquals(get, delta(before, after, "/card/get"), after.toString());
    }

    private static int delta(Map<String, Integer> before, Map<String, Integer> after, String api) {
        return after.getOrDefault(api, 0) - before.getOrDefault(api, 0);
    }
}
