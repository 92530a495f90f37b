package io.kaquan.sandbox.distribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.CardSandbox;
import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** card/landingpage/create with WeChat's rules, a user receiving from the page, and card/mpnews/gethtml. */
@QuarkusTest
class LandingPageApiTest {

    static Map<String, Object> page(String banner, List<Map<String, Object>> cards, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("banner", banner, "page_title", "春季优惠", "can_share", true,
                "scene", "SCENE_MENU", "card_list", cards));
        body.putAll(changes);
        return body;
    }

    static Map<String, Object> card(String cardId, String thumb) {
        return Map.of("card_id", cardId, "thumb_url", thumb);
    }

    static ValidatableResponse receive(String token, String cardId, String openid) {
        Map<String, Object> body = new HashMap<>(Map.of("cardId", cardId));
        if (openid != null) {
            body.put("openid", openid);
        }
        return given().contentType(ContentType.JSON).body(body)
                .post("/sandbox/admin/landing-pages/" + token + "/receive").then();
    }

    static String token(String url) {
        return url.substring(url.indexOf("/sandbox/l/") + "/sandbox/l/".length());
    }

    @Test
    void shouldMakeAPageWhoseCardsUsersReceive() {
        CardSandbox sandbox = CardSandbox.create();
        String banner = sandbox.uploadLogo();
        String first = sandbox.approvedCard("GIFT");
        String second = sandbox.approvedCard("CASH");
        var answer = sandbox.post("/card/landingpage/create",
                page(banner, List.of(card(first, banner), card(second, banner)), Map.of()))
                .body("errcode", is(0)).body("errmsg", is("ok")).body("url", containsString("/sandbox/l/"))
                .body("page_id", is(1)).extract().jsonPath();
        sandbox.post("/card/landingpage/create", page(banner, List.of(card(first, banner)), Map.of()))
                .body("page_id", is(2));
        String url = answer.getString("url");
        // Opened in a browser (a signed-in person), the page's url leads to the page in the console.
        Session.login("landing-sandbox").request().redirects().follow(false)
                .get(url.replaceFirst("^https?://[^/]+", "")).then().statusCode(303)
                .header("Location", containsString("/sandbox/accounts/" + sandbox.appid + "/landing-pages#page-1"));
        Session.login("alice").request().get("/sandbox/accounts/" + sandbox.appid + "/landing-pages").then()
                .statusCode(200).body(containsString("id=\"page-1\"")).body(containsString("class=\"intro\""));

        String code = receive(token(url), second, "oShelfUser").statusCode(201).body("card_id", is(second))
                .body("openid", is("oShelfUser")).extract().jsonPath().getString("code");
        String xml = sandbox.pushed("user_get_card");
        assertTrue(xml.contains("<UserCardCode><![CDATA[" + code + "]]></UserCardCode>"), xml);
        // ⚠ A landing page has no outer_str of its own: the push carries an empty one.
        assertTrue(xml.contains("<OuterStr><![CDATA[]]></OuterStr>"), xml);
        assertTrue(xml.contains("<OuterId>0</OuterId>"), xml);
        // A card that is not on the page cannot be received from it.
        receive(token(url), sandbox.approvedCard("GIFT"), null).statusCode(404);
        receive("noSuchPage", first, null).statusCode(404);
    }

    @Test
    void shouldGiveAnUnapprovedCardOnAPageOnlyToWhitelistedUsers() {
        CardSandbox sandbox = CardSandbox.create();
        String banner = sandbox.uploadLogo();
        String cardId = sandbox.createCard("GIFT");
        String url = sandbox.post("/card/landingpage/create", page(banner, List.of(card(cardId, banner)), Map.of()))
                .body("errcode", is(0)).extract().jsonPath().getString("url");
        receive(token(url), cardId, "oNotATester").statusCode(409).body("errcode", is(40078));
        sandbox.post("/card/testwhitelist/set", Map.of("openid", List.of("oShelfTester"))).body("errcode", is(0));
        receive(token(url), cardId, "oShelfTester").statusCode(201);
    }

    @Test
    void shouldRefuseBadPagesInWeChatsWords() {
        CardSandbox sandbox = CardSandbox.create();
        String banner = sandbox.uploadLogo();
        String cardId = sandbox.approvedCard("GIFT");
        List<Map<String, Object>> one = List.of(card(cardId, banner));
        Map<String, Object> noBanner = page(banner, one, Map.of());
        noBanner.remove("banner");
        sandbox.post("/card/landingpage/create", noBanner).body("errcode", is(41011))
                .body("errmsg", containsString("banner"));
        sandbox.post("/card/landingpage/create", page("not a url", one, Map.of())).body("errcode", is(40150));
        Map<String, Object> noTitle = page(banner, one, Map.of());
        noTitle.remove("page_title");
        sandbox.post("/card/landingpage/create", noTitle).body("errcode", is(41011));
        sandbox.post("/card/landingpage/create", page(banner, one, Map.of("page_title", "长".repeat(33))))
                .body("errcode", is(45021));
        Map<String, Object> noShare = page(banner, one, Map.of());
        noShare.remove("can_share");
        sandbox.post("/card/landingpage/create", noShare).body("errcode", is(41011));
        sandbox.post("/card/landingpage/create", page(banner, one, Map.of("scene", "SCENE_MOON")))
                .body("errcode", is(40150)).body("errmsg", containsString("scene"));
        sandbox.post("/card/landingpage/create", page(banner, List.of(), Map.of())).body("errcode", is(41011));
        sandbox.post("/card/landingpage/create", page(banner, List.of(Map.of("card_id", cardId)), Map.of()))
                .body("errcode", is(41011)).body("errmsg", containsString("thumb_url"));
        sandbox.post("/card/landingpage/create", page(banner, List.of(card("pUnknownCard", banner)), Map.of()))
                .body("errcode", is(40073));
        String strangers = CardSandbox.create().approvedCard("GIFT");
        sandbox.post("/card/landingpage/create", page(banner, List.of(card(strangers, banner)), Map.of()))
                .body("errcode", is(45030));
        String custom = sandbox.approvedCard("GENERAL_COUPON", base -> base.put("use_custom_code", true));
        sandbox.post("/card/landingpage/create", page(banner, List.of(card(custom, banner)), Map.of()))
                .body("errcode", is(40150));
        String deleted = sandbox.approvedCard("GIFT");
        sandbox.post("/card/delete", Map.of("card_id", deleted)).body("errcode", is(0));
        sandbox.post("/card/landingpage/create", page(banner, List.of(card(deleted, banner)), Map.of()))
                .body("errcode", is(40078));
        sandbox.postRaw("/card/landingpage/create", "{\"banner\":").body("errcode", is(47001));
        // None of the refused ones made a page: the first page made is number 1.
        sandbox.post("/card/landingpage/create", page(banner, one, Map.of())).body("page_id", is(1));
    }

    @Test
    void shouldGiveAnArticleSnippetForACard() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT");
        sandbox.post("/card/mpnews/gethtml", Map.of("card_id", cardId)).body("errcode", is(0))
                .body("content", containsString("<iframe")).body("content", containsString(cardId));
        sandbox.post("/card/mpnews/gethtml", Map.of()).body("errcode", is(41012));
        sandbox.post("/card/mpnews/gethtml", Map.of("card_id", "pUnknownCard")).body("errcode", is(40073));
        String custom = sandbox.approvedCard("GENERAL_COUPON", base -> base.put("use_custom_code", true));
        sandbox.post("/card/mpnews/gethtml", Map.of("card_id", custom)).body("errcode", is(40150));
    }
}
