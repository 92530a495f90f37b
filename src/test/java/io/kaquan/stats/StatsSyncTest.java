package io.kaquan.stats;

import static io.kaquan.stats.StatsFixtures.counts;
import static io.kaquan.stats.StatsFixtures.receive;
import static io.kaquan.stats.StatsFixtures.today;
import static io.kaquan.stats.StatsFixtures.user;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kaquan.jobs.JobOutcome;
import io.kaquan.stats.StatsFixtures.Account;
import io.kaquan.testing.Session;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The statistics sync against the sandbox: what simulated users did on back-dated days is stored day by day, the
 * first sync backfills 90 days in two windows of at most 62 days, today is never asked for, re-running days changes
 * nothing, and 45009 stops an API for the day.
 */
@QuarkusTest
class StatsSyncTest {

    private static final Metric VIEW = Metric.VIEW;
    private static final Metric RECEIVE = Metric.RECEIVE;
    private static final Metric VERIFY = Metric.VERIFY;
    private static final Metric GIVEN = Metric.GIVEN;
    private static final Metric EXPIRE = Metric.EXPIRE;

    @Inject
    StatsSync sync;

    @Test
    void windowsCoverTheRangeInPiecesOfAtMost62Days() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        List<StatsSync.Window> windows = StatsSync.windows(today.minusDays(90), today.minusDays(1));
        assertEquals(List.of(new StatsSync.Window(today.minusDays(90), today.minusDays(29)),
                new StatsSync.Window(today.minusDays(28), today.minusDays(1))), windows);
        for (StatsSync.Window window : windows) {
            assertTrue(ChronoUnit.DAYS.between(window.from(), window.to()) < StatsSync.WINDOW_DAYS);
        }
        assertEquals(List.of(new StatsSync.Window(today, today)), StatsSync.windows(today, today));
        assertEquals(List.of(), StatsSync.windows(today, today.minusDays(1)));
        assertEquals(2, StatsSync.windows(today.minusDays(124), today.minusDays(1)).size());
        assertEquals(3, StatsSync.windows(today.minusDays(125), today.minusDays(1)).size());
    }

    @Test
    void shouldStoreWhatUsersDidDayByDayBackfillingNinetyDaysAndNeverAskingForToday() {
        Account account = StatsFixtures.register(Session.login("stats-sync-owner"), "统计同步");
        long tenant = account.tenantId();
        LocalDate t = today();
        String gift = StatsFixtures.card(tenant, "GIFT");
        String cash = StatsFixtures.card(tenant, "CASH");
        String shortTerm = StatsFixtures.shortTermCard(tenant, "GROUPON", 2);

        // Before the backfill: never fetched.
        receive(gift, "oOld", t.minusDays(91));
        // Window 1 (t-90 … t-29)
        String a1 = receive(gift, "oUserA", t.minusDays(85));
        receive(gift, "oUserA", t.minusDays(85));
        user(account, a1, "view", t.minusDays(85), 12);
        String b1 = receive(cash, "oUserB", t.minusDays(29));
        user(account, a1, "consume", t.minusDays(29), 15);
        // Window 2 (t-28 … t-1)
        user(account, b1, "view", t.minusDays(28), 11);
        user(account, b1, "gift", t.minusDays(28), 16);
        String f1 = receive(shortTerm, "oUserF", t.minusDays(10));
        user(account, f1, "view", t.minusDays(5), 12); // the code ended on t-9: it expires (on t-9) when looked at
        String d1 = receive(cash, "oUserD", t.minusDays(1));
        user(account, d1, "view", t.minusDays(1), 12);
        user(account, d1, "view", t.minusDays(1), 13);
        // Today: WeChat serves it tomorrow
        receive(gift, "oUserE", t);

        StatsSync.Outcome first = sync.syncTenant(tenant, t);

        assertTrue(first.ok(), first.summary());
        assertEquals(12, first.calls(), "3 APIs × 2 windows × 2 sources");
        for (StatsApi api : StatsApi.values()) {
            assertEquals(4, StatsFixtures.upstream(account, api.path()), api.path());
            assertArrayEquals(new int[] { 4, 0 }, StatsFixtures.counted(tenant, api.path()), api.path());
            StatsSyncState state = StatsFixtures.state(tenant, api);
            assertEquals(t.minusDays(1), state.syncedThrough, api.path());
            assertNull(state.lastErrcode, api.path() + " " + state.lastError); // a window ending today: 61501
        }
        Map<LocalDate, Counts> expected = new TreeMap<>();
        expected.put(t.minusDays(85), counts(Map.of(RECEIVE, new long[] { 2, 1 }, VIEW, new long[] { 1, 1 })));
        expected.put(t.minusDays(29), counts(Map.of(RECEIVE, new long[] { 1, 1 }, VERIFY, new long[] { 1, 1 })));
        expected.put(t.minusDays(28), counts(Map.of(VIEW, new long[] { 1, 1 }, GIVEN, new long[] { 1, 1 })));
        expected.put(t.minusDays(10), counts(Map.of(RECEIVE, new long[] { 1, 1 })));
        expected.put(t.minusDays(9), counts(Map.of(EXPIRE, new long[] { 1, 1 })));
        expected.put(t.minusDays(5), counts(Map.of(VIEW, new long[] { 1, 1 })));
        expected.put(t.minusDays(1), counts(Map.of(RECEIVE, new long[] { 1, 1 }, VIEW, new long[] { 2, 1 })));
        assertEquals(expected, StatsFixtures.accountDays(tenant, 1));
        assertEquals(Map.of(), StatsFixtures.accountDays(tenant, 0), "no card of the MP console");

        assertEquals(Map.of(
                t.minusDays(85), counts(Map.of(RECEIVE, new long[] { 2, 1 }, VIEW, new long[] { 1, 1 })),
                t.minusDays(29), counts(Map.of(VERIFY, new long[] { 1, 1 }))),
                StatsFixtures.cardDays(tenant, gift));
        assertEquals(Map.of(
                t.minusDays(29), counts(Map.of(RECEIVE, new long[] { 1, 1 })),
                t.minusDays(28), counts(Map.of(VIEW, new long[] { 1, 1 }, GIVEN, new long[] { 1, 1 })),
                t.minusDays(1), counts(Map.of(RECEIVE, new long[] { 1, 1 }, VIEW, new long[] { 2, 1 }))),
                StatsFixtures.cardDays(tenant, cash));
        assertEquals(Map.of(
                t.minusDays(10), counts(Map.of(RECEIVE, new long[] { 1, 1 })),
                t.minusDays(9), counts(Map.of(EXPIRE, new long[] { 1, 1 })),
                t.minusDays(5), counts(Map.of(VIEW, new long[] { 1, 1 }))),
                StatsFixtures.cardDays(tenant, shortTerm));

        // The same day again: only the last days are read again (one window per API and source), nothing changes.
        List<String> stored = StatsFixtures.snapshot(tenant);
        StatsSync.Outcome second = sync.syncTenant(tenant, t);
        assertTrue(second.ok(), second.summary());
        assertEquals(6, second.calls());
        assertEquals(6, StatsFixtures.upstream(account, StatsApi.CARDS.path()));
        assertArrayEquals(new int[] { 6, 0 }, StatsFixtures.counted(tenant, StatsApi.CARDS.path()));
        assertEquals(stored, StatsFixtures.snapshot(tenant));

        // Re-running stored days replaces them with the same values: no row added, removed or changed.
        StatsSync.Outcome rerun = sync.resync(tenant, t.minusDays(29), t.minusDays(28), t);
        assertTrue(rerun.ok(), rerun.summary());
        assertEquals(6, rerun.calls(), "one window, 2 sources, 3 APIs");
        assertEquals(stored, StatsFixtures.snapshot(tenant));
        sync.resync(tenant, t.minusDays(29), t.minusDays(28), t);
        assertEquals(stored, StatsFixtures.snapshot(tenant));

        // A re-run asked through today stops at yesterday (T+1).
        StatsSync.Outcome throughToday = sync.resync(tenant, t.minusDays(1), t.plusDays(3), t.plusDays(5));
        assertTrue(throughToday.ok(), throughToday.summary());
        assertEquals(stored, StatsFixtures.snapshot(tenant));
        for (StatsApi api : StatsApi.values()) {
            assertNull(StatsFixtures.state(tenant, api).lastErrcode);
            assertEquals(t.minusDays(1), StatsFixtures.state(tenant, api).syncedThrough);
        }
    }

    @Test
    void shouldStopAnApiForTheDayAtItsDailyQuota() {
        Account account = StatsFixtures.register(Session.login("stats-quota-owner"), "统计配额");
        long tenant = account.tenantId();
        LocalDate t = today();
        String cash = StatsFixtures.card(tenant, "CASH");
        receive(cash, "oQuota", t.minusDays(2));
        StatsFixtures.dailyLimit(account, StatsApi.CARDS.path(), 1);

        StatsSync.Outcome first = sync.syncTenant(tenant, t);

        assertEquals(Set.of(StatsApi.CARDS), first.quotaStopped(), first.summary());
        assertEquals(List.of(), first.problems());
        assertEquals(JobOutcome.Result.QUOTA, first.result(), "filed as the job runner's result, not by name");
        assertEquals(counts(Map.of(RECEIVE, new long[] { 1, 1 })),
                StatsFixtures.accountDays(tenant, 1).get(t.minusDays(2)), "the other APIs went on");
        assertEquals(Map.of(), StatsFixtures.cardDays(tenant, cash));
        StatsSyncState cards = StatsFixtures.state(tenant, StatsApi.CARDS);
        assertEquals(45009, cards.lastErrcode);
        assertNull(cards.syncedThrough);
        assertNotNull(cards.stoppedUntil);
        assertEquals(t.plusDays(1).atStartOfDay(io.kaquan.wechat.WeChatTime.ZONE).toInstant(), cards.stoppedUntil);
        assertEquals(t.minusDays(1), StatsFixtures.state(tenant, StatsApi.ACCOUNT).syncedThrough);
        int admitted = StatsFixtures.upstream(account, StatsApi.CARDS.path());

        // Later the same day: the stopped API is not called at all (the others re-read their last days).
        StatsSync.Outcome second = sync.syncTenant(tenant, t);
        assertEquals(Set.of(StatsApi.CARDS), second.quotaStopped());
        assertEquals(4, second.calls());
        assertEquals(admitted, StatsFixtures.upstream(account, StatsApi.CARDS.path()));
        assertArrayEquals(new int[] { 2, 1 }, StatsFixtures.counted(tenant, StatsApi.CARDS.path()),
                "one answered, one refused with 45009, none after");
    }

    @Test
    void aTenantPausedLongerThanTheBackfillCatchesUpOnceAndThenReadsOnlyTheLastDays() {
        Account account = StatsFixtures.register(Session.login("stats-paused-owner"), "统计暂停");
        long tenant = account.tenantId();
        LocalDate t = today();
        LocalDate longAgo = t.minusDays(120);
        QuarkusTransaction.requiringNew().run(() -> {
            for (StatsApi api : StatsApi.values()) {
                StatsSyncState state = new StatsSyncState();
                state.tenantId = tenant;
                state.api = api;
                state.syncedThrough = longAgo;
                state.persist();
            }
        });

        StatsSync.Outcome catchUp = sync.syncTenant(tenant, t);
        assertTrue(catchUp.ok(), catchUp.summary());
        assertEquals(JobOutcome.Result.OK, catchUp.result());
        assertEquals(12, catchUp.calls(), "the 90-day backfill: 3 APIs × 2 windows × 2 sources");
        for (StatsApi api : StatsApi.values()) {
            assertEquals(t.minusDays(1), StatsFixtures.state(tenant, api).syncedThrough, api.path());
        }

        StatsSync.Outcome next = sync.syncTenant(tenant, t);
        assertTrue(next.ok(), next.summary());
        assertEquals(6, next.calls(), "only the last days again, not another 90 days");
    }
}
