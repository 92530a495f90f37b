package io.kaquan.sandbox.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.CardSandbox;
import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;

/** The console's card and code pages of a sandbox account: review, receive as a user, act on codes. */
@QuarkusTest
class CardConsoleTest {

    @Test
    void shouldListCardsAndApproveOne() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.createCard("CASH");
        Session alice = Session.login("alice");
        String page = "/sandbox/accounts/" + sandbox.appid + "/cards";
        alice.request().get(page).then().statusCode(200).body(containsString("卡券 · " + sandbox.appid))
                .body(containsString(cardId)).body(containsString("待审核")).body(containsString("代金券"));
        alice.request().formParam("pass", "true").post(page + "/" + cardId + "/review").then().statusCode(303)
                .header("Location", endsWith(page));
        sandbox.post("/card/get", Map.of("card_id", cardId))
                .body("card.cash.base_info.status", is("CARD_STATUS_VERIFY_OK"));
        var refused = alice.request().formParam("pass", "false").formParam("reason", "信息不全")
                .post(page + "/" + cardId + "/review").then().statusCode(303).extract();
        alice.request().cookies(refused.cookies()).get(page).then().statusCode(200)
                .body(containsString("card_not_pass_check")).body(containsString("信息不全"));
    }

    @Test
    void shouldReceiveAndActOnCodesAsAUser() {
        CardSandbox sandbox = CardSandbox.create(Map.of("owner", "bob")); // the console shows bob his own accounts
        String cardId = sandbox.approvedCard("GIFT");
        Session bob = Session.login("bob");
        String page = "/sandbox/accounts/" + sandbox.appid + "/cards";
        bob.request().formParam("openid", "oConsoleUser").post(page + "/" + cardId + "/receive").then()
                .statusCode(303);
        String code = sandbox.post("/card/user/getcardlist", Map.of("openid", "oConsoleUser")).extract().jsonPath()
                .getString("card_list[0].code");
        bob.request().get(page + "/" + cardId + "/codes").then().statusCode(200).body(containsString(code))
                .body(containsString("正常"));
        bob.request().get("/sandbox/accounts/" + sandbox.appid + "/codes").then().statusCode(200)
                .body(containsString(code)).body(containsString("双人套餐券"));
        bob.request().post(page + "/" + cardId + "/codes/" + code + "/consume").then().statusCode(303);
        sandbox.post("/card/code/get", Map.of("code", code, "check_consume", false))
                .body("user_card_status", is("CONSUMED"));
        // A refusal comes back as the page's error message.
        var refused = bob.request().post(page + "/" + cardId + "/codes/" + code + "/gift").then().statusCode(303)
                .extract();
        bob.request().cookies(refused.cookies()).get(page + "/" + cardId + "/codes").then().statusCode(200)
                .body(containsString("40099"));
    }

    @Test
    void shouldNotShowCardsOfUnknownAccountsOrOtherAccounts() {
        Session bob = Session.login("bob");
        bob.request().get("/sandbox/accounts/wxnosuchaccount0000/cards").then().statusCode(404);
        CardSandbox mine = CardSandbox.create(Map.of("owner", "bob"));
        CardSandbox others = CardSandbox.create(Map.of("owner", "carol"));
        String othersCard = others.createCard("GIFT");
        bob.request().get("/sandbox/accounts/" + mine.appid + "/cards/" + othersCard + "/codes").then().statusCode(404);
        bob.request().get("/sandbox/accounts/" + others.appid + "/cards").then().statusCode(404);
        bob.request().get("/sandbox/accounts/" + others.appid + "/codes").then().statusCode(404);
    }
}
