package io.kaquan.card.wizard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.card.Card;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatConfig;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * card/create is not repeatable: a submit whose answer never came is reconciled against WeChat on resubmit, never sent
 * a second time while the first may still take effect.
 */
@QuarkusTest
class WizardResubmitTest {

    @Inject
    WeChatGateway gateway;

    @Inject
    WeChatConfig wechatConfig;

    @Inject
    WizardConfig config;

    @Test
    void aCreateThatTimesOutIsFoundOnResubmitAndNotMadeTwice() throws Exception {
        Session owner = Session.login("wizard-timeout");
        Map<String, String> form = TestTenants.validForm("超时重提");
        long tenantId = TestTenants.register(owner, form);
        WizardClient wizard = new WizardClient(owner, tenantId);
        long draft = wizard.start("CASH");
        wizard.walk(draft, "CASH", WizardFlowTest.fullSet("CASH", List.of()), WizardFlowTest.pictures());
        WizardClient.Review review = wizard.review(draft);

        // WeChat (the sandbox) answers later than the gateway waits, but still makes the card: 10 s after the
        // gateway gave up, long after the resubmit below.
        long latency = wechatConfig.readTimeout().toMillis() + 5_000;
        faults(form.get("appid"), Map.of("latencyMs", latency));
        Response first;
        try {
            first = wizard.submit(draft, review.digest());
        } finally {
            faults(form.get("appid"), Map.of("latencyMs", 0));
        }
        first.then().statusCode(303).header("Location", endsWith("/" + draft + "/review"));
        assertThatPage(wizard.page(draft, "review"), "无法确认卡券是否已创建");
        CardDraft pending = WizardClient.stored(tenantId, draft);
        assertEquals(CardDraft.State.SUBMITTING, pending.state, "the intent stays until it is reconciled");
        assertEquals(review.body(), WizardClient.JSON.readTree(pending.sentJson), "the intent is the exact body shown");

        // A resubmit at once, while WeChat is still making the card: nothing is sent again, the intent stays.
        wizard.submit(draft, review.digest()).then().statusCode(303).header("Location", endsWith("/" + draft
                + "/review"));
        assertThatPage(wizard.page(draft, "review"), "请稍等片刻");
        CardDraft waiting = WizardClient.stored(tenantId, draft);
        assertEquals(CardDraft.State.SUBMITTING, waiting.state);
        assertEquals(pending.sentJson, waiting.sentJson);
        assertEquals(pending.submittedAt, waiting.submittedAt, "not submitted again");
        assertEquals(null, waiting.cardId);
        assertEquals(0, cardsInWeChat(tenantId).size(), "the first create has not taken effect yet");

        // Once WeChat has made the card, the resubmit finds it.
        Awaitility.await("the card made in WeChat").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !cardsInWeChat(tenantId).isEmpty());
        String location = wizard.submit(draft, review.digest()).then().statusCode(303).extract().header("Location");
        List<String> cards = cardsInWeChat(tenantId);
        assertEquals(1, cards.size(), "exactly one card in the WeChat account");
        assertTrue(location.endsWith("/t/" + tenantId + "/cards/" + cards.get(0)), location);
        Card mirrored = TestCards.stored(tenantId, cards.get(0));
        assertNotNull(mirrored);
        assertEquals(review.body(), WizardClient.JSON.readTree(mirrored.sentJson));
        CardDraft done = WizardClient.stored(tenantId, draft);
        assertEquals(CardDraft.State.DONE, done.state);
        assertEquals(cards.get(0), done.cardId);

        long audited = QuarkusTransaction.requiringNew().call(() -> io.kaquan.account.AuditEntry.count(
                "tenantId = ?1 and action = 'card.created' and target = ?2 and details like '%reconciled=true%'",
                tenantId, cards.get(0)));
        assertEquals(1, audited, "the audit says how the card was found");

        // Submitting a done draft again only leads to its card.
        wizard.submit(draft, review.digest()).then().statusCode(303).header("Location", endsWith(cards.get(0)));
        assertEquals(1, cardsInWeChat(tenantId).size());
    }

    @Test
    void aCreateThatNeverReachedWeChatMaySendAgainOnlyAfterTheGracePeriod() {
        Session owner = Session.login("wizard-lost");
        long tenantId = TestTenants.register(owner, "请求丢失");
        WizardClient wizard = new WizardClient(owner, tenantId);
        long draft = wizard.start("GIFT");
        wizard.walk(draft, "GIFT", WizardFlowTest.fullSet("GIFT", List.of()), WizardFlowTest.pictures());
        WizardClient.Review review = wizard.review(draft);
        // As if a card/create had been sent and its answer lost, just now and then long ago.
        intent(tenantId, draft, review, Instant.now());
        wizard.submit(draft, review.digest()).then().statusCode(303).header("Location", endsWith("/review"));
        assertThatPage(wizard.page(draft, "review"), "请稍等片刻");
        assertEquals(0, cardsInWeChat(tenantId).size(), "within the grace period nothing is sent");

        intent(tenantId, draft, review, Instant.now().minusSeconds(600));
        wizard.submit(draft, review.digest()).then().statusCode(303).header("Location", endsWith("/review"));
        assertThatPage(wizard.page(draft, "review"), "上次提交没有在微信中创建卡券");
        assertEquals(CardDraft.State.EDITING, WizardClient.stored(tenantId, draft).state);
        assertEquals(0, cardsInWeChat(tenantId).size());

        String location = wizard.submit(draft, wizard.review(draft).digest()).then().statusCode(303).extract()
                .header("Location");
        assertEquals(1, cardsInWeChat(tenantId).size());
        assertTrue(location.endsWith(cardsInWeChat(tenantId).get(0)));
    }

    @Test
    void aDraftChangedAfterItsReviewIsNotSent() {
        Session owner = Session.login("wizard-twotabs");
        long tenantId = TestTenants.register(owner, "两个标签页");
        WizardClient wizard = new WizardClient(owner, tenantId);
        long draft = wizard.start("GENERAL_COUPON");
        wizard.walk(draft, "GENERAL_COUPON", WizardFlowTest.fullSet("GENERAL_COUPON", List.of()),
                WizardFlowTest.pictures());
        String digest = wizard.review(draft).digest();
        wizard.post(draft, "details", Map.of("default_detail", "改过了", "go", "next"), Map.of());
        wizard.submit(draft, digest).then().statusCode(303).header("Location", endsWith("/review"));
        assertThatPage(wizard.page(draft, "review"), "草稿在预览后被修改过");
        assertEquals(0, cardsInWeChat(tenantId).size());
    }

    @Test
    void aSearchThatCouldNotReadEveryCardNeitherReleasesTheDraftNorSendsAgain() {
        Session owner = Session.login("wizard-many");
        long tenantId = TestTenants.register(owner, "卡券很多");
        WizardClient wizard = new WizardClient(owner, tenantId);
        long draft = wizard.start("GIFT");
        wizard.walk(draft, "GIFT", WizardFlowTest.fullSet("GIFT", List.of()), WizardFlowTest.pictures());
        WizardClient.Review review = wizard.review(draft);
        // More cards Kaquan does not know than one search reads, none of them the draft's.
        int others = config.reconcileReads() + 1;
        ObjectNode other = TestCards.body(tenantId, "GROUPON", card -> {
        });
        for (int i = 0; i < others; i++) {
            gateway.forTenant(tenantId).cardCreate(other);
        }
        // A create whose answer was lost long ago (after the grace period).
        intent(tenantId, draft, review, Instant.now().minusSeconds(600));
        for (int attempt = 0; attempt < 2; attempt++) {
            wizard.submit(draft, review.digest()).then().statusCode(303).header("Location", endsWith("/" + draft
                    + "/review"));
            assertThatPage(wizard.page(draft, "review"), "没能全部查找，仍无法确认上次提交是否已创建卡券");
            assertEquals(CardDraft.State.SUBMITTING, WizardClient.stored(tenantId, draft).state,
                    "an incomplete search does not release the draft");
            assertEquals(others, countInWeChat(tenantId), "nothing sent");
        }
        // Nor can it be edited and sent as a new draft.
        wizard.post(draft, "face", Map.of("title", "换个标题", "go", "next"), Map.of());
        assertEquals(CardDraft.State.SUBMITTING, WizardClient.stored(tenantId, draft).state);
    }

    @Test
    void aDraftWaitingForItsOutcomeCannotBeEdited() {
        Session owner = Session.login("wizard-frozen");
        long tenantId = TestTenants.register(owner, "待确认");
        WizardClient wizard = new WizardClient(owner, tenantId);
        long draft = wizard.start("GENERAL_COUPON");
        wizard.walk(draft, "GENERAL_COUPON", WizardFlowTest.fullSet("GENERAL_COUPON", List.of()),
                WizardFlowTest.pictures());
        WizardClient.Review review = wizard.review(draft);
        intent(tenantId, draft, review, Instant.now());
        String title = WizardClient.stored(tenantId, draft).value("title");
        for (String go : List.of("next", "back")) {
            String location = wizard.post(draft, "face", Map.of("title", "发送后改的标题", "go", go), Map.of());
            assertTrue(location.endsWith("/" + draft + "/review"), location);
            assertThatPage(wizard.page(draft, "review"), "无法确认卡券是否已创建");
            CardDraft stored = WizardClient.stored(tenantId, draft);
            assertEquals(title, stored.value("title"), "the draft stays what was sent");
            assertEquals(CardDraft.State.SUBMITTING, stored.state);
        }
    }

    @Test
    void onlyAReviewedDraftIsSent() {
        Session owner = Session.login("wizard-nodigest");
        long tenantId = TestTenants.register(owner, "没有预览");
        WizardClient wizard = new WizardClient(owner, tenantId);
        long draft = wizard.start("CASH");
        wizard.walk(draft, "CASH", WizardFlowTest.fullSet("CASH", List.of()), WizardFlowTest.pictures());
        for (String digest : new String[] { "", " ", null }) {
            Response response = digest == null
                    ? owner.request().post(wizard.base() + "/" + draft + "/submit")
                    : wizard.submit(draft, digest);
            response.then().statusCode(303).header("Location", endsWith("/" + draft + "/review"));
            String flash = response.getCookie("kaquan-flash");
            String page = owner.request().cookie("kaquan-flash", flash == null ? "" : flash)
                    .get(wizard.base() + "/" + draft + "/review").then().statusCode(200).extract().asString();
            assertThatPage(page, "请先在预览页检查卡券内容");
            assertEquals(CardDraft.State.EDITING, WizardClient.stored(tenantId, draft).state);
            assertEquals(0, cardsInWeChat(tenantId).size());
        }
        wizard.submit(draft, wizard.review(draft).digest()).then().statusCode(303);
        assertEquals(1, cardsInWeChat(tenantId).size());
    }

    private int countInWeChat(long tenantId) {
        return gateway.forTenant(tenantId).cardBatchget(0, 50, List.of()).totalNum();
    }

    private static void intent(long tenantId, long draft, WizardClient.Review review, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> {
            CardDraft d = CardDraft.of(tenantId, draft).orElseThrow();
            d.state = CardDraft.State.SUBMITTING;
            d.sentJson = review.body().toString();
            d.submittedAt = at;
        });
    }

    private List<String> cardsInWeChat(long tenantId) {
        WeChatCards.IdPage page = gateway.forTenant(tenantId).cardBatchget(0, 50, List.of());
        return page.cardIdList();
    }

    private static void faults(String appid, Map<String, Object> faults) {
        given().contentType(ContentType.JSON).body(faults).put("/sandbox/admin/accounts/" + appid + "/faults").then()
                .statusCode(200);
    }

    private static void assertThatPage(String page, String text) {
        org.hamcrest.MatcherAssert.assertThat(page, containsString(text));
    }
}
