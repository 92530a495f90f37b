package io.kaquan.sandbox.distribution;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.CardSandbox;
import io.quarkus.test.junit.QuarkusTest;

/** card/code/deposit, getdepositcount and checkcode; a deposit-mode card hands out its imported codes. */
@QuarkusTest
class DepositApiTest {

    static String depositCard(CardSandbox sandbox) {
        return sandbox.approvedCard("GENERAL_COUPON", base -> {
            base.put("use_custom_code", true);
            base.put("get_custom_code_mode", "GET_CUSTOM_CODE_MODE_DEPOSIT");
        });
    }

    @Test
    void shouldDepositCountCheckAndHandOutCodes() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = depositCard(sandbox);
        sandbox.post("/card/code/deposit", Map.of("card_id", cardId, "code", List.of("DEP-001", "DEP-002", "DEP-001",
                "THIS-CODE-IS-FAR-TOO-LONG"))).body("errcode", is(0)).body("succ_code", contains("DEP-001", "DEP-002"))
                .body("duplicate_code", empty()).body("fail_code", contains("THIS-CODE-IS-FAR-TOO-LONG"));
        sandbox.post("/card/code/deposit", Map.of("card_id", cardId, "code", List.of("DEP-002", "DEP-003")))
                .body("succ_code", contains("DEP-003")).body("duplicate_code", contains("DEP-002"));
        sandbox.post("/card/code/getdepositcount", Map.of("card_id", cardId)).body("errcode", is(0)).body("count", is(3));
        // A code is unique within the account: the same code for another card is a duplicate, not a second copy.
        String otherCard = depositCard(sandbox);
        sandbox.post("/card/code/deposit", Map.of("card_id", otherCard, "code", List.of("DEP-003", "DEP-004")))
                .body("succ_code", contains("DEP-004")).body("duplicate_code", contains("DEP-003"));
        sandbox.post("/card/code/checkcode", Map.of("card_id", cardId, "code", List.of("DEP-001", "NOPE")))
                .body("exist_code", contains("DEP-001")).body("not_exist_code", contains("NOPE"));

        String ticket = sandbox.post("/card/qrcode/create", QrCodeApiTest.single(cardId, Map.of("outer_str", "4")))
                .body("errcode", is(0)).extract().jsonPath().getString("ticket");
        List<String> handedOut = List.of(
                QrCodeApiTest.scan(ticket, Map.of()).statusCode(201).extract().jsonPath().getString("received[0].code"),
                QrCodeApiTest.scan(ticket, Map.of()).statusCode(201).extract().jsonPath().getString("received[0].code"),
                QrCodeApiTest.scan(ticket, Map.of()).statusCode(201).extract().jsonPath().getString("received[0].code"));
        org.hamcrest.MatcherAssert.assertThat(handedOut, containsInAnyOrder("DEP-001", "DEP-002", "DEP-003"));
        sandbox.post("/card/code/getdepositcount", Map.of("card_id", cardId)).body("count", is(0));
        QrCodeApiTest.scan(ticket, Map.of()).statusCode(409).body("errcode", is(45031));
    }

    @Test
    void shouldRefuseWhatWeChatRefuses() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = depositCard(sandbox);
        sandbox.post("/card/code/deposit", Map.of("card_id", cardId, "code", Collections.nCopies(101, "X")))
                .body("errcode", is(40035));
        sandbox.post("/card/code/deposit", Map.of("card_id", cardId, "code", List.of())).body("errcode", is(41011));
        sandbox.post("/card/code/deposit", Map.of("card_id", cardId)).body("errcode", is(41011));
        sandbox.post("/card/code/deposit", Map.of("code", List.of("A"))).body("errcode", is(41012));
        String plain = sandbox.approvedCard("GIFT");
        sandbox.post("/card/code/deposit", Map.of("card_id", plain, "code", List.of("A"))).body("errcode", is(40035));
        String strangers = depositCard(CardSandbox.create());
        sandbox.post("/card/code/deposit", Map.of("card_id", strangers, "code", List.of("A"))).body("errcode", is(45030));
        sandbox.post("/card/code/checkcode", Map.of("card_id", cardId, "code", Collections.nCopies(101, "X")))
                .body("errcode", is(40035));
    }

    @Test
    void shouldRefuseStockAboveTheCodesNotYetReceived() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = depositCard(sandbox); // made with a stock of 1000 and no codes
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "increase_stock_value", 1)).body("errcode", is(40122));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "reduce_stock_value", 1000)).body("errcode", is(0));
        sandbox.post("/card/code/deposit", Map.of("card_id", cardId, "code", List.of("ST-1", "ST-2", "ST-3")))
                .body("errcode", is(0));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "increase_stock_value", 4)).body("errcode", is(40122));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "increase_stock_value", 3)).body("errcode", is(0));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "increase_stock_value", 1)).body("errcode", is(40122));
        sandbox.post("/card/get", Map.of("card_id", cardId))
                .body("card.general_coupon.base_info.sku.quantity", is(3));

        // A code received leaves the pool and the stock alike: still no room to grow, lowering is always allowed.
        String ticket = sandbox.post("/card/qrcode/create", QrCodeApiTest.single(cardId, Map.of()))
                .extract().jsonPath().getString("ticket");
        QrCodeApiTest.scan(ticket, Map.of()).statusCode(201);
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "increase_stock_value", 1)).body("errcode", is(40122));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "reduce_stock_value", 2)).body("errcode", is(0));

        // Other cards are not concerned.
        String plain = sandbox.approvedCard("GIFT");
        sandbox.post("/card/modifystock", Map.of("card_id", plain, "increase_stock_value", 5)).body("errcode", is(0));
    }
}
