package io.kaquan.sandbox.codes;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.CardSandbox;
import io.quarkus.test.junit.QuarkusTest;

/** The code APIs and the code state machine: code/get, consume, unavailable, update, decrypt, getcardlist. */
@QuarkusTest
class CodeApiTest {

    @Test
    void shouldAnswerANormalCode() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT");
        var received = CardSandbox.receive(cardId, Map.of("openid", "oCodeUser1", "outerStr", "12b")).statusCode(201)
                .extract().jsonPath();
        String code = received.getString("code");
        assertTrue(code.matches("[1-9][0-9]{11}"), code);
        sandbox.post("/card/code/get", Map.of("code", code, "card_id", cardId, "check_consume", true))
                .body("errcode", is(0)).body("card.card_id", is(cardId)).body("openid", is("oCodeUser1"))
                .body("can_consume", is(true)).body("user_card_status", is("NORMAL")).body("outer_str", is("12b"));
    }

    @Test
    void shouldDistinguishCheckConsumeBehaviours() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT");
        String consumed = CardSandbox.receive(cardId);
        sandbox.post("/card/code/consume", Map.of("code", consumed)).body("errcode", is(0))
                .body("card.card_id", is(cardId));
        sandbox.post("/card/code/get", Map.of("code", consumed, "check_consume", true)).body("errcode", is(40099))
                .body("errmsg", containsString("invalid code, this code has consumed."));
        sandbox.post("/card/code/get", Map.of("code", consumed, "check_consume", false)).body("errcode", is(0))
                .body("can_consume", is(false)).body("user_card_status", is("CONSUMED"));

        String deleted = CardSandbox.receive(cardId);
        sandbox.user(deleted, "delete", Map.of()).statusCode(200);
        sandbox.post("/card/code/get", Map.of("code", deleted)).body("errcode", is(40127));
        sandbox.post("/card/code/get", Map.of("code", deleted, "check_consume", false))
                .body("user_card_status", is("DELETE")).body("can_consume", is(false));

        sandbox.post("/card/code/get", Map.of("code", "999999999999")).body("errcode", is(40056));
        sandbox.post("/card/code/get", Map.of("code", "999999999999", "check_consume", false)).body("errcode", is(40056));
    }

    @Test
    void shouldConsumeOnlyOnce() {
        CardSandbox sandbox = CardSandbox.create();
        String code = CardSandbox.receive(sandbox.approvedCard("CASH"));
        sandbox.post("/card/code/consume", Map.of("code", code)).body("errcode", is(0));
        sandbox.post("/card/code/consume", Map.of("code", code)).body("errcode", is(40099));
        sandbox.post("/card/code/consume", Map.of("code", "123")).body("errcode", is(40056));
        String xml = sandbox.pushed("user_consume_card");
        assertTrue(xml.contains("<UserCardCode><![CDATA[" + code + "]]></UserCardCode>"), xml);
        assertTrue(xml.contains("<ConsumeSource><![CDATA[FROM_API]]></ConsumeSource>"), xml);
    }

    @Test
    void shouldMakeCodesUnavailableIrreversibly() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT");
        String code = CardSandbox.receive(cardId);
        sandbox.post("/card/code/unavailable", Map.of("code", code, "reason", "退款")).body("errcode", is(0));
        sandbox.post("/card/code/get", Map.of("code", code, "check_consume", false))
                .body("user_card_status", is("UNAVAILABLE"));
        sandbox.post("/card/code/get", Map.of("code", code)).body("errcode", is(40127));
        sandbox.post("/card/code/unavailable", Map.of("code", code)).body("errcode", is(40127));
        sandbox.post("/card/code/consume", Map.of("code", code)).body("errcode", is(40127));
        String consumed = CardSandbox.receive(cardId);
        sandbox.post("/card/code/consume", Map.of("code", consumed)).body("errcode", is(0));
        sandbox.post("/card/code/unavailable", Map.of("code", consumed)).body("errcode", is(40099));
    }

    @Test
    void shouldChangeCustomCodes() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GENERAL_COUPON", base -> base.put("use_custom_code", true));
        String code = CardSandbox.receive(cardId, Map.of("code", "CUSTOM-0001")).statusCode(201).extract().jsonPath()
                .getString("code");
        // A custom code needs its card_id.
        sandbox.post("/card/code/get", Map.of("code", code)).body("errcode", is(40056));
        sandbox.post("/card/code/update", Map.of("code", code, "new_code", "CUSTOM-0002")).body("errcode", is(41012));
        sandbox.post("/card/code/update", Map.of("code", code, "card_id", cardId, "new_code", "CUSTOM-0002"))
                .body("errcode", is(0));
        sandbox.post("/card/code/get", Map.of("code", "CUSTOM-0002", "card_id", cardId)).body("errcode", is(0));
        sandbox.post("/card/code/get", Map.of("code", code, "card_id", cardId)).body("errcode", is(40056));
        String other = CardSandbox.receive(cardId, Map.of("code", "CUSTOM-0003")).statusCode(201).extract().jsonPath()
                .getString("code");
        sandbox.post("/card/code/update", Map.of("code", other, "card_id", cardId, "new_code", "CUSTOM-0002"))
                .body("errcode", is(40116));

        String plainCard = sandbox.approvedCard("GIFT");
        String plain = CardSandbox.receive(plainCard);
        sandbox.post("/card/code/update", Map.of("code", plain, "card_id", plainCard, "new_code", "X1"))
                .body("errcode", is(43009));
        CardSandbox noCustom = CardSandbox.create(Map.of("customCodeEnabled", false));
        noCustom.post("/card/code/update", Map.of("code", "1", "card_id", "p1", "new_code", "2")).body("errcode", is(43009));
    }

    @Test
    void shouldDecryptEncryptCodes() {
        CardSandbox sandbox = CardSandbox.create();
        var received = CardSandbox.receive(sandbox.approvedCard("GIFT"), Map.of()).statusCode(201).extract().jsonPath();
        String encrypted = received.getString("encrypt_code");
        assertTrue(encrypted.length() == 44, encrypted);
        sandbox.post("/card/code/decrypt", Map.of("encrypt_code", encrypted)).body("errcode", is(0))
                .body("code", is(received.getString("code")));
        sandbox.post("/card/code/decrypt", Map.of("encrypt_code", "bm90LWEtY29kZQ==")).body("errcode", is(40056));
        sandbox.post("/card/code/decrypt", Map.of()).body("errcode", is(41011));
    }

    @Test
    void shouldListTheCardsInAUsersWallet() {
        CardSandbox sandbox = CardSandbox.create();
        String gift = sandbox.approvedCard("GIFT");
        String cash = sandbox.approvedCard("CASH");
        String first = CardSandbox.receive(gift, Map.of("openid", "oWalletUser")).statusCode(201).extract().jsonPath()
                .getString("code");
        String second = CardSandbox.receive(cash, Map.of("openid", "oWalletUser")).statusCode(201).extract().jsonPath()
                .getString("code");
        String used = CardSandbox.receive(cash, Map.of("openid", "oWalletUser")).statusCode(201).extract().jsonPath()
                .getString("code");
        sandbox.post("/card/code/consume", Map.of("code", used)).body("errcode", is(0));
        sandbox.post("/card/user/getcardlist", Map.of("openid", "oWalletUser")).body("errcode", is(0))
                .body("card_list", hasSize(2)).body("card_list.code", is(List.of(first, second)))
                .body("has_share_card", is(false));
        sandbox.post("/card/user/getcardlist", Map.of("openid", "oWalletUser", "card_id", cash))
                .body("card_list.card_id", is(List.of(cash)));
        sandbox.post("/card/user/getcardlist", Map.of()).body("errcode", is(41009));
    }

    @Test
    void shouldKeepCodesOfOtherAccountsApart() {
        CardSandbox mine = CardSandbox.create();
        String code = CardSandbox.receive(CardSandbox.create().approvedCard("GIFT"));
        mine.post("/card/code/get", Map.of("code", code)).body("errcode", is(40056));
        mine.post("/card/code/consume", Map.of("code", code)).body("errcode", is(40056));
    }
}
