package io.kaquan.code;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Another tenant's codes, card ids, openids and operations in every code route: 404 or "no such code", never data,
 * and nothing changes on either side. WeChat itself answers with the current tenant's token, so it does not know
 * the other account's codes; local reads are scoped by the tenant of the URL.
 */
@QuarkusTest
class CodeIsolationTest {

    static Session alice;
    static Session bob;
    static CodeFixtures a;
    static CodeFixtures b;
    static String card;
    static String customCard;
    static String code;
    static String customCode;
    static String openid;
    static String seenOnlyByA;
    static long operationOfA;

    @BeforeEach
    void setUp() {
        if (a != null) {
            return;
        }
        alice = Session.login("codes-iso-alice");
        bob = Session.login("codes-iso-bob");
        a = CodeFixtures.tenant(alice, "爱丽丝的门店");
        b = CodeFixtures.tenant(bob, "鲍勃的门店");
        card = a.card(false);
        customCard = a.card(true);
        openid = "o_alice_guest_" + TestTenants.hex(6);
        JsonPath received = CodeFixtures.receive(card, openid);
        code = received.getString("code");
        customCode = CodeFixtures.receive(customCard, openid).getString("code");
        seenOnlyByA = CodeFixtures.receive(card);
        alice.request().get("/t/" + a.tenant + "/codes/lookup?code=" + seenOnlyByA).then().statusCode(200);
        String invalidated = CodeFixtures.receive(card);
        alice.request().formParam("code", invalidated).formParam("cardId", card).formParam("reason", "退款")
                .post("/t/" + a.tenant + "/codes/invalidate").then().statusCode(303);
        operationOfA = a.operations().get(0).id;
    }

    @Test
    void shouldNotFindAnotherTenantsCodesThroughOwnTenant() {
        String own = "/t/" + b.tenant + "/codes";
        long lookupsOfA = a.lookups().size();
        for (String query : List.of("?code=" + code, "?code=" + code + "&cardId=" + card,
                "?code=" + customCode + "&cardId=" + customCard, "?code=" + code + "&checkConsume=false")) {
            bob.request().get(own + "/lookup" + query).then().statusCode(404)
                    .body(containsString("找不到这个卡券码")).body(not(containsString(openid)))
                    .body(not(containsString("id=\"code-result\"")));
        }
        Response prefilled = bob.request().get(own + "?cardId=" + card + "&code=" + code);
        prefilled.then().statusCode(303);
        bob.request().get(prefilled.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(404);

        bob.request().get(own + "/invalidate?code=" + code + "&cardId=" + card + "&reason=x").then().statusCode(404);
        bob.request().formParam("code", code).formParam("cardId", card).formParam("reason", "x")
                .post(own + "/invalidate").then().statusCode(404);
        bob.request().get(own + "/change?code=" + customCode + "&cardId=" + customCard).then().statusCode(404);
        bob.request().formParam("code", customCode).formParam("cardId", customCard).formParam("newCode", "MINE1")
                .formParam("reason", "x").post(own + "/change").then().statusCode(404);
        bob.request().post(own + "/operations/" + operationOfA + "/check").then().statusCode(404);

        // the counter: the other account's codes are unknown to WeChat here, and its operations are not shown
        String counter = "/t/" + b.tenant + "/counter";
        bob.request().get(counter + "?code=" + code).then().statusCode(404).body(containsString("找不到这个卡券码"))
                .body(not(containsString(openid))).body(not(containsString("id=\"redeem\"")));
        bob.request().get(counter + "?code=" + customCode + "&cardId=" + customCard).then().statusCode(404)
                .body(not(containsString("id=\"redeem\"")));
        bob.request().get(counter + "?redeemed=" + operationOfA).then().statusCode(200)
                .body(not(containsString("id=\"counter-not-redeemed\""))).body(not(containsString("id=\"counter-success\"")));
        for (String[] redeem : List.of(new String[] { code, "" }, new String[] { code, card },
                new String[] { customCode, customCard })) {
            Response refused = bob.request().formParam("code", redeem[0]).formParam("cardId", redeem[1])
                    .post(counter + "/redeem");
            refused.then().statusCode(303);
            CodePagesTest.follow(bob, refused).then().body(containsString("找不到这个卡券码"))
                    .body(not(containsString(openid)));
        }

        bob.request().get(own + "/users?openid=" + openid).then().statusCode(200)
                .body(containsString("id=\"users-empty\"")).body(not(containsString(code)));
        bob.request().get(own + "/users?openid=" + openid + "&cardId=" + card).then().statusCode(200)
                .body(containsString("id=\"users-empty\"")).body(not(containsString(code)));
        bob.request().get(own).then().statusCode(200).body(not(containsString(seenOnlyByA)))
                .body(not(containsString("退款")));
        // the card page's fragment with the other tenant's card id: that card has no codes here
        bob.request().get(own + "/fragment?card=" + card).then().statusCode(200)
                .body(containsString("已知的卡券码 (0)")).body(not(containsString(seenOnlyByA)))
                .body(not(containsString(openid)));

        assertUnchanged(lookupsOfA);
        assertEquals(0, b.codeRows());
        assertEquals(0, b.operations().size());
        assertTrue(b.lookups().stream().allMatch(l -> l.outcome.equals("ERR_40056")));
    }

    @Test
    void shouldHideAnotherTenantsCodePagesFromANonMember() {
        String theirs = "/t/" + a.tenant + "/codes";
        long lookupsOfA = a.lookups().size();
        for (String get : List.of("", "/lookup?code=" + code, "/users?openid=" + openid,
                "/invalidate?code=" + code + "&cardId=" + card + "&reason=x",
                "/change?code=" + customCode + "&cardId=" + customCard, "/fragment?card=" + card)) {
            bob.request().get(theirs + get).then().statusCode(404).body(not(containsString(openid)))
                    .body(not(containsString(seenOnlyByA)));
        }
        bob.request().formParam("code", code).formParam("cardId", card).formParam("reason", "x")
                .post(theirs + "/invalidate").then().statusCode(404);
        bob.request().formParam("code", customCode).formParam("cardId", customCard).formParam("newCode", "MINE2")
                .formParam("reason", "x").post(theirs + "/change").then().statusCode(404);
        bob.request().post(theirs + "/operations/" + operationOfA + "/check").then().statusCode(404);
        String counter = "/t/" + a.tenant + "/counter";
        for (String get : List.of("", "?code=" + code, "?code=" + customCode + "&cardId=" + customCard,
                "?redeemed=" + operationOfA)) {
            bob.request().get(counter + get).then().statusCode(404).body(not(containsString(openid)))
                    .body(not(containsString(code)));
        }
        bob.request().formParam("code", code).formParam("cardId", card).post(counter + "/redeem").then()
                .statusCode(404);
        bob.request().formParam("code", customCode).formParam("cardId", customCard).post(counter + "/redeem").then()
                .statusCode(404);
        assertUnchanged(lookupsOfA);
    }

    private static void assertUnchanged(long lookupsOfA) {
        assertEquals(UserCardStatus.NORMAL, a.wechatStatus(card, code));
        assertEquals(UserCardStatus.NORMAL, a.wechatStatus(customCard, customCode));
        assertEquals(lookupsOfA, a.lookups().size());
        assertEquals(1, a.operations().size());
    }
}
