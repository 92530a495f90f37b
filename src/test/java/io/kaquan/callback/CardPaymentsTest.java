package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.eventXml;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 14: a card's pay-cell payments (TransId, Fee, OriginalFee) listed with exact totals, for its tenant only. */
@QuarkusTest
class CardPaymentsTest {

    @Test
    void cardPageListsPayCellPaymentsWithExactTotalsForItsTenantOnly() {
        Session owner = Session.login("payments-owner");
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        String cardId = "pPay" + CallbackFixtures.hex(24);
        String user = "oUser" + CallbackFixtures.hex(20);
        long t = Instant.now().getEpochSecond();
        pay(account, user, t, cardId, "300000000001", "4200000000000000000001", "900", "1000");
        pay(account, user, t + 1, cardId, "300000000002", "4200000000000000000002", "1999", "2500");
        pay(account, user, t + 2, cardId, "300000000003", "4200000000000000000003", "1", "100");
        String fragment = "/t/" + account.tenantId() + "/payments/fragment?card=" + cardId;

        Awaitility.await("three payments applied").atMost(Duration.ofSeconds(30)).until(
                () -> owner.request().get(fragment).then().statusCode(200).extract().asString()
                        .contains("<dd id=\"payments-count\">3</dd>"));
        String html = owner.request().get(fragment).then().statusCode(200).extract().asString();
        // 9.00 + 19.99 + 0.01 paid of 10.00 + 25.00 + 1.00: exact, no 28.999999.
        assertTrue(html.contains("<dd id=\"payments-paid\">29.00 元</dd>"), html);
        assertTrue(html.contains("<dd id=\"payments-original\">36.00 元</dd>"), html);
        assertTrue(html.contains("<dd id=\"payments-saved\">7.00 元</dd>"), html);
        assertTrue(html.contains("4200000000000000000002") && html.contains("19.99 元") && html.contains("5.01 元"),
                html);
        assertTrue(html.indexOf("300000000003") < html.indexOf("300000000001"), "newest first");

        // Another account with a card of the same id sees none of them; a stranger to the account gets 404.
        Session other = Session.login("payments-other");
        CallbackFixtures.Account otherAccount = CallbackFixtures.account(other, "PLAIN");
        String elsewhere = other.request().get("/t/" + otherAccount.tenantId() + "/payments/fragment?card=" + cardId)
                .then().statusCode(200).extract().asString();
        assertTrue(elsewhere.contains("id=\"payments-empty\""), elsewhere);
        other.request().get(fragment).then().statusCode(404);
        owner.request().get("/t/" + account.tenantId() + "/payments/fragment").then().statusCode(400);
    }

    private static void pay(CallbackFixtures.Account account, String user, long at, String cardId, String code,
            String transId, String fee, String originalFee) {
        CallbackFixtures.pushXml(account, eventXml(account, user, at, "user_pay_from_pay_cell", "CardId", cardId,
                "UserCardCode", code, "TransId", transId, "LocationId", "0", "Fee", fee, "OriginalFee",
                originalFee));
    }
}
