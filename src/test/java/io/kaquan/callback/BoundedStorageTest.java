package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.count;
import static io.kaquan.callback.CallbackFixtures.rows;
import static io.kaquan.callback.CallbackFixtures.update;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kaquan.jobs.SyncRunRetention;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.ApiUsageRetention;
import io.kaquan.wechat.WeChatTime;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 13 §4: what anonymous senders can store is bounded, and what grows for ever is purged. */
@QuarkusTest
class BoundedStorageTest {

    private static final int SENDERS = 8;

    @Inject
    DataSource db;

    @Inject
    CallbackConfig config;

    @Inject
    Inbox inbox;

    @Inject
    CallbackRetention callbackRetention;

    @Inject
    SyncRunRetention syncRunRetention;

    @Inject
    ApiUsageRetention apiUsageRetention;

    @Test
    void shouldKeepAFloodFromOneAddressWithinItsByteBudgetExactly() throws Exception {
        // One sender (an address of its own, so that other tests' pushes from 127.0.0.1 do not count), 8 threads at once.
        String source = "203.0.113." + (1 + new java.security.SecureRandom().nextInt(250));
        update(db, "delete from unroutable_budget where source in (?, ?)", source, Inbox.EVERYBODY);
        String flood = "gh_flood" + CallbackFixtures.hex(8);
        String body = "<xml><ToUserName><![CDATA[" + flood + "]]></ToUserName><Padding><![CDATA[" + "x".repeat(10_000)
                + "]]></Padding></xml>"; // more than the stored prefix
        String query = "signature=" + "0".repeat(40) + "&timestamp=1700000000&nonce=123456789";
        long budget = config.unroutable().bytesPerSourcePerHour();
        int bodyBytes = config.unroutable().storedBodyBytes();
        long perPush = bodyBytes + query.length();
        long fits = budget / perPush;
        assertTrue(fits < config.unroutable().perSourcePerHour(), "the byte budget is the one reached here");
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < fits + 40; i++) {
                done.add(senders.submit(() -> inbox.park(UnroutableEvent.Reason.UNKNOWN_ACCOUNT, flood, null, query, body,
                        null, source)));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        List<Map<String, Object>> stored = rows(db, "select octet_length(body) as body, octet_length(query) as query "
                + "from unroutable_event where to_user_name = ?", flood);
        assertEquals(fits, stored.size(), "as many as the byte budget holds, not one more");
        long bytes = 0;
        for (Map<String, Object> row : stored) {
            assertEquals(bodyBytes, ((Number) row.get("body")).intValue(), "a bounded prefix of the body");
            bytes += ((Number) row.get("body")).longValue() + ((Number) row.get("query")).longValue();
        }
        assertTrue(bytes <= budget);
        assertEquals(fits, count(db, "select pushes from unroutable_budget where source = ? "
                + "and window_start = date_trunc('hour', now())", source), "the counter matches what was stored");

        // The flood does not hide a genuine unroutable push from elsewhere, which arrives over HTTP as usual.
        String genuine = "gh_genuine" + CallbackFixtures.hex(8);
        given().queryParam("signature", "0".repeat(40)).queryParam("timestamp", "1700000000").queryParam("nonce", "1")
                .contentType("text/xml").body(("<xml><ToUserName><![CDATA[" + genuine + "]]></ToUserName><Padding>"
                        + "<![CDATA[" + "y".repeat(10_000) + "]]></Padding></xml>").getBytes(StandardCharsets.UTF_8))
                .post("/wechat/callback").then().statusCode(200);
        assertEquals(bodyBytes, count(db, "select octet_length(body) from unroutable_event where to_user_name = ?",
                genuine), "stored, as a bounded prefix");
        update(db, "delete from unroutable_budget where source = ?", source);
    }

    @Test
    void shouldCutStoredTextBetweenCharacters() {
        assertEquals("汉字", Inbox.utf8Prefix("汉字汉", 8), "3 bytes each: the third does not fit");
        assertEquals("ab", Inbox.utf8Prefix("ab", 4096));
        assertEquals("", Inbox.utf8Prefix("😀", 3));
    }

    @Test
    void shouldDeleteWhatIsOldAndKeepWhatIsRecent() {
        long tenant = TestTenants.register(Session.login("alice"), "保留期限");
        Instant now = Instant.now();
        long oldUnroutable = unroutable(now.minus(20, ChronoUnit.DAYS));
        long recentUnroutable = unroutable(now.minus(1, ChronoUnit.DAYS));
        long oldProcessed = event(tenant, "PROCESSED", now.minus(40, ChronoUnit.DAYS));
        long recentProcessed = event(tenant, "PROCESSED", now.minus(10, ChronoUnit.DAYS));
        long oldFailed = event(tenant, "FAILED", now.minus(40, ChronoUnit.DAYS));
        long deadWithinGrace = event(tenant, "DEAD", now.minus(40, ChronoUnit.DAYS));
        long oldDead = event(tenant, "DEAD", now.minus(100, ChronoUnit.DAYS));
        long alertOfOldEvent = id("insert into card_stock_alert (tenant_id, card_id, detail, event_id, raised_at) "
                + "values (?, 'p_old_card', '库存不足', ?, now()) returning id", tenant, oldProcessed);
        long oldRun = run(tenant, "OK", now.minus(40, ChronoUnit.DAYS));
        long recentRun = run(tenant, "OK", now.minus(1, ChronoUnit.DAYS));
        long runningRun = run(tenant, "RUNNING", now.minus(40, ChronoUnit.DAYS));
        LocalDate today = LocalDate.now(io.kaquan.wechat.WeChatTime.ZONE);
        long oldUsage = usage(tenant, today.minusDays(500));
        long recentUsage = usage(tenant, today.minusDays(1));
        update(db, "insert into unroutable_budget (window_start, source, pushes, bytes) values (?, '203.0.113.1', 1, 1)",
                java.sql.Timestamp.from(now.minus(3, ChronoUnit.HOURS)));

        CallbackRetention.Purged purged = callbackRetention.purge(now);
        syncRunRetention.purge(now);
        apiUsageRetention.purge(now);

        assertTrue(purged.unroutable() >= 1 && purged.events() >= 1 && purged.deadEvents() >= 1);
        assertGone("unroutable_event", oldUnroutable);
        assertKept("unroutable_event", recentUnroutable);
        assertGone("wechat_event", oldProcessed);
        assertGone("wechat_event", oldDead);
        assertKept("card_stock_alert", alertOfOldEvent); // the merchant's alert outlives the event that raised it
        assertKept("wechat_event", recentProcessed);
        assertKept("wechat_event", oldFailed);
        assertKept("wechat_event", deadWithinGrace);
        assertGone("sync_run", oldRun);
        assertKept("sync_run", recentRun);
        assertKept("sync_run", runningRun);
        assertGone("api_usage", oldUsage);
        assertKept("api_usage", recentUsage);
        assertEquals(0, count(db, "select count(*) from unroutable_budget where source = '203.0.113.1'"));
    }

    private long unroutable(Instant receivedAt) {
        return id("insert into unroutable_event (reason, to_user_name, query, body, received_at) "
                + "values ('UNKNOWN_ACCOUNT', 'gh_old', '', '<xml/>', ?) returning id", java.sql.Timestamp.from(receivedAt));
    }

    private long event(long tenant, String status, Instant receivedAt) {
        return id("insert into wechat_event (tenant_id, dedupe_key, event_type, fields, raw_xml, arrived_as, status, "
                + "received_at) values (?, ?, 'user_get_card', '{}'::jsonb, '<xml/>', 'SAFE', ?, ?) returning id",
                tenant, CallbackFixtures.hex(16), status, java.sql.Timestamp.from(receivedAt));
    }

    private long run(long tenant, String result, Instant startedAt) {
        return id("insert into sync_run (job, tenant_id, due_at, started_at, result, node) "
                + "values ('card-status', ?, ?, ?, ?, 'test') returning id", tenant, java.sql.Timestamp.from(startedAt),
                java.sql.Timestamp.from(startedAt), result);
    }

    private long usage(long tenant, LocalDate day) {
        return id("insert into api_usage (tenant_id, api, day, last_call_at) values (?, 'CARD_GET', ?, now()) "
                + "returning id", tenant, java.sql.Date.valueOf(day));
    }

    private long id(String sql, Object... params) {
        return ((Number) rows(db, sql, params).get(0).get("id")).longValue();
    }

    private void assertGone(String table, long id) {
        assertEquals(0, count(db, "select count(*) from " + table + " where id = ?", id), table + " " + id);
    }

    private void assertKept(String table, long id) {
        assertEquals(1, count(db, "select count(*) from " + table + " where id = ?", id), table + " " + id);
    }
}
