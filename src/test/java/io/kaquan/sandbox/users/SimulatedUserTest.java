package io.kaquan.sandbox.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.CardSandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Simulated users and the review: receive, gift, consume, delete, view, stock alarm, approval and refusal. */
@QuarkusTest
class SimulatedUserTest {

    private static boolean has(String xml, String element, String cdata) {
        return xml.contains("<" + element + "><![CDATA[" + cdata + "]]></" + element + ">");
    }

    @Test
    void shouldReceiveFromStockAndPushUserGetCard() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GROUPON", base -> base.put("sku", Map.of("quantity", 2)));
        var received = CardSandbox.receive(cardId, Map.of("openid", "oReceiver", "outerStr", "channel-7",
                "outerId", 7)).statusCode(201).body("openid", is("oReceiver")).extract().jsonPath();
        sandbox.post("/card/get", Map.of("card_id", cardId)).body("card.groupon.base_info.sku.quantity", is(1))
                .body("card.groupon.base_info.sku.total_quantity", is(2));
        String xml = sandbox.pushed("user_get_card");
        assertTrue(has(xml, "ToUserName", sandbox.originalId), xml);
        assertTrue(has(xml, "FromUserName", "oReceiver"), xml);
        assertTrue(has(xml, "CardId", cardId), xml);
        assertTrue(xml.contains("<IsGiveByFriend>0</IsGiveByFriend>"), xml);
        assertTrue(has(xml, "UserCardCode", received.getString("code")), xml);
        assertTrue(has(xml, "FriendUserName", ""), xml);
        assertTrue(xml.contains("<OuterId>7</OuterId>"), xml);
        assertTrue(has(xml, "OldUserCardCode", ""), xml);
        assertTrue(has(xml, "OuterStr", "channel-7"), xml);
        assertTrue(xml.contains("<IsRestoreMemberCard>0</IsRestoreMemberCard>"), xml);
    }

    @Test
    void shouldNeverTakeStockBelowZero() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT", base -> base.put("sku", Map.of("quantity", 1)));
        CardSandbox.receive(cardId);
        CardSandbox.receive(cardId, Map.of()).statusCode(409).body("errcode", is(45031));
        sandbox.post("/card/get", Map.of("card_id", cardId)).body("card.gift.base_info.sku.quantity", is(0));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "reduce_stock_value", 1)).body("errcode", is(40122));
    }

    @Test
    void shouldEnforceGetLimit() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT", base -> base.put("get_limit", 1));
        CardSandbox.receive(cardId, Map.of("openid", "oGreedy")).statusCode(201);
        CardSandbox.receive(cardId, Map.of("openid", "oGreedy")).statusCode(409).body("errcode", is(45033));
    }

    @Test
    void shouldOnlyLetWhitelistedUsersReceiveCardsUnderReview() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.createCard("GIFT");
        CardSandbox.receive(cardId, Map.of("openid", "oStranger")).statusCode(409).body("errcode", is(40078));
        sandbox.post("/card/testwhitelist/set", Map.of("openid", List.of("oTester"))).body("errcode", is(0));
        CardSandbox.receive(cardId, Map.of("openid", "oTester")).statusCode(201);
    }

    @Test
    void shouldGiftACodeToAFriend() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT");
        String code = CardSandbox.receive(cardId, Map.of("openid", "oGiver")).statusCode(201).extract().jsonPath()
                .getString("code");
        var gifted = sandbox.user(code, "gift", Map.of("friendOpenid", "oFriend")).statusCode(200)
                .body("openid", is("oFriend")).body("old_code", is(code)).extract().jsonPath();
        String newCode = gifted.getString("code");
        sandbox.post("/card/code/get", Map.of("code", code, "check_consume", false)).body("errcode", is(40056));
        sandbox.post("/card/code/get", Map.of("code", newCode)).body("errcode", is(0)).body("openid", is("oFriend"));
        String giving = sandbox.pushed("user_gifting_card");
        assertTrue(has(giving, "FromUserName", "oGiver") && has(giving, "FriendUserName", "oFriend"), giving);
        assertTrue(giving.contains("<IsReturnBack>0</IsReturnBack>") && giving.contains("<IsChatRoom>0</IsChatRoom>"),
                giving);
        String getting = sandbox.pushed("user_get_card");
        assertTrue(getting.contains("<IsGiveByFriend>1</IsGiveByFriend>"), getting);
        assertTrue(has(getting, "FromUserName", "oFriend") && has(getting, "FriendUserName", "oGiver"), getting);
        assertTrue(has(getting, "OldUserCardCode", code) && has(getting, "UserCardCode", newCode), getting);
    }

    @Test
    void shouldRefuseGiftsOfCardsThatCannotBeGiven() {
        CardSandbox sandbox = CardSandbox.create();
        String code = CardSandbox.receive(sandbox.approvedCard("GIFT", base -> base.put("can_give_friend", false)));
        sandbox.user(code, "gift", Map.of()).statusCode(409);
    }

    @Test
    void shouldConsumeThroughTheSelfConsumeCell() {
        CardSandbox sandbox = CardSandbox.create();
        String poiId = sandbox.post("/cgi-bin/poi/getpoilist", Map.of()).extract().jsonPath()
                .getString("business_list[0].base_info.poi_id");
        String cardId = sandbox.approvedCard("CASH", base -> base.put("location_id_list", List.of(Long.parseLong(poiId))));
        sandbox.post("/card/selfconsumecell/set", Map.of("card_id", cardId, "is_open", true, "need_verify_cod", true))
                .body("errcode", is(0));
        String code = CardSandbox.receive(cardId);
        sandbox.user(code, "consume", Map.of("mode", "SELF")).statusCode(400);
        sandbox.user(code, "consume", Map.of("mode", "SELF", "verifyCode", "8888")).statusCode(200);
        String xml = sandbox.pushed("user_consume_card");
        assertTrue(has(xml, "VerifyCode", "8888") && has(xml, "LocationName", "沙箱餐厅（天河店）"), xml);
        sandbox.post("/card/code/get", Map.of("code", code)).body("errcode", is(40099));
    }

    @Test
    void shouldPayThroughThePayCell() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("CASH", base -> base.put("location_id_list", List.of(1)));
        sandbox.post("/card/paycell/set", Map.of("card_id", cardId, "is_open", true)).body("errcode", is(0));
        String code = CardSandbox.receive(cardId);
        sandbox.user(code, "consume", Map.of("originalFee", 15000)).statusCode(200);
        String xml = sandbox.pushed("user_pay_from_pay_cell");
        assertTrue(has(xml, "Fee", "14000") && has(xml, "OriginalFee", "15000"), xml);
        assertTrue(xml.matches("(?s).*<TransId><!\\[CDATA\\[[0-9]{23}]]></TransId>.*<LocationId>[0-9]+</LocationId>.*"),
                xml);
    }

    @Test
    void shouldConsumeWithTheMerchantHelperByDefault() {
        CardSandbox sandbox = CardSandbox.create();
        String code = CardSandbox.receive(sandbox.approvedCard("DISCOUNT"));
        sandbox.user(code, "consume", Map.of("staffOpenid", "oClerk")).statusCode(200);
        String xml = sandbox.pushed("user_consume_card");
        assertTrue(has(xml, "ConsumeSource", "FROM_MOBILE_HELPER") && has(xml, "StaffOpenId", "oClerk"), xml);
        sandbox.user(code, "consume", Map.of()).statusCode(409).body("errcode", is(40099));
    }

    @Test
    void shouldDeleteAndViewCodes() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT", base -> base.put("need_push_on_view", true));
        String code = CardSandbox.receive(cardId);
        sandbox.user(code, "view", Map.of()).statusCode(200).body("pushed", is(true));
        assertTrue(has(sandbox.pushed("user_view_card"), "CardId", cardId));
        sandbox.user(code, "delete", Map.of()).statusCode(200);
        String xml = sandbox.pushed("user_del_card");
        assertTrue(has(xml, "UserCardCode", code), xml);
        sandbox.user(code, "delete", Map.of()).statusCode(409);
        sandbox.user("000000000000", "delete", Map.of()).statusCode(404);
        String quiet = CardSandbox.receive(sandbox.approvedCard("GIFT"));
        sandbox.user(quiet, "view", Map.of()).statusCode(200).body("pushed", is(false));
    }

    @Test
    void shouldRemindOnceWhenStockRunsLow() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT", base -> base.put("sku", Map.of("quantity", 300)));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "reduce_stock_value", 199)).body("errcode", is(0));
        CardSandbox.receive(cardId);
        String xml = sandbox.pushed("card_sku_remind");
        assertTrue(has(xml, "CardId", cardId), xml);
        CardSandbox.receive(cardId);
        assertEquals(1, sandbox.pushes().stream().filter(body -> body.contains("card_sku_remind")).count());
    }

    @Test
    void shouldApproveOrRefuseOnTheAdminApi() {
        CardSandbox sandbox = CardSandbox.create();
        String passed = sandbox.createCard("GIFT");
        CardSandbox.review(passed, Map.of("pass", true)).statusCode(200).body("status", is("CARD_STATUS_VERIFY_OK"));
        assertTrue(has(sandbox.pushed("card_pass_check"), "CardId", passed));
        String refused = sandbox.createCard("GIFT");
        CardSandbox.review(refused, Map.of("pass", false, "reason", "非法代制")).statusCode(200)
                .body("status", is("CARD_STATUS_VERIFY_FAIL"));
        String xml = sandbox.pushed("card_not_pass_check");
        assertTrue(has(xml, "CardId", refused) && has(xml, "RefuseReason", "非法代制"), xml);
        sandbox.post("/card/get", Map.of("card_id", refused))
                .body("card.gift.base_info.status", is("CARD_STATUS_VERIFY_FAIL"));
        CardSandbox.review("pUnknown", Map.of("pass", true)).statusCode(404);
        CardSandbox.review(passed, Map.of()).statusCode(400);
    }

    @Test
    void shouldReviewDueCardsByItself() {
        CardSandbox sandbox = CardSandbox.create();
        given().contentType(ContentType.JSON).body(Map.of("delaySeconds", 0, "pass", false, "reason", "图片不清晰"))
                .put("/sandbox/admin/accounts/" + sandbox.appid + "/card-review").then().statusCode(200);
        String cardId = sandbox.createCard("GIFT");
        Awaitility.await("the review failed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> sandbox.post("/card/get", Map.of("card_id", cardId)).extract().jsonPath()
                        .getString("card.gift.base_info.status"), equalTo("CARD_STATUS_VERIFY_FAIL"));
        Awaitility.await("card_not_pass_check pushed").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertTrue(has(sandbox.pushed("card_not_pass_check"), "RefuseReason", "图片不清晰")));
        assertEquals(1, sandbox.pushes().stream().filter(body -> body.contains("card_not_pass_check")).count());
    }

    @Test
    void shouldWaitForReviewWithTheDefaultDelay() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.createCard("GIFT");
        sandbox.post("/card/get", Map.of("card_id", cardId))
                .body("card.gift.base_info.status", is("CARD_STATUS_NOT_VERIFY"));
        assertFalse(sandbox.pushes().stream().anyMatch(body -> body.contains("card_pass_check")));
    }
}
