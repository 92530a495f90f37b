package io.kaquan.card.wizard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.kaquan.card.Card;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatStores;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The review loop of issues 5 and 7, end to end and without any sync job: a card made in the wizard is 待审核 on its
 * page; WeChat (the sandbox) approves it and pushes card_pass_check to the shared callback; the processor applies it;
 * the card's page says 通过审核. A second card is refused and its page gives WeChat's reason.
 */
@QuarkusTest
class ReviewLoopTest {

    @Inject
    WeChatGateway gateway;

    @Test
    void aCardMadeInTheWizardShowsTheReviewResultOnItsPageOnceWeChatPushesIt() {
        Session owner = Session.login("review-loop-owner");
        long tenant = registerPushingToOurCallback(owner);
        WizardClient wizard = new WizardClient(owner, tenant);

        String approved = create(wizard, tenant, "GIFT");
        String refused = create(wizard, tenant, "CASH");
        owner.request().get("/t/" + tenant + "/cards/" + approved).then().statusCode(200)
                .body(containsString("待审核"), not(containsString("通过审核")));

        Instant reviewed = Instant.now();
        TestCards.review(approved, true, null);
        TestCards.review(refused, false, "图片不清晰");
        await(tenant, approved, CardStatus.VERIFY_OK);
        await(tenant, refused, CardStatus.VERIFY_FAIL);
        // Learned from the pushes alone: the mirror was not re-read from card/get since the review (opening a
        // never-read card's page reads card/get once: the approved card's page was opened while it was pending)
        Card approvedCard = TestCards.stored(tenant, approved);
        assertEquals(Card.Origin.KAQUAN, approvedCard.origin);
        assertTrue(approvedCard.refreshedAt.isBefore(reviewed), "not read with card/get since the review");
        assertNull(TestCards.stored(tenant, refused).refreshedAt, "never read with card/get");

        owner.request().get("/t/" + tenant + "/cards/" + approved).then().statusCode(200)
                .body(containsString("通过审核"));
        owner.request().get("/t/" + tenant + "/cards/" + refused).then().statusCode(200)
                .body(containsString("审核失败"), containsString("图片不清晰"));
        owner.request().get("/t/" + tenant + "/cards").then().statusCode(200)
                .body(containsString("通过审核"), containsString("审核失败"));
    }

    /** A tenant whose WeChat account (the sandbox) pushes to our shared callback in safe mode. */
    private static long registerPushingToOurCallback(Session owner) {
        Map<String, String> form = TestTenants.validForm("审核回路");
        form.put("callbackToken", TestTenants.hex(32));
        form.put("aesKey", TestTenants.hex(43));
        long tenant = TestTenants.register(owner, form);
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("callbackUrl", ConfigProvider.getConfig().getValue("test.url", String.class)
                + "/wechat/callback?t=" + form.get("originalId"));
        account.put("callbackToken", form.get("callbackToken"));
        account.put("encodingAesKey", form.get("aesKey"));
        account.put("messageMode", "SAFE");
        given().contentType(ContentType.JSON).body(account).put("/sandbox/admin/accounts/" + form.get("appid")).then()
                .statusCode(200);
        return tenant;
    }

    private String create(WizardClient wizard, long tenant, String type) {
        List<String> stores = new ArrayList<>();
        for (WeChatStores.Business b : gateway.forTenant(tenant).poiList(0, 50).businessList()) {
            if (b.baseInfo().approved()) {
                stores.add(b.baseInfo().poiId());
            }
        }
        long draft = wizard.start(type);
        wizard.walk(draft, type, WizardFlowTest.fullSet(type, stores), WizardFlowTest.pictures());
        String location = wizard.submit(draft, wizard.review(draft).digest()).then().statusCode(303).extract()
                .header("Location");
        assertTrue(location.matches(".*/t/" + tenant + "/cards/p[A-Za-z0-9_-]{27}$"), location);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void await(long tenant, String cardId, CardStatus status) {
        Awaitility.await(cardId + " " + status).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> TestCards.stored(tenant, cardId).status == status);
    }
}
