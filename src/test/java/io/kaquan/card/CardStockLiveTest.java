package io.kaquan.card;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kaquan.callback.CallbackFixtures;
import io.kaquan.callback.CallbackFixtures.Account;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14: the remaining stock follows WeChat's receive pushes (exactly once, gifts take nothing), the pages say how
 * fresh it is, an old figure is read again from WeChat when the card page opens, and the pages' polls show what
 * WeChat pushed after they were rendered — for the tenant's own cards only.
 */
@QuarkusTest
class CardStockLiveTest {

    private static final Duration PROCESSED = Duration.ofSeconds(30);

    @Test
    void remainingStockFollowsReceivePushesOncePerCodeAndGiftsTakeNothing() {
        Session owner = Session.login("stock-live-owner");
        Account account = CallbackFixtures.account(owner, "SAFE");
        long tenant = account.tenantId();
        String cardId = TestCards.approved(tenant, "CASH");
        assertEquals(1000, TestCards.stored(tenant, cardId).quantity);

        JsonPath first = receive(cardId);
        receive(cardId);
        receive(cardId);
        awaitStored(tenant, cardId, "three receipts applied", () -> TestCards.stored(tenant, cardId).receivedCount == 3);
        assertEquals(997, TestCards.stored(tenant, cardId).quantity);
        assertEquals(CardFixtures.wechat(tenant, cardId).quantity(), TestCards.stored(tenant, cardId).quantity);

        // The same receipt pushed again as a new event (another CreateTime, so not an inbox duplicate): nothing moves.
        CallbackFixtures.pushXml(account, CallbackFixtures.eventXml(account, first.getString("openid"),
                Instant.now().getEpochSecond() + 1, "user_get_card", "CardId", cardId, "UserCardCode",
                first.getString("code"), "IsGiveByFriend", "0", "FriendUserName", "", "OldUserCardCode", ""));
        awaitProcessed(tenant, cardId, "user_get_card", 4);
        assertEquals(997, TestCards.stored(tenant, cardId).quantity);
        assertEquals(3, TestCards.stored(tenant, cardId).receivedCount);

        // A gift to a friend: the friend's new code comes from the giver's, not from the stock (WeChat agrees).
        given().contentType(ContentType.JSON).body(Map.of()).post("/sandbox/admin/codes/" + first.getString("code")
                + "/gift?appid=" + account.appid()).then().statusCode(200);
        awaitStored(tenant, cardId, "the gift applied", () -> {
            Card card = TestCards.stored(tenant, cardId);
            return card.giftedCount == 1 && card.receivedCount == 4;
        });
        assertEquals(997, TestCards.stored(tenant, cardId).quantity);
        assertEquals(997, CardFixtures.wechat(tenant, cardId).quantity());

        // A gift that comes back (IsReturnBack=1) returns the code to the giver, not to the stock.
        CallbackFixtures.pushXml(account, CallbackFixtures.eventXml(account, first.getString("openid"),
                Instant.now().getEpochSecond() + 2, "user_gifting_card", "CardId", cardId, "UserCardCode",
                first.getString("code"), "IsReturnBack", "1", "FriendUserName", "oFriend", "IsChatRoom", "0"));
        awaitProcessed(tenant, cardId, "user_gifting_card", 2);
        assertEquals(997, TestCards.stored(tenant, cardId).quantity);

        String page = owner.request().get("/t/" + tenant + "/cards/" + cardId).then().statusCode(200).extract()
                .asString();
        assertTrue(page.contains("剩余 997 / 总量 1000"), page);
        assertTrue(page.contains("按微信推送更新 · 刚刚与微信核对"), page);
        String list = owner.request().get("/t/" + tenant + "/cards").then().statusCode(200).extract().asString();
        assertTrue(list.contains("<span id=\"stock-" + cardId + "\">997 / 1000</span>"), list);
        assertTrue(list.contains("按微信推送更新"), list);
        String english = owner.request().header("Accept-Language", "en").cookie("kaquan-lang", "en")
                .get("/t/" + tenant + "/cards/" + cardId).then().statusCode(200).extract().asString();
        assertTrue(english.contains("Updated by WeChat&#39;s pushes · Checked with WeChat just now"), english);
    }

    @Test
    void anOldFigureIsReadAgainFromWeChatWhenThePageOpensOncePerPeriod() {
        Session owner = Session.login("stock-drift-owner");
        CardFixtures.TestTenant tenant = CardFixtures.tenant(owner, "库存核对");
        String cardId = TestCards.approved(tenant.id(), "GROUPON");
        WeChatGateway gateway = Arc.container().instance(WeChatGateway.class).get();

        // Stock changed behind Kaquan's back (the MP console): a fresh figure is shown as it is…
        gateway.forTenant(tenant.id()).cardModifyStock(cardId, 40);
        String page = owner.request().get(tenant.card(cardId)).then().statusCode(200).extract().asString();
        assertTrue(page.contains("剩余 1000 / 总量 1000"), page);

        // …and read again from WeChat once the last card/get is older than kaquan.cards.stock-check-after (10 min).
        CardFixtures.sql("update card set refreshed_at = now() - interval '3 hours' where tenant_id = ?1 and card_id = ?2",
                tenant.id(), cardId);
        assertTrue(owner.request().get(tenant.cards()).then().statusCode(200).extract().asString()
                .contains("3 小时前与微信核对"), "the list says how old the figure is");
        page = owner.request().get(tenant.card(cardId)).then().statusCode(200).extract().asString();
        assertTrue(page.contains("剩余 1040 / 总量 1040"), page);
        assertTrue(page.contains("刚刚与微信核对"), page);

        // Not on every view: within the period the next change waits for the next check.
        gateway.forTenant(tenant.id()).cardModifyStock(cardId, 5);
        page = owner.request().get(tenant.card(cardId)).then().statusCode(200).extract().asString();
        assertTrue(page.contains("剩余 1040 / 总量 1040"), page);
    }

    @Test
    void thePollsShowAReviewResultPushedAfterThePageWasRenderedAndOnlyTheTenantsOwnCards() {
        Session owner = Session.login("stock-poll-owner");
        Account account = CallbackFixtures.account(owner, "SAFE");
        long tenant = account.tenantId();
        String cardId = TestCards.create(tenant, "GIFT");
        String base = "/t/" + tenant + "/cards";
        String page = owner.request().get(base + "/" + cardId).then().statusCode(200).extract().asString();
        assertTrue(page.contains("hx-get=\"" + base + "/" + cardId + "/live\""), page);
        assertTrue(page.contains("hx-trigger=\"every 2s\""), page); // kaquan.cards.live-refresh of the test profile
        String list = owner.request().get(base).then().statusCode(200).extract().asString();
        assertTrue(list.contains("hx-get=\"" + base + "/live?id=" + cardId + "\""), list);

        TestCards.review(cardId, false, "图片不清晰");
        Awaitility.await("the refusal in the card page's poll").atMost(PROCESSED).pollInterval(Duration.ofMillis(200))
                .until(() -> owner.request().get(base + "/" + cardId + "/live").then().statusCode(200).extract()
                        .asString().contains("审核失败"));
        String live = owner.request().get(base + "/" + cardId + "/live").then().statusCode(200).extract().asString();
        assertTrue(live.contains("id=\"card-live\"") && live.contains("图片不清晰"), live);
        String rows = owner.request().queryParam("id", cardId).queryParam("id", "pNotACardOfThisTenant")
                .get(base + "/live").then().statusCode(200).extract().asString();
        assertTrue(rows.contains("id=\"status-" + cardId + "\"") && rows.contains("hx-swap-oob=\"true\""), rows);
        assertTrue(rows.contains("审核失败"), rows);
        assertFalse(rows.contains("pNotACardOfThisTenant"), rows);

        // A stranger: another tenant's owner, in either tenant's URL
        Session stranger = Session.login("stock-poll-stranger");
        CardFixtures.TestTenant other = CardFixtures.tenant(stranger, "别人的号");
        stranger.request().get(other.card(cardId) + "/live").then().statusCode(404);
        stranger.request().get(base + "/" + cardId + "/live").then().statusCode(404);
        stranger.request().get(base + "/live").then().statusCode(404);
        String theirs = stranger.request().queryParam("id", cardId).get(other.cards() + "/live").then()
                .statusCode(200).extract().asString();
        assertFalse(theirs.contains(cardId), theirs);

        owner.request().get(base + "/live").then().statusCode(200); // no ids: nothing to swap

        // Bad input is a 4xx: too many ids at once
        var tooMany = owner.request();
        for (int i = 0; i <= CardLookup.LIVE_MAX; i++) {
            tooMany = tooMany.queryParam("id", "p" + i);
        }
        tooMany.get(base + "/live").then().statusCode(400);
    }

    private static JsonPath receive(String cardId) {
        return given().contentType(ContentType.JSON).body(Map.of()).post("/sandbox/admin/cards/" + cardId + "/receive")
                .then().statusCode(201).extract().jsonPath();
    }

    private static void awaitStored(long tenant, String cardId, String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(PROCESSED).pollInterval(Duration.ofMillis(100)).until(condition);
    }

    private static void awaitProcessed(long tenant, String cardId, String eventType, int count) {
        Awaitility.await(count + " " + eventType + " processed").atMost(PROCESSED).pollInterval(Duration.ofMillis(100))
                .until(() -> CardFixtures.count("select count(*) from wechat_event where tenant_id = ?1 and card_id = ?2 "
                        + "and event_type = ?3 and status = 'PROCESSED'", tenant, cardId, eventType) == count);
    }
}
