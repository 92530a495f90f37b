package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.await;
import static io.kaquan.callback.CallbackFixtures.eventXml;
import static io.kaquan.callback.CallbackFixtures.postPlain;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;

/** The event log and the unroutable pushes page: reading, filtering, replaying, and who may do what. */
@QuarkusTest
class EventPagesTest {

    static final String OPENID = "oEventPagesUser00000000000001";
    static final String CARD_A = "pEventPagesCardA000000000001";
    static final String CODE_A = "445566778899";

    static Session owner;
    static Session viewer;
    static Session stranger;
    static Session admin;

    @Inject
    DataSource db;

    @BeforeAll
    static void signIn() {
        owner = Session.login("events-owner");
        viewer = Session.login("carol");
        stranger = Session.login("events-stranger");
        admin = Session.login("alice");
    }

    private long stored(CallbackFixtures.Account account, String eventType, String status) {
        List<Map<String, Object>> rows = await(db, r -> !r.isEmpty() && status.equals(r.get(0).get("status")),
                "select id, status from wechat_event where tenant_id = ? and event_type = ?", account.tenantId(),
                eventType);
        return ((Number) rows.get(0).get("id")).longValue();
    }

    @Test
    void shouldShowAnEventsFieldsInWordsAndItsRawXml() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "COMPAT");
        CallbackFixtures.push(account, "user_consume_card", OPENID, Map.of("CardId", CARD_A, "UserCardCode", CODE_A,
                "ConsumeSource", "FROM_API"));
        long id = stored(account, "user_consume_card", "PROCESSED");
        String base = "/t/" + account.tenantId() + "/events";
        owner.request().get(base).then().statusCode(200).body(containsString("data-event-id=\"" + id + "\""))
                .body(containsString("卡券被核销"));
        owner.request().get(base + "/" + id).then().statusCode(200)
                .body(containsString("核销来源")).body(containsString("API 核销"))
                .body(containsString("已处理")).body(containsString("核销数 +1"))
                .body(containsString("卡券 " + CARD_A + " / 券码 " + CODE_A)).body(not(containsString("consumed_count")))
                .body(containsString("&lt;Event&gt;&lt;![CDATA[user_consume_card]]&gt;&lt;/Event&gt;"))
                .body(not(containsString("id=\"replay-form\"")));
        owner.request().cookie("kaquan-lang", "en").get(base + "/" + id).then().statusCode(200)
                .body(containsString("Card " + CARD_A + " / code " + CODE_A + ": ")).body(containsString("consumed +1"));
    }

    @Test
    void shouldFilterByTypeCardCodeStatusAndTime() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        postPlain(account.token(), eventXml(account, OPENID, 1_700_000_100L, "user_view_card", "CardId", CARD_A,
                "UserCardCode", CODE_A)).then().statusCode(200);
        postPlain(account.token(), eventXml(account, OPENID, 1_700_000_101L, "user_del_card", "CardId", "pOther",
                "UserCardCode", "000011112222")).then().statusCode(200);
        long view = stored(account, "user_view_card", "PROCESSED");
        postPlain(account.token(), eventXml(account, OPENID, 1_700_000_104L, "some_future_event", "Foo", "bar"))
                .then().statusCode(200);
        long del = stored(account, "user_del_card", "PROCESSED");
        long future = stored(account, "some_future_event", "IGNORED");
        String base = "/t/" + account.tenantId() + "/events";
        owner.request().queryParam("type", "user_view_card").get(base).then().statusCode(200)
                .body(containsString("data-event-id=\"" + view + "\""))
                .body(not(containsString("data-event-id=\"" + del + "\"")));
        owner.request().queryParam("card", "pOther").get(base).then()
                .body(containsString("data-event-id=\"" + del + "\""))
                .body(not(containsString("data-event-id=\"" + view + "\"")));
        owner.request().queryParam("code", CODE_A).get(base).then()
                .body(containsString("data-event-id=\"" + view + "\""))
                .body(not(containsString("data-event-id=\"" + del + "\"")));
        owner.request().queryParam("status", "IGNORED").get(base).then()
                .body(containsString("data-event-id=\"" + future + "\""))
                .body(not(containsString("data-event-id=\"" + view + "\"")));
        owner.request().queryParam("from", "2000-01-01").queryParam("to", "2000-01-02").get(base).then()
                .body(containsString("id=\"events-empty\""));
        // A bad filter is refused next to its field, not dropped (the unfiltered list would look filtered).
        owner.request().queryParam("from", "not a date").queryParam("status", "NOPE").get(base).then().statusCode(400)
                .body(containsString("id=\"from-error\"")).body(containsString("id=\"status-error\""))
                .body(containsString("请输入日期")).body(not(containsString("data-event-id=")));
        owner.request().queryParam("from", "2000-01-02").queryParam("to", "2000-01-01").get(base).then().statusCode(400)
                .body(containsString("id=\"to-error\"")).body(not(containsString("id=\"from-error\"")));
    }

    @Test
    void shouldReplayADeadEventForOperatorsOnly() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        TestTenants.addMember(owner, account.tenantId(), "carol@example.com", "VIEWER");
        postPlain(account.token(), eventXml(account, OPENID, 1_700_000_102L, FlakyTestHandler.TYPE, "CardId", "pReplay",
                "FailTimes", "1")).then().statusCode(200);
        long id = stored(account, FlakyTestHandler.TYPE, "FAILED");
        CallbackFixtures.update(db, "update wechat_event set status = 'DEAD', attempts = 8, next_attempt_at = null "
                + "where id = ?", id);
        String event = "/t/" + account.tenantId() + "/events/" + id;
        viewer.request().get(event).then().statusCode(200).body(not(containsString("id=\"replay-form\"")));
        viewer.request().post(event + "/replay").then().statusCode(403);
        owner.request().get(event).then().statusCode(200).body(containsString("id=\"replay-form\""));
        owner.request().post(event + "/replay").then().statusCode(303).header("Location", endsWith(event));
        // attempts start again from 0; FailTimes=1 fails once more, so it is FAILED, not DEAD, and retried later.
        await(db, r -> "FAILED".equals(r.get(0).get("status")) && ((Number) r.get(0).get("attempts")).intValue() == 1,
                "select status, attempts from wechat_event where id = ?", id);
        owner.request().post(event + "/replay").then().statusCode(303);
        // The replay starts the attempts again, so it fails once more; its backoff (10 s) passes at once here.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            CallbackFixtures.update(db, "update wechat_event set next_attempt_at = now() "
                    + "where id = ? and status = 'FAILED'", id);
            return "PROCESSED".equals(CallbackFixtures.rows(db, "select status from wechat_event where id = ?", id)
                    .get(0).get("status"));
        });
        // Only failed and dead events are replayed.
        owner.request().post(event + "/replay").then().statusCode(303);
        await(db, r -> "PROCESSED".equals(r.get(0).get("status")), "select status from wechat_event where id = ?", id);
    }

    @Test
    void shouldNotQueueAnEventAgainThatAProcessorCommittedDuringTheReplay() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        postPlain(account.token(), eventXml(account, OPENID, 1_700_000_105L, FlakyTestHandler.TYPE, "CardId", "pRace",
                "FailTimes", "99")).then().statusCode(200);
        long id = stored(account, FlakyTestHandler.TYPE, "FAILED");
        CallbackFixtures.update(db, "update wechat_event set status = 'DEAD', attempts = 8, next_attempt_at = null "
                + "where id = ?", id);
        String event = "/t/" + account.tenantId() + "/events/" + id;
        // A processor holds the row (as its claim would) while the replay request reads it and then waits for the row;
        // the processor commits PROCESSED; the replay must see that, not reset the event to RECEIVED from its old read.
        try (Connection processor = db.getConnection()) {
            processor.setAutoCommit(false);
            try (Statement s = processor.createStatement()) {
                s.execute("select id from wechat_event where id = " + id + " for update");
            }
            CompletableFuture<io.restassured.response.Response> replay = CompletableFuture
                    .supplyAsync(() -> owner.request().post(event + "/replay"));
            await(db, r -> ((Number) r.get(0).get("n")).intValue() > 0, "select count(*) as n from pg_locks l "
                    + "join pg_stat_activity a on a.pid = l.pid where not l.granted and a.datname = current_database() and a.query ilike '%wechat_event%'");
            try (Statement s = processor.createStatement()) {
                s.executeUpdate("update wechat_event set status = 'PROCESSED', attempts = 9, processed_at = now() "
                        + "where id = " + id);
            }
            processor.commit();
            io.restassured.response.Response answer = replay.get(30, TimeUnit.SECONDS);
            answer.then().statusCode(303).header("Location", endsWith(event));
            Map<String, Object> row = CallbackFixtures.rows(db, "select status, attempts from wechat_event where id = ?",
                    id).get(0);
            org.junit.jupiter.api.Assertions.assertEquals("PROCESSED", row.get("status"));
            org.junit.jupiter.api.Assertions.assertEquals(9, ((Number) row.get("attempts")).intValue());
            org.junit.jupiter.api.Assertions.assertEquals(0L, CallbackFixtures.count(db,
                    "select count(*) from audit_log where action = 'event.replayed' and target like ?", "% #" + id));
            owner.request().cookie("kaquan-flash", answer.getCookie("kaquan-flash")).get(event).then()
                    .body(containsString("刚刚已被处理"));
        }
    }

    @Test
    void shouldKeepEachTenantsEventsToItself() {
        CallbackFixtures.Account a = CallbackFixtures.account(owner, "PLAIN");
        CallbackFixtures.Account b = CallbackFixtures.account(owner, "PLAIN");
        postPlain(a.token(), eventXml(a, OPENID, 1_700_000_103L, FlakyTestHandler.TYPE, "CardId", "pIso",
                "FailTimes", "99")).then().statusCode(200);
        long idA = stored(a, FlakyTestHandler.TYPE, "FAILED");
        owner.request().get("/t/" + b.tenantId() + "/events").then().statusCode(200)
                .body(not(containsString("data-event-id=\"" + idA + "\"")));
        owner.request().get("/t/" + b.tenantId() + "/events/" + idA).then().statusCode(404);
        owner.request().post("/t/" + b.tenantId() + "/events/" + idA + "/replay").then().statusCode(404);
        stranger.request().get("/t/" + a.tenantId() + "/events").then().statusCode(404);
        stranger.request().get("/t/" + a.tenantId() + "/events/" + idA).then().statusCode(404);
    }

    @Test
    void shouldShowUnroutablePushesToPlatformAdminsOnly() {
        String unknown = "gh_" + CallbackFixtures.hex(12);
        postPlain("anytoken", "<xml><ToUserName><![CDATA[" + unknown + "]]></ToUserName><MsgType>event</MsgType>"
                + "<Event>user_get_card</Event></xml>").then().statusCode(200);
        admin.request().get("/admin/unroutable").then().statusCode(200).body(containsString(unknown))
                .body(containsString("未知公众号"));
        owner.request().get("/admin/unroutable").then().statusCode(403);
    }
}
