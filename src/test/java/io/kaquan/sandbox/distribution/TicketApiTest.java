package io.kaquan.sandbox.distribution;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.CardSandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** cgi-bin/ticket/getticket?type=wx_card and wx.addCard's signed cardExt, as WeChat checks them. */
@QuarkusTest
class TicketApiTest {

    static ValidatableResponse getTicket(String token, String type) {
        var request = given();
        if (token != null) {
            request = request.queryParam("access_token", token);
        }
        if (type != null) {
            request = request.queryParam("type", type);
        }
        return request.get("/sandbox/wechat/cgi-bin/ticket/getticket").then().statusCode(200);
    }

    static ValidatableResponse addCard(String cardId, String cardExt) {
        return given().contentType(ContentType.JSON).body(Map.of("cardExt", cardExt))
                .post("/sandbox/admin/cards/" + cardId + "/add-card").then();
    }

    @Test
    void shouldIssueWxCardTicketsAndRefuseBadTokensAndTypes() {
        CardSandbox sandbox = CardSandbox.create();
        String first = getTicket(sandbox.token, "wx_card").body("errcode", is(0)).body("errmsg", is("ok"))
                .body("expires_in", is(7200)).body("ticket", startsWith("sbxcard")).extract().jsonPath()
                .getString("ticket");
        getTicket(sandbox.token, "wx_card").body("ticket", not(is(first)));
        getTicket(sandbox.token, "jsapi").body("errcode", is(40097));
        getTicket(sandbox.token, null).body("errcode", is(40097));
        getTicket(null, "wx_card").body("errcode", is(41001));
        getTicket("NotAToken", "wx_card").body("errcode", is(40014));
        getTicket("a".repeat(40) + "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ", "wx_card").body("errcode", is(40001));
    }

    @Test
    void shouldHandTheCardOnlyForACardExtSignedWithAValidTicket() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("CASH");
        String ticket = getTicket(sandbox.token, "wx_card").extract().jsonPath().getString("ticket");
        long now = System.currentTimeMillis() / 1000;
        String signature = SandboxAddCard.sign(ticket, Long.toString(now), cardId, "", "", "n0nce");
        String ext = "{\"timestamp\":\"" + now + "\",\"nonce_str\":\"n0nce\",\"outer_str\":\"7\",\"signature\":\""
                + signature + "\"}";
        addCard(cardId, ext).statusCode(201).body("card_id", is(cardId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertTrue(sandbox.pushes().stream()
                .anyMatch(xml -> xml.contains("user_get_card")
                        && xml.matches("(?s).*<OuterStr>(<!\\[CDATA\\[)?7(]]>)?</OuterStr>.*")),
                sandbox.pushes().toString()));

        // Another first digit: "0" + the rest was the same signature whenever it began with 0 (a red run).
        String forged = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
        addCard(cardId, ext.replace(signature, forged)).statusCode(409).body("errcode", is(40097));
        addCard(cardId, "{\"timestamp\":\"" + (now - 9000) + "\",\"nonce_str\":\"n0nce\",\"signature\":\""
                + SandboxAddCard.sign(ticket, Long.toString(now - 9000), cardId, "", "", "n0nce") + "\"}")
                .statusCode(409).body("errcode", is(40097));
        addCard(cardId, "not json").statusCode(409).body("errcode", is(40097));
        addCard("pNoSuchCard", ext).statusCode(409).body("errcode", is(40073));
    }
}
