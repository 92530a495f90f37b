package io.kaquan.sandbox.distribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.CardSandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** card/qrcode/create, its image, a scan in the sandbox (user_get_card with OuterStr), and the test whitelist. */
@QuarkusTest
class QrCodeApiTest {

    static Map<String, Object> single(String cardId, Map<String, Object> extra) {
        Map<String, Object> card = new HashMap<>(extra);
        card.put("card_id", cardId);
        return Map.of("action_name", "QR_CARD", "action_info", Map.of("card", card));
    }

    static ValidatableResponse scan(String ticket, Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).post("/sandbox/admin/qrcodes/" + ticket + "/scan")
                .then();
    }

    @Test
    void shouldCreateASingleCardCodeWhoseScanCarriesOuterStr() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT");
        var answer = sandbox.post("/card/qrcode/create",
                Map.of("action_name", "QR_CARD", "expire_seconds", 1800,
                        "action_info", Map.of("card", Map.of("card_id", cardId, "outer_str", "7", "outer_id", 12))))
                .body("errcode", is(0)).body("errmsg", is("ok")).body("expire_seconds", is(1800))
                .body("url", containsString("/sandbox/q/")).body("show_qrcode_url", containsString("showqrcode?ticket="))
                .extract().jsonPath();
        String ticket = answer.getString("ticket");
        byte[] png = given().get(answer.getString("show_qrcode_url").replaceFirst("^https?://[^/]+", "")).then()
                .statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(png, 4));

        String code = scan(ticket, Map.of("openid", "oQrScanner1")).statusCode(201)
                .body("received[0].card_id", is(cardId)).body("received[0].openid", is("oQrScanner1")).extract()
                .jsonPath().getString("received[0].code");
        String xml = sandbox.pushed("user_get_card");
        assertTrue(xml.contains("<UserCardCode><![CDATA[" + code + "]]></UserCardCode>"), xml);
        assertTrue(xml.contains("<OuterStr><![CDATA[7]]></OuterStr>"), xml);
        assertTrue(xml.contains("<OuterId>12</OuterId>"), xml);
        sandbox.post("/card/code/get", Map.of("code", code)).body("outer_str", is("7"));
    }

    @Test
    void shouldLastAYearWithoutExpireSeconds() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("CASH");
        sandbox.post("/card/qrcode/create", single(cardId, Map.of())).body("errcode", is(0))
                .body("expire_seconds", is(365 * 86400)).body("ticket", startsWith("gQ"));
    }

    @Test
    void shouldHandOutEachCardOfAMultipleCardCode() {
        CardSandbox sandbox = CardSandbox.create();
        String first = sandbox.approvedCard("GIFT");
        String second = sandbox.approvedCard("CASH");
        String ticket = sandbox.post("/card/qrcode/create", Map.of("action_name", "QR_MULTIPLE_CARD", "action_info",
                Map.of("multiple_card", Map.of("card_list", List.of(Map.of("card_id", first, "outer_str", "3"),
                        Map.of("card_id", second, "outer_str", "3"))))))
                .body("errcode", is(0)).extract().jsonPath().getString("ticket");
        scan(ticket, Map.of("cardId", second)).statusCode(201).body("received.size()", is(1))
                .body("received[0].card_id", is(second));
        scan(ticket, Map.of()).statusCode(201).body("received.size()", is(2));
    }

    @Test
    void shouldHandOutAllCardsOfAMultipleCardCodeOrNone() {
        CardSandbox sandbox = CardSandbox.create();
        String approved = sandbox.approvedCard("GIFT");
        String inReview = sandbox.createCard("CASH"); // received only by whitelisted users
        String ticket = sandbox.post("/card/qrcode/create", Map.of("action_name", "QR_MULTIPLE_CARD", "action_info",
                Map.of("multiple_card", Map.of("card_list", List.of(Map.of("card_id", approved, "outer_str", "4"),
                        Map.of("card_id", inReview, "outer_str", "4"))))))
                .body("errcode", is(0)).extract().jsonPath().getString("ticket");
        int before = quantity(sandbox, approved);
        scan(ticket, Map.of("openid", "oNotATester")).statusCode(409).body("errcode", is(40078));
        assertEquals(before, quantity(sandbox, approved), "the first card's receipt was undone with the second's refusal");
    }

    private static int quantity(CardSandbox sandbox, String cardId) {
        return sandbox.post("/card/get", Map.of("card_id", cardId)).body("errcode", is(0)).extract().jsonPath()
                .getInt("card.gift.base_info.sku.quantity");
    }

    @Test
    void shouldRefuseBadQrCodesInWeChatsWords() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT");
        sandbox.post("/card/qrcode/create", Map.of("action_info", Map.of())).body("errcode", is(40053));
        sandbox.post("/card/qrcode/create", Map.of("action_name", "QR_SCENE", "action_info", Map.of()))
                .body("errcode", is(40053));
        sandbox.post("/card/qrcode/create", Map.of("action_name", "QR_CARD", "action_info", Map.of()))
                .body("errcode", is(40053));
        sandbox.post("/card/qrcode/create", Map.of("action_name", "QR_CARD", "expire_seconds", 30, "action_info",
                Map.of("card", Map.of("card_id", cardId)))).body("errcode", is(40053));
        sandbox.post("/card/qrcode/create", Map.of("action_name", "QR_CARD", "expire_seconds", 1801, "action_info",
                Map.of("card", Map.of("card_id", cardId)))).body("errcode", is(40053));
        List<Map<String, Object>> six = Collections.nCopies(6, Map.of("card_id", cardId));
        sandbox.post("/card/qrcode/create", Map.of("action_name", "QR_MULTIPLE_CARD", "action_info",
                Map.of("multiple_card", Map.of("card_list", six)))).body("errcode", is(40053))
                .body("errmsg", containsString("1 to 5"));
        sandbox.post("/card/qrcode/create", single("pUnknownCard", Map.of())).body("errcode", is(40073));
        String strangers = CardSandbox.create().approvedCard("GIFT");
        sandbox.post("/card/qrcode/create", single(strangers, Map.of())).body("errcode", is(45030));
        String custom = sandbox.approvedCard("GENERAL_COUPON", base -> base.put("use_custom_code", true));
        sandbox.post("/card/qrcode/create", single(custom, Map.of())).body("errcode", is(40053));
        sandbox.post("/card/qrcode/create", single(custom, Map.of("code", "CUSTOM-QR-1"))).body("errcode", is(0));
        String bound = sandbox.approvedCard("GIFT", base -> base.put("bind_openid", true));
        sandbox.post("/card/qrcode/create", single(bound, Map.of())).body("errcode", is(40053));
        String deleted = sandbox.approvedCard("GIFT");
        sandbox.post("/card/delete", Map.of("card_id", deleted)).body("errcode", is(0));
        sandbox.post("/card/qrcode/create", single(deleted, Map.of())).body("errcode", is(40078));
        scan("gQnoSuchTicket", Map.of()).statusCode(404);
    }

    @Test
    void shouldGiveAUniqueCodeOnce() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT");
        String ticket = sandbox.post("/card/qrcode/create", single(cardId, Map.of("is_unique_code", true)))
                .body("errcode", is(0)).extract().jsonPath().getString("ticket");
        scan(ticket, Map.of()).statusCode(201);
        scan(ticket, Map.of()).statusCode(409).body("errcode", is(40079));
    }

    @Test
    void shouldGiveAnUnapprovedCardOnlyToWhitelistedUsers() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.createCard("GIFT");
        String ticket = sandbox.post("/card/qrcode/create", single(cardId, Map.of("outer_str", "1")))
                .body("errcode", is(0)).extract().jsonPath().getString("ticket");
        scan(ticket, Map.of("openid", "oNotATester")).statusCode(409).body("errcode", is(40078));
        sandbox.post("/card/testwhitelist/set", Map.of("openid", List.of("oTester1"), "username", List.of("tester_wx")))
                .body("errcode", is(0));
        scan(ticket, Map.of("openid", "oTester1")).statusCode(201);
        scan(ticket, Map.of("openid", "oNotATester")).statusCode(409);
        // The list is replaced whole: oTester1 is no longer on it.
        sandbox.post("/card/testwhitelist/set", Map.of("openid", List.of("oTester2"))).body("errcode", is(0));
        scan(ticket, Map.of("openid", "oTester1")).statusCode(409);
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "oMany" + i).toList();
        sandbox.post("/card/testwhitelist/set", Map.of("openid", eleven)).body("errcode", is(40035));
        assertEquals(1, sandbox.pushes().stream().filter(xml -> xml.contains("user_get_card")).count());
    }
}
