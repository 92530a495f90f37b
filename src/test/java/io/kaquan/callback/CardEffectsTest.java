package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.await;
import static io.kaquan.callback.CallbackFixtures.awaitDelivered;
import static io.kaquan.callback.CallbackFixtures.count;
import static io.kaquan.callback.CallbackFixtures.eventXml;
import static io.kaquan.callback.CallbackFixtures.rows;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.card.Card;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The effects of pushed events on the card and code mirrors: a real card in the tenant's sandbox account, WeChat's
 * (the sandbox's) review and simulated users, pushes to this app's /wechat/callback in every message mode, and the
 * mirror rows read back from the database.
 */
@QuarkusTest
class CardEffectsTest {

    static Session owner;

    @Inject
    DataSource db;

    @Inject
    WeChatGateway gateway;

    @BeforeAll
    static void signIn() {
        owner = Session.login("effects-owner");
    }

    // Reading the mirror

    private Map<String, Object> card(long tenantId, String cardId) {
        List<Map<String, Object>> r = rows(db, "select * from card where tenant_id = ? and card_id = ?", tenantId, cardId);
        return r.isEmpty() ? null : r.get(0);
    }

    private Map<String, Object> awaitCard(long tenantId, String cardId, String column, Object value) {
        return await(db, r -> !r.isEmpty() && value.equals(normal(r.get(0).get(column))),
                "select * from card where tenant_id = ? and card_id = ?", tenantId, cardId).get(0);
    }

    private Map<String, Object> awaitCode(long tenantId, String code, String status) {
        return await(db, r -> !r.isEmpty() && status.equals(r.get(0).get("status")),
                "select * from card_code where tenant_id = ? and code = ?", tenantId, code).get(0);
    }

    /** Every stored event of the tenant processed (or ignored), and at least {@code events} of them. */
    private void awaitProcessed(long tenantId, int events) {
        await(db, r -> ((Number) r.get(0).get("done")).intValue() >= events
                && ((Number) r.get(0).get("todo")).intValue() == 0,
                "select count(*) filter (where status in ('PROCESSED', 'IGNORED')) as done, "
                        + "count(*) filter (where status not in ('PROCESSED', 'IGNORED')) as todo "
                        + "from wechat_event where tenant_id = ?",
                tenantId);
    }

    private static Object normal(Object value) {
        return value instanceof Number n && !(value instanceof Double) ? n.longValue() : value;
    }

    private static int intOf(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    // The sandbox's simulated users

    private static String receive(String cardId) {
        return TestCards.receive(cardId);
    }

    private static void consume(String code, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).post("/sandbox/admin/codes/" + code + "/consume").then()
                .statusCode(200);
    }

    private static Map<String, Object> gift(String code, String friend) {
        return given().contentType(ContentType.JSON).body(Map.of("friendOpenid", friend))
                .post("/sandbox/admin/codes/" + code + "/gift").then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static void delete(String code) {
        given().contentType(ContentType.JSON).body(Map.of()).post("/sandbox/admin/codes/" + code + "/delete").then()
                .statusCode(200);
    }

    // The tests

    @Test
    void shouldMirrorACardsWholeLifeFromSandboxPushesInEveryMode() {
        for (String mode : List.of("PLAIN", "COMPAT", "SAFE")) {
            CallbackFixtures.Account account = CallbackFixtures.account(owner, mode);
            long tenant = account.tenantId();
            // The pay cell needs a store on the card: the account's first approved one.
            String store = gateway.forTenant(tenant).poiList(0, 50).businessList().stream()
                    .map(b -> b.baseInfo()).filter(s -> s.approved()).findFirst().orElseThrow().poiId();
            String cardId = TestCards.create(tenant, "CASH",
                    c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c.path("cash").path("base_info"))
                            .putArray("location_id_list").add(Long.parseLong(store)));
            gateway.forTenant(tenant).paycellSet(cardId, true);

            // Review, without any card/get afterwards.
            TestCards.review(cardId, true, null);
            awaitCard(tenant, cardId, "status", "VERIFY_OK");

            // Received, then consumed by a clerk.
            String first = receive(cardId);
            Map<String, Object> code = awaitCode(tenant, first, "NORMAL");
            assertNotNull(code.get("openid"), mode);
            assertNotNull(code.get("received_at"), mode);
            consume(first, Map.of("mode", "MOBILE_HELPER"));
            code = awaitCode(tenant, first, "CONSUMED");
            assertNotNull(code.get("consumed_at"), mode);

            // Received, then given to a friend: the giver's code is GIFT_SUCC, the friend holds a new one.
            String second = receive(cardId);
            awaitCode(tenant, second, "NORMAL");
            String friend = "oFriend" + CallbackFixtures.hex(20);
            String friendsCode = (String) gift(second, friend).get("code");
            Map<String, Object> gifted = awaitCode(tenant, friendsCode, "NORMAL");
            assertEquals(friend, gifted.get("openid"), mode);
            assertTrue(gifted.get("source").toString().contains("IsGiveByFriend=1"), mode);
            assertTrue(gifted.get("source").toString().contains("OldUserCardCode=" + second), mode);
            awaitCode(tenant, second, "GIFT_SUCC");

            // The friend deletes it from the wallet.
            delete(friendsCode);
            awaitCode(tenant, friendsCode, "DELETE");

            // Paid through the pay cell (买单): 200.00 due, the CASH card takes 10.00 off.
            String third = receive(cardId);
            awaitCode(tenant, third, "NORMAL");
            consume(third, Map.of("mode", "PAY_CELL", "originalFee", 20000));
            awaitCode(tenant, third, "CONSUMED");
            Map<String, Object> payment = await(db, r -> !r.isEmpty(),
                    "select * from card_payment where tenant_id = ? and code = ?", tenant, third).get(0);
            assertEquals(19000L, ((Number) payment.get("fee")).longValue(), mode);
            assertEquals(20000L, ((Number) payment.get("original_fee")).longValue(), mode);
            assertEquals(23, payment.get("trans_id").toString().length(), mode);

            // pass_check, 3 × user_get_card + the friend's, consume, gifting, del, pay
            awaitProcessed(tenant, 9);
            Map<String, Object> card = card(tenant, cardId);
            assertEquals("VERIFY_OK", card.get("status"), mode);
            assertEquals("KAQUAN", card.get("origin"), mode);
            assertEquals(4, intOf(card, "received_count"), mode);
            assertEquals(2, intOf(card, "consumed_count"), mode);
            assertEquals(1, intOf(card, "gifted_count"), mode);
            assertEquals(1, intOf(card, "deleted_count"), mode);
            assertEquals(1, intOf(card, "paid_count"), mode);
            // The event log tells the merchant what the payment did, in yuan
            Object paid = rows(db, "select id from wechat_event where tenant_id = ? and event_type = ?", tenant,
                    "user_pay_from_pay_cell").get(0).get("id");
            owner.request().get("/t/" + tenant + "/events/" + paid).then().statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("实付 190.00 元，原价 200.00 元"));
            assertEquals(4, count(db, "select count(*) from card_code where tenant_id = ? and card_id = ?", tenant,
                    cardId), mode);
            // Every event arrived the way the account sends them.
            assertEquals(0, count(db, "select count(*) from wechat_event where tenant_id = ? and arrived_as <> ?",
                    tenant, mode), mode);
        }
    }

    @Test
    void shouldCloseTheReviewLoopWithoutASyncJob() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        long tenant = account.tenantId();
        String approved = TestCards.create(tenant, "GROUPON");
        String refused = TestCards.create(tenant, "DISCOUNT");
        assertEquals(CardStatus.NOT_VERIFY, TestCards.stored(tenant, approved).status);

        TestCards.review(approved, true, null);
        TestCards.review(refused, false, "图片不清晰");
        awaitCard(tenant, approved, "status", "VERIFY_OK");
        awaitCard(tenant, refused, "status", "VERIFY_FAIL");

        Card ok = TestCards.stored(tenant, approved);
        assertEquals(CardStatus.VERIFY_OK, ok.status);
        assertNull(ok.refusalReason);
        assertEquals(Card.Origin.KAQUAN, ok.origin);
        assertEquals("双人套餐券", ok.title, "the mirror row of the wizard is updated, not replaced");
        Card no = TestCards.stored(tenant, refused);
        assertEquals(CardStatus.VERIFY_FAIL, no.status);
        assertEquals("图片不清晰", no.refusalReason);
        assertEquals(2, count(db, "select count(*) from card where tenant_id = ?", tenant));
    }

    @Test
    void shouldStoreAndApplyDuplicatedAndRetriedPushesOnce() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        long tenant = account.tenantId();
        String cardId = TestCards.create(tenant, "GIFT");
        given().contentType(ContentType.JSON).body(Map.of("duplicatePushes", true))
                .put("/sandbox/admin/accounts/" + account.appid() + "/faults").then().statusCode(200);

        TestCards.review(cardId, false, "描述不清");
        awaitCard(tenant, cardId, "status", "VERIFY_FAIL");
        TestCards.review(cardId, true, null);
        awaitCard(tenant, cardId, "status", "VERIFY_OK");
        String code = receive(cardId);
        awaitCode(tenant, code, "NORMAL");
        consume(code, Map.of());
        awaitCode(tenant, code, "CONSUMED");
        String other = receive(cardId);
        awaitCode(tenant, other, "NORMAL");
        String friendsCode = (String) gift(other, "oFriend" + CallbackFixtures.hex(20)).get("code");
        awaitCode(tenant, friendsCode, "NORMAL");
        awaitCode(tenant, other, "GIFT_SUCC");
        delete(friendsCode);
        awaitCode(tenant, friendsCode, "DELETE");

        // Every push went out twice (8 events), and WeChat retries the user_get_card of the first code once more.
        awaitDelivered(account, 16);
        String retried = (String) rows(db, "select raw_xml from wechat_event where tenant_id = ? and event_type = "
                + "'user_get_card' and user_card_code = ?", tenant, code).get(0).get("raw_xml");
        CallbackFixtures.pushXml(account, retried);
        awaitDelivered(account, 17);
        awaitProcessed(tenant, 8);

        assertEquals(8, count(db, "select count(*) from wechat_event where tenant_id = ?", tenant));
        Map<String, Object> card = card(tenant, cardId);
        assertEquals(3, intOf(card, "received_count"));
        assertEquals(1, intOf(card, "consumed_count"));
        assertEquals(1, intOf(card, "gifted_count"));
        assertEquals(1, intOf(card, "deleted_count"));
        assertEquals("VERIFY_OK", card.get("status"));
        assertNull(card.get("refusal_reason"));
    }

    @Test
    void shouldNotLetALateReviewResultOverwriteANewerStatus() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "COMPAT");
        long tenant = account.tenantId();
        String cardId = TestCards.create(tenant, "CASH");
        long now = Instant.now().getEpochSecond();
        String system = "oSystem" + CallbackFixtures.hex(20);

        CallbackFixtures.pushXml(account, eventXml(account, system, now + 5, "card_not_pass_check", "CardId", cardId,
                "RefuseReason", "品牌名不符"));
        awaitCard(tenant, cardId, "status", "VERIFY_FAIL");
        // A pass of an earlier round, delivered late (WeChat's retry, a backlog): the newer refusal stays.
        CallbackFixtures.pushXml(account, eventXml(account, system, now, "card_pass_check", "CardId", cardId));
        List<Map<String, Object>> late = await(db, r -> !r.isEmpty() && "PROCESSED".equals(r.get(0).get("status")),
                "select * from wechat_event where tenant_id = ? and event_type = 'card_pass_check'", tenant);
        assertTrue(late.get(0).get("outcome").toString().startsWith("not applied"), late.toString());
        Map<String, Object> card = card(tenant, cardId);
        assertEquals("VERIFY_FAIL", card.get("status"));
        assertEquals("品牌名不符", card.get("refusal_reason"));
        // The merchant fixes the card; the new review passes it.
        CallbackFixtures.pushXml(account, eventXml(account, system, now + 60, "card_pass_check", "CardId", cardId));
        card = awaitCard(tenant, cardId, "status", "VERIFY_OK");
        assertNull(card.get("refusal_reason"));
        assertEquals(now + 60, ((Timestamp) card.get("status_changed_at")).toInstant().getEpochSecond());

        // A card made in the MP console, unknown to the mirror: discovered by its review result.
        String console = "pConsole" + CallbackFixtures.hex(20);
        CallbackFixtures.pushXml(account, eventXml(account, system, now - 3600, "card_not_pass_check", "CardId",
                console, "RefuseReason", "资质不全"));
        Map<String, Object> discovered = awaitCard(tenant, console, "status", "VERIFY_FAIL");
        assertEquals("DISCOVERED", discovered.get("origin"));
        assertEquals("资质不全", discovered.get("refusal_reason"));
    }

    @Test
    void shouldApplyCodeEventsArrivingInAnyOrderOnce() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        long tenant = account.tenantId();
        String cardId = "pOrder" + CallbackFixtures.hex(20);
        String user = "oUser" + CallbackFixtures.hex(20);
        String friend = "oFriend" + CallbackFixtures.hex(20);
        long t = Instant.now().getEpochSecond() - 600;

        // The consumption arrives before the receipt: the receipt still counts, and does not revive the code.
        push(account, eventXml(account, user, t + 5, "user_consume_card", "CardId", cardId, "UserCardCode", "100000000001",
                "ConsumeSource", "FROM_API"));
        awaitCode(tenant, "100000000001", "CONSUMED");
        push(account, eventXml(account, user, t, "user_get_card", "CardId", cardId, "UserCardCode", "100000000001",
                "IsGiveByFriend", "0", "OuterStr", "poster", "OuterId", "7"));
        awaitProcessed(tenant, 2);
        Map<String, Object> consumed = awaitCode(tenant, "100000000001", "CONSUMED");
        assertEquals("OuterStr=poster; OuterId=7", consumed.get("source"));
        assertEquals(t, ((Timestamp) consumed.get("received_at")).toInstant().getEpochSecond());

        // The friend's receipt of a gift arrives before the giver's gifting (both in the same second, as WeChat
        // sends them): the old code ends GIFT_SUCC and the gift is counted once.
        push(account, eventXml(account, user, t + 10, "user_get_card", "CardId", cardId, "UserCardCode", "100000000002"));
        awaitCode(tenant, "100000000002", "NORMAL");
        push(account, eventXml(account, friend, t + 20, "user_get_card", "CardId", cardId, "UserCardCode",
                "100000000003", "IsGiveByFriend", "1", "FriendUserName", user, "OldUserCardCode", "100000000002"));
        awaitCode(tenant, "100000000002", "GIFT_SUCC");
        push(account, eventXml(account, user, t + 20, "user_gifting_card", "CardId", cardId, "UserCardCode",
                "100000000002", "IsReturnBack", "0", "FriendUserName", friend, "IsChatRoom", "0"));
        awaitProcessed(tenant, 5);
        assertEquals("GIFT_SUCC", awaitCode(tenant, "100000000002", "GIFT_SUCC").get("status"));

        // Deleted, then a gifting of the same code from before, delivered late: it stays deleted, no gift counted.
        push(account, eventXml(account, friend, t + 30, "user_del_card", "CardId", cardId, "UserCardCode", "100000000003"));
        awaitCode(tenant, "100000000003", "DELETE");
        push(account, eventXml(account, friend, t + 1, "user_gifting_card", "CardId", cardId, "UserCardCode",
                "100000000003", "IsReturnBack", "0", "FriendUserName", user));
        awaitProcessed(tenant, 7);
        assertEquals("DELETE", awaitCode(tenant, "100000000003", "DELETE").get("status"));

        Map<String, Object> card = card(tenant, cardId);
        assertEquals("DISCOVERED", card.get("origin"));
        assertEquals(3, intOf(card, "received_count"));
        assertEquals(1, intOf(card, "consumed_count"));
        // the gift of 100000000002; the late gifting of the deleted 100000000003 changes nothing
        assertEquals(1, intOf(card, "gifted_count"));
        assertEquals(1, intOf(card, "deleted_count"));
    }

    @Test
    void shouldApplyEachEffectOnceWhenAnEventIsAppliedAgain() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        long tenant = account.tenantId();
        String cardId = "pAgain" + CallbackFixtures.hex(20);
        String user = "oUser" + CallbackFixtures.hex(20);
        long t = Instant.now().getEpochSecond();
        push(account, eventXml(account, user, t, "user_get_card", "CardId", cardId, "UserCardCode", "200000000001"));
        push(account, eventXml(account, user, t + 1, "user_pay_from_pay_cell", "CardId", cardId, "UserCardCode",
                "200000000001", "TransId", "4200000000000000000000", "LocationId", "0", "Fee", "900",
                "OriginalFee", "1000"));
        push(account, eventXml(account, user, t + 2, "user_del_card", "CardId", cardId, "UserCardCode", "200000000001"));
        push(account, eventXml(account, user, t + 3, "user_view_card", "CardId", cardId, "UserCardCode", "200000000001"));
        push(account, eventXml(account, user, t + 4, "user_enter_session_from_card", "CardId", cardId, "UserCardCode",
                "200000000001"));
        awaitProcessed(tenant, 5);
        // The processor's guarantee set aside (a replay by hand, a bug): every handler is idempotent on its own.
        CallbackFixtures.update(db, "update wechat_event set status = 'RECEIVED', next_attempt_at = now() "
                + "where tenant_id = ?", tenant);
        await(db, r -> ((Number) r.get(0).get("n")).intValue() == 5, "select count(*) as n from wechat_event where "
                + "tenant_id = ? and status = 'PROCESSED' and attempts = 2", tenant);
        assertEquals(1, count(db, "select coalesce(sum(count), 0) from card_event_count where tenant_id = ? "
                + "and card_id = ? and event_type = 'user_view_card'", tenant, cardId));
        assertEquals(1, count(db, "select coalesce(sum(count), 0) from card_event_count where tenant_id = ? "
                + "and card_id = ? and event_type = 'user_enter_session_from_card'", tenant, cardId));
        // The merchant sees the counts on the event log filtered by the card.
        owner.request().queryParam("card", cardId).get("/t/" + tenant + "/events").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("data-views=\"1\" data-sessions=\"1\""))
                .body(org.hamcrest.Matchers.containsString("用户查看 1 次"));
        owner.request().get("/t/" + tenant + "/events").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"card-view-counts\"")));
        Map<String, Object> card = card(tenant, cardId);
        assertEquals(1, intOf(card, "received_count"));
        assertEquals(1, intOf(card, "paid_count"));
        assertEquals(1, intOf(card, "consumed_count"));
        assertEquals(1, intOf(card, "deleted_count"));
        assertEquals(1, count(db, "select count(*) from card_payment where tenant_id = ?", tenant));
        assertEquals("DELETE", awaitCode(tenant, "200000000001", "DELETE").get("status"));
    }

    @Test
    void shouldProcessAnEventWhoseNodeDiedMidwayOnce() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        long tenant = account.tenantId();
        String cardId = "pCrash" + CallbackFixtures.hex(20);
        String user = "oUser" + CallbackFixtures.hex(20);
        String xml = eventXml(account, user, 1_700_000_500L, "user_consume_card", "CardId", cardId, "UserCardCode",
                "300000000001", "ConsumeSource", "FROM_API");
        // Stored and answered, not yet due (as if the node had just written it).
        long id = ((Number) rows(db, "insert into wechat_event (tenant_id, dedupe_key, event_type, from_user, "
                + "create_time, card_id, user_card_code, fields, raw_xml, arrived_as, status, next_attempt_at, "
                + "received_at) values (?, ?, 'user_consume_card', ?, 1700000500, ?, '300000000001', '{}'::jsonb, ?, "
                + "'PLAIN', 'RECEIVED', now() + interval '1 hour', now()) returning id", tenant, "crash|" + cardId, user,
                cardId, xml).get(0).get("id")).longValue();
        try (Connection dying = db.getConnection()) {
            dying.setAutoCommit(false);
            // The dying node has claimed the event and written part of an effect…
            try (PreparedStatement claim = dying.prepareStatement("select id from wechat_event where id = ? for update")) {
                claim.setLong(1, id);
                claim.executeQuery().close();
            }
            try (PreparedStatement effect = dying.prepareStatement("insert into card_code (tenant_id, card_id, code, "
                    + "status, updated_at) values (?, ?, '300000000001', 'CONSUMED', now())")) {
                effect.setLong(1, tenant);
                effect.setString(2, cardId);
                effect.executeUpdate();
            }
            // …meanwhile the event falls due: the other nodes wait for its lock instead of applying it twice.
            CompletableFuture<Integer> due = CompletableFuture.supplyAsync(() -> CallbackFixtures.update(db,
                    "update wechat_event set next_attempt_at = now() where id = ?", id));
            Awaitility.await("the update waits for the dying node's lock").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> due.isDone() || count(db, "select count(*) from pg_locks l join pg_stat_activity a "
                            + "on a.pid = l.pid where not l.granted and a.query like 'update wechat_event set "
                            + "next_attempt_at%'") > 0);
            assertTrue(!due.isDone(), "the claimed event is locked");
            // The node dies: its transaction is rolled back.
            dying.rollback();
            assertEquals(1, due.get(20, TimeUnit.SECONDS));
        }
        await(db, r -> "PROCESSED".equals(r.get(0).get("status")), "select status from wechat_event where id = ?", id);
        Map<String, Object> code = awaitCode(tenant, "300000000001", "CONSUMED");
        assertEquals(id, ((Number) code.get("last_event_id")).longValue());
        assertEquals(1, intOf(card(tenant, cardId), "consumed_count"));
    }

    private static void push(CallbackFixtures.Account account, String xml) {
        CallbackFixtures.postPlain(account.token(), xml).then().statusCode(200);
    }
}
