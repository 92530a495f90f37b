package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.await;
import static io.kaquan.callback.CallbackFixtures.awaitDelivered;
import static io.kaquan.callback.CallbackFixtures.count;
import static io.kaquan.callback.CallbackFixtures.eventXml;
import static io.kaquan.callback.CallbackFixtures.postEncrypted;
import static io.kaquan.callback.CallbackFixtures.postPlain;
import static io.kaquan.callback.CallbackFixtures.postSafe;
import static io.kaquan.callback.CallbackFixtures.rows;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.wechat.CallbackCrypto;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The shared callback, driven by the sandbox pushing to this app like WeChat, and by hand-made hostile requests. */
@QuarkusTest
class CallbackEndpointTest {

    static final String OPENID = "oCallbackUser0000000000000001";
    static final String CARD = "pCallbackCard000000000000001";

    static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<xml><ToUserName>&xxe;</ToUserName><Encrypt>x</Encrypt></xml>";
    static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
            + "<xml><ToUserName>&e;&e;&e;&e;&e;&e;&e;&e;</ToUserName></xml>";

    static Session owner;

    @Inject
    DataSource db;

    @Inject
    EventProcessor processor;

    @BeforeAll
    static void signIn() {
        owner = Session.login("callback-owner");
    }

    private List<Map<String, Object>> eventsOf(long tenantId, String eventType) {
        return rows(db, "select * from wechat_event where tenant_id = ? and event_type = ? order by id", tenantId,
                eventType);
    }

    private List<Map<String, Object>> awaitStatus(long tenantId, String eventType, String status) {
        return await(db, r -> !r.isEmpty() && r.stream().allMatch(e -> status.equals(e.get("status"))),
                "select * from wechat_event where tenant_id = ? and event_type = ? order by id", tenantId, eventType);
    }

    private long viewCount(long tenantId, String card, String type) {
        List<Map<String, Object>> r = rows(db, "select count from card_event_count where tenant_id = ? and card_id = ? "
                + "and event_type = ?", tenantId, card, type);
        return r.isEmpty() ? 0 : ((Number) r.get(0).get("count")).longValue();
    }

    @Test
    void shouldStoreAndApplySandboxPushesInEveryMode() {
        for (String mode : List.of("PLAIN", "COMPAT", "SAFE")) {
            CallbackFixtures.Account account = CallbackFixtures.account(owner, mode);
            CallbackFixtures.push(account, "user_view_card", OPENID, Map.of("CardId", CARD, "UserCardCode", "123456789012",
                    "OuterStr", "12b"));
            List<Map<String, Object>> events = awaitStatus(account.tenantId(), "user_view_card", "PROCESSED");
            assertEquals(1, events.size(), mode);
            assertEquals(mode, events.get(0).get("arrived_as"));
            assertEquals(CARD, events.get(0).get("card_id"));
            assertTrue(events.get(0).get("raw_xml").toString().contains("<Event><![CDATA[user_view_card]]></Event>"));
            assertEquals(1, viewCount(account.tenantId(), CARD, "user_view_card"), mode);
            // A correctly signed push proves the merchant's configuration.
            assertNotNull(rows(db, "select callback_verified_at from tenant where id = ?", account.tenantId()).get(0)
                    .get("callback_verified_at"), mode);
            // The sandbox saw "success".
            awaitDelivered(account, 1);
            given().get("/sandbox/admin/accounts/" + account.appid() + "/pushes").then().statusCode(200)
                    .body("[0].reply", equalTo("success"));
        }
    }

    @Test
    void shouldStoreDuplicatesAndRetriesOnceAndApplyThemOnce() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        given().contentType(ContentType.JSON).body(Map.of("duplicatePushes", true))
                .put("/sandbox/admin/accounts/" + account.appid() + "/faults").then().statusCode(200);
        String xml = eventXml(account, OPENID, 1_700_000_000L, "user_enter_session_from_card", "CardId", CARD,
                "UserCardCode", "998877665544");
        CallbackFixtures.pushXml(account, xml);
        CallbackFixtures.pushXml(account, xml); // WeChat's retry of the same event
        awaitStatus(account.tenantId(), "user_enter_session_from_card", "PROCESSED");
        // Four deliveries, all answered "success"…
        awaitDelivered(account, 4);
        // …one event, one effect.
        assertEquals(1, eventsOf(account.tenantId(), "user_enter_session_from_card").size());
        // …and it stays once over a few processor rounds.
        Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> viewCount(account.tenantId(), CARD, "user_enter_session_from_card") == 1);
    }

    @Test
    void shouldApplyMirrorEventsIgnoreUnknownOnesAndRaiseStockAlerts() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "COMPAT");
        CallbackFixtures.push(account, "user_get_card", OPENID, Map.of("CardId", CARD, "UserCardCode", "111122223333",
                "IsGiveByFriend", 0));
        CallbackFixtures.push(account, "some_future_event", OPENID, Map.of("Foo", "bar"));
        CallbackFixtures.push(account, "card_sku_remind", "", Map.of("CardId", CARD,
                "Detail", "the card's quantity is equal to 0"));
        List<Map<String, Object>> got = awaitStatus(account.tenantId(), "user_get_card", "PROCESSED");
        assertTrue(got.get(0).get("outcome").toString().contains("received_count+1"));
        // A card the mirror did not know is discovered by its first event.
        Map<String, Object> card = rows(db, "select * from card where tenant_id = ? and card_id = ?",
                account.tenantId(), CARD).get(0);
        assertEquals("DISCOVERED", card.get("origin"));
        assertEquals(1, ((Number) card.get("received_count")).intValue());
        assertEquals("NORMAL", rows(db, "select status from card_code where tenant_id = ? and code = ?",
                account.tenantId(), "111122223333").get(0).get("status"));
        awaitStatus(account.tenantId(), "some_future_event", "IGNORED");
        List<Map<String, Object>> remind = awaitStatus(account.tenantId(), "card_sku_remind", "PROCESSED");
        List<Map<String, Object>> alerts = rows(db, "select * from card_stock_alert where tenant_id = ?",
                account.tenantId());
        assertEquals(1, alerts.size());
        assertEquals(CARD, alerts.get(0).get("card_id"));
        assertEquals("the card's quantity is equal to 0", alerts.get(0).get("detail"));
        assertEquals(remind.get(0).get("id"), alerts.get(0).get("event_id"));
    }

    @Test
    void shouldRefuseATamperedSignatureAndStoreNothing() throws Exception {
        CallbackFixtures.Account safe = CallbackFixtures.account(owner, "SAFE");
        String xml = eventXml(safe, OPENID, 1_700_000_001L, "user_view_card", "CardId", CARD);
        String encrypted = CallbackCrypto.encrypt(safe.aesKey(), safe.appid(), xml,
                "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        postEncrypted(safe.token(), safe.originalId(), encrypted, "0".repeat(40)).then().statusCode(403);
        postEncrypted("wrongtoken", safe.originalId(), encrypted, null).then().statusCode(403);
        // A plaintext push for a safe-mode account is refused even when signed: its signature does not cover the body.
        postPlain(safe.token(), xml).then().statusCode(403);
        // So is one for a compatible-mode account: WeChat sends those encrypted too (encrypt_type=aes).
        CallbackFixtures.Account compat = CallbackFixtures.account(owner, "COMPAT");
        postPlain(compat.token(), eventXml(compat, OPENID, 1_700_000_001L, "user_view_card", "CardId", CARD))
                .then().statusCode(403);

        CallbackFixtures.Account plain = CallbackFixtures.account(owner, "PLAIN");
        postPlain("wrongtoken", eventXml(plain, OPENID, 1_700_000_002L, "user_view_card", "CardId", CARD))
                .then().statusCode(403);
        assertEquals(0, count(db, "select count(*) from wechat_event where tenant_id in (?, ?, ?)", safe.tenantId(),
                plain.tenantId(), compat.tenantId()));
    }

    @Test
    void shouldParkAPushEncryptedForAnotherAppid() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        String xml = eventXml(account, OPENID, 1_700_000_003L, "user_view_card", "CardId", CARD);
        postSafe(account.token(), account.aesKey(), "wx0000000000000000", account.originalId(), xml).then()
                .statusCode(200).body(equalTo("success"));
        assertEquals(0, count(db, "select count(*) from wechat_event where tenant_id = ?", account.tenantId()));
        List<Map<String, Object>> parked = rows(db, "select * from unroutable_event where tenant_id = ?",
                account.tenantId());
        assertEquals(1, parked.size());
        assertEquals("APPID_MISMATCH", parked.get(0).get("reason"));
    }

    @Test
    void shouldKeepPushesForAnUnknownAccountApartAndAnswerSuccess() {
        String unknown = CallbackFixtures.hex(12);
        String xml = "<xml><ToUserName><![CDATA[gh_" + unknown + "]]></ToUserName><FromUserName><![CDATA[" + OPENID
                + "]]></FromUserName><CreateTime>1700000004</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[user_get_card]]></Event></xml>";
        postPlain("anytoken", xml).then().statusCode(200).body(equalTo("success"));
        List<Map<String, Object>> parked = rows(db, "select * from unroutable_event where to_user_name = ?",
                "gh_" + unknown);
        assertEquals(1, parked.size());
        assertEquals("UNKNOWN_ACCOUNT", parked.get(0).get("reason"));
        assertTrue(parked.get(0).get("body").toString().contains("user_get_card"));
    }

    @Test
    void shouldRefuseXxeAndEntityExpansionWithoutA500() {
        for (String payload : List.of(XXE, BILLION_LAUGHS, "not xml", "<xml><ToUserName>gh_1</xml>", "")) {
            given().queryParam("signature", "x").queryParam("timestamp", "1").queryParam("nonce", "1")
                    .contentType("text/xml").body(payload.getBytes(StandardCharsets.UTF_8)).post("/wechat/callback")
                    .then().statusCode(400);
        }
    }

    @Test
    void shouldRefuseOversizeBodies() {
        String big = "<xml><ToUserName>gh_1</ToUserName><Pad>" + "x".repeat(70_000) + "</Pad></xml>";
        given().contentType("text/xml").body(big.getBytes(StandardCharsets.UTF_8)).post("/wechat/callback").then()
                .statusCode(413);
    }

    @Test
    void shouldAcceptThePreviousKeyDuringTheGracePeriod() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        owner.request().formParam("aesKey", "").post("/t/" + account.tenantId() + "/settings/aes-key").then()
                .statusCode(303);
        String xml = eventXml(account, OPENID, 1_700_000_005L, "user_view_card", "CardId", CARD);
        postSafe(account.token(), account.aesKey(), account.appid(), account.originalId(), xml).then().statusCode(200)
                .body(equalTo("success"));
        List<Map<String, Object>> events = awaitStatus(account.tenantId(), "user_view_card", "PROCESSED");
        assertEquals(Boolean.TRUE, events.get(0).get("previous_key"));
    }

    @Test
    void shouldParkPushesOpenedByNoKeyAfterTheGracePeriod() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        owner.request().formParam("aesKey", "").post("/t/" + account.tenantId() + "/settings/aes-key").then()
                .statusCode(303);
        CallbackFixtures.update(db, "update tenant set aes_key_rotated_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(3 * 24 * 3600)), account.tenantId());
        String xml = eventXml(account, OPENID, 1_700_000_006L, "user_view_card", "CardId", CARD);
        postSafe(account.token(), account.aesKey(), account.appid(), account.originalId(), xml).then().statusCode(200);
        assertEquals(0, count(db, "select count(*) from wechat_event where tenant_id = ?", account.tenantId()));
        assertEquals("UNDECRYPTABLE", rows(db, "select reason from unroutable_event where tenant_id = ?",
                account.tenantId()).get(0).get("reason"));
    }

    @Test
    void shouldProcessAnEventStoredBeforeACrash() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        String xml = eventXml(account, OPENID, 1_700_000_007L, "user_view_card", "CardId", CARD);
        // Stored by a node that died before its processor ran: a RECEIVED row and nothing else.
        CallbackFixtures.update(db, "insert into wechat_event (tenant_id, dedupe_key, event_type, from_user, create_time, "
                + "card_id, fields, raw_xml, arrived_as, status, next_attempt_at, received_at) values (?, ?, "
                + "'user_view_card', ?, 1700000007, ?, '{}'::jsonb, ?, 'PLAIN', 'RECEIVED', now(), now())",
                account.tenantId(), "crash|" + account.tenantId(), OPENID, CARD, xml);
        awaitStatus(account.tenantId(), "user_view_card", "PROCESSED");
        assertEquals(1, viewCount(account.tenantId(), CARD, "user_view_card"));
    }

    @Test
    void shouldProcessASandboxPushStoredWhileNoProcessorRanOnceItRunsAgain() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        String card = "pStopped" + CallbackFixtures.hex(8);
        // The node stores and answers, then dies before processing: here its processor is stopped instead.
        processor.stopRounds();
        try {
            CallbackFixtures.push(account, "user_view_card", OPENID, Map.of("CardId", card, "UserCardCode", "123456789012"));
            CallbackFixtures.awaitDelivered(account, 1);
            List<Map<String, Object>> stored = eventsOf(account.tenantId(), "user_view_card");
            assertEquals(1, stored.size());
            assertEquals("RECEIVED", stored.get(0).get("status"));
            assertEquals(0, ((Number) stored.get(0).get("attempts")).intValue());
            assertEquals(0, viewCount(account.tenantId(), card, "user_view_card"), "not applied while stopped");
        } finally {
            processor.startRounds(); // the node started again
        }
        Map<String, Object> processed = awaitStatus(account.tenantId(), "user_view_card", "PROCESSED").get(0);
        assertEquals(1, ((Number) processed.get("attempts")).intValue());
        assertEquals(1, viewCount(account.tenantId(), card, "user_view_card"));
        assertEquals(1, eventsOf(account.tenantId(), "user_view_card").size());
    }

    @Test
    void shouldRollBackAFailedEffectRetryWithBackoffAndApplyItOnce() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        String card = "pFlaky" + CallbackFixtures.hex(8);
        String xml = eventXml(account, OPENID, 1_700_000_008L, FlakyTestHandler.TYPE, "CardId", card, "FailTimes", "1");
        postPlain(account.token(), xml).then().statusCode(200).body(equalTo("success"));
        Map<String, Object> failed = awaitStatus(account.tenantId(), FlakyTestHandler.TYPE, "FAILED").get(0);
        assertEquals(1, ((Number) failed.get("attempts")).intValue());
        assertTrue(failed.get("last_error").toString().contains("flaky handler fails on attempt 1"));
        assertTrue(((Timestamp) failed.get("next_attempt_at")).toInstant().isAfter(Instant.now()));
        assertEquals(0, viewCount(account.tenantId(), card, FlakyTestHandler.TYPE), "the failed effect was rolled back");
        CallbackFixtures.update(db, "update wechat_event set next_attempt_at = now() where id = ?", failed.get("id"));
        awaitStatus(account.tenantId(), FlakyTestHandler.TYPE, "PROCESSED");
        assertEquals(1, viewCount(account.tenantId(), card, FlakyTestHandler.TYPE));
    }

    @Test
    void shouldBackOffABatchWhoseCommitFailsAndApplyItOnceLater() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        String card = "pCommitFail" + CallbackFixtures.hex(8);
        // Every handler succeeds, the commit does not (as with a serialization failure or a lost connection): a
        // deferred constraint trigger refuses the effect on this card at COMMIT only.
        CallbackFixtures.update(db, "create or replace function kaquan_test_commit_fails() returns trigger "
                + "language plpgsql as $$ begin raise exception 'test: commit refused'; end $$");
        CallbackFixtures.update(db, "create constraint trigger kaquan_test_commit_fails after insert or update on "
                + "card_event_count deferrable initially deferred for each row when (new.card_id like 'pCommitFail%') "
                + "execute function kaquan_test_commit_fails()");
        Map<String, Object> failed;
        try {
            postPlain(account.token(), eventXml(account, OPENID, 1_700_000_010L, FlakyTestHandler.TYPE, "CardId", card))
                    .then().statusCode(200);
            // Backed off, not claimed again and again: one attempt charged, due later, the reason kept apart.
            failed = await(db, r -> !r.isEmpty() && ((Number) r.get(0).get("attempts")).intValue() >= 1,
                    "select * from wechat_event where tenant_id = ? and event_type = ?", account.tenantId(),
                    FlakyTestHandler.TYPE).get(0);
            assertEquals("FAILED", failed.get("status"));
            assertEquals(1, ((Number) failed.get("attempts")).intValue());
            assertTrue(failed.get("last_error").toString().startsWith("commit failed:"), failed.toString());
            assertTrue(((Timestamp) failed.get("next_attempt_at")).toInstant().isAfter(Instant.now()));
            assertEquals(0, viewCount(account.tenantId(), card, FlakyTestHandler.TYPE));
        } finally {
            CallbackFixtures.update(db, "drop trigger if exists kaquan_test_commit_fails on card_event_count");
            CallbackFixtures.update(db, "drop function if exists kaquan_test_commit_fails()");
        }
        // The database well again, the event is applied once.
        CallbackFixtures.update(db, "update wechat_event set next_attempt_at = now() where id = ?", failed.get("id"));
        awaitStatus(account.tenantId(), FlakyTestHandler.TYPE, "PROCESSED");
        assertEquals(1, viewCount(account.tenantId(), card, FlakyTestHandler.TYPE));
    }

    @Test
    void shouldEndDeadAfterTheLastAttempt() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        String xml = eventXml(account, OPENID, 1_700_000_009L, FlakyTestHandler.TYPE, "CardId", "pDead", "FailTimes", "99");
        postPlain(account.token(), xml).then().statusCode(200);
        Map<String, Object> failed = awaitStatus(account.tenantId(), FlakyTestHandler.TYPE, "FAILED").get(0);
        CallbackFixtures.update(db, "update wechat_event set attempts = 7, next_attempt_at = now() where id = ?",
                failed.get("id"));
        Map<String, Object> dead = awaitStatus(account.tenantId(), FlakyTestHandler.TYPE, "DEAD").get(0);
        assertEquals(8, ((Number) dead.get("attempts")).intValue());
    }

    @Test
    void shouldAnswerWeChatsUrlCheckWithAndWithoutTheTenantHint() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        String signature = CallbackCrypto.signature(account.token(), "1714036504", "1514711492");
        given().queryParam("t", account.originalId()).queryParam("signature", signature)
                .queryParam("timestamp", "1714036504").queryParam("nonce", "1514711492")
                .queryParam("echostr", "4375120948345356249").get("/wechat/callback").then().statusCode(200)
                .contentType(ContentType.TEXT).body(equalTo("4375120948345356249"));
        assertNotNull(rows(db, "select callback_verified_at from tenant where id = ?", account.tenantId()).get(0)
                .get("callback_verified_at"));
        CallbackFixtures.Account other = CallbackFixtures.account(owner, "PLAIN");
        given().queryParam("signature", CallbackCrypto.signature(other.token(), "1714036505", "42"))
                .queryParam("timestamp", "1714036505").queryParam("nonce", "42").queryParam("echostr", "hello")
                .get("/wechat/callback").then().statusCode(200).body(equalTo("hello"));
        // The hint names exactly one tenant: another tenant's signature does not pass.
        given().queryParam("t", account.originalId()).queryParam("signature", "0".repeat(40))
                .queryParam("timestamp", "1714036504").queryParam("nonce", "1514711492").queryParam("echostr", "x")
                .get("/wechat/callback").then().statusCode(403);
        given().queryParam("t", other.originalId()).queryParam("signature", signature)
                .queryParam("timestamp", "1714036504").queryParam("nonce", "1514711492").queryParam("echostr", "x")
                .get("/wechat/callback").then().statusCode(403);
        given().get("/wechat/callback").then().statusCode(400);
    }
}
