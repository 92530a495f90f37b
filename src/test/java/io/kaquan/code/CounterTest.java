package io.kaquan.code;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kaquan.account.AuditEntry;
import io.kaquan.callback.WeChatEvent;
import io.kaquan.testing.SandboxLatency;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.UserCardStatus;
import io.kaquan.wechat.WeChatConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Redeeming at the counter over HTTP against the sandbox: once, audited, told in words when refused, with the card id
 * of a custom code, never sent twice when WeChat's answer was lost, and never by a viewer.
 */
@QuarkusTest
class CounterTest {

    static Session owner;
    static Session operator;
    static Session viewer;
    static CodeFixtures wx;
    static String card;
    static String customCard;

    @Inject
    WeChatConfig wechat;

    @BeforeEach
    void setUp() {
        if (wx != null) {
            return;
        }
        owner = Session.login("counter-owner");
        operator = Session.login("counter-operator");
        viewer = Session.login("counter-viewer");
        wx = CodeFixtures.pushingTenant(owner, "奶茶柜台");
        TestTenants.addMember(owner, wx.tenant, "counter-operator@example.com", "OPERATOR");
        TestTenants.addMember(owner, wx.tenant, "counter-viewer@example.com", "VIEWER");
        card = wx.card(false);
        customCard = wx.card(true);
    }

    @AfterEach
    void noFaults() {
        Arrivals.disarm();
        wx.faults(Map.of("latencyMs", 0));
    }

    @Test
    void shouldRedeemACodeOnceAuditItAndRefuseASecondRedemptionInWords() {
        String ownCard = wx.card(false); // its consumed count moves with this test's redemption only
        String code = CodeFixtures.receive(ownCard);
        operator.request().get(counter() + "?code=" + code).then().statusCode(200)
                .body(containsString("id=\"counter-status\" class=\"counter-status\">正常"))
                .body(containsString("id=\"redeem\"")).body(containsString("id=\"counter-offer\""));

        Response redeemed = redeem(operator, code, "");
        redeemed.then().statusCode(303);
        assertTrue(redeemed.header("Location").contains("/counter?redeemed="), redeemed.header("Location"));
        CodePagesTest.follow(operator, redeemed).then().statusCode(200).body(containsString("id=\"counter-success\""))
                .body(containsString("已核销")).body(containsString("id=\"success-code\">" + code + "<"))
                .body(containsString("id=\"shift-list\"")).body(containsString("data-code=\"" + code + "\""));

        assertEquals(UserCardStatus.CONSUMED, wx.wechatStatus(ownCard, code));
        assertEquals(UserCardStatus.CONSUMED, wx.mirrored(ownCard, code).status);
        assertEquals(CallState.APPLIED, CodePagesTest.last(wx.operations(), code).state);
        assertEquals(CodeOperation.Kind.CONSUME, CodePagesTest.last(wx.operations(), code).kind);
        List<AuditEntry> audit = wx.audit("code.consumed").stream().filter(a -> a.target.equals(code)).toList();
        assertEquals(1, audit.size());

        // WeChat's user_consume_card push lands in the event log; the card counts the redemption once
        await().atMost(Duration.ofSeconds(30)).until(() -> wx.consumeEvents(code).stream()
                .anyMatch(e -> e.status == WeChatEvent.Status.PROCESSED));
        assertEquals(1, wx.mirroredCard(ownCard).consumedCount);
        assertTrue(wx.mirrored(ownCard, code).consumedAt != null, "the push dates the redemption");
        owner.request().get("/t/" + wx.tenant + "/events").then().statusCode(200).body(containsString("卡券被核销"));

        // a second redemption: WeChat's check refuses it before anything is sent, and the cashier is told why
        Response again = redeem(operator, code, "");
        again.then().statusCode(303);
        CodePagesTest.follow(operator, again).then().body(containsString("不能核销：这个码的状态是「已核销」。"))
                .body(not(containsString("id=\"redeem\"")));
        assertEquals(1, wx.operations().stream().filter(op -> op.code.equals(code)).count());
        assertEquals(1, wx.audit("code.consumed").stream().filter(a -> a.target.equals(code)).count());
        assertEquals(1, wx.mirroredCard(ownCard).consumedCount, "not counted twice");

        // the shift lists the operator's own redemptions, not the owner's
        owner.request().get(counter()).then().statusCode(200).body(not(containsString("data-code=\"" + code + "\"")));
    }

    @Test
    void shouldNeedTheCardIdOfACustomCode() {
        String code = CodeFixtures.receive(customCard);
        operator.request().get(counter() + "?code=" + code).then().statusCode(404)
                .body(containsString("请同时填写卡券 ID")).body(not(containsString("id=\"redeem\"")));
        Response withoutCardId = redeem(operator, code, "");
        CodePagesTest.follow(operator, withoutCardId).then().body(containsString("请同时填写卡券 ID"));
        assertEquals(UserCardStatus.NORMAL, wx.wechatStatus(customCard, code));

        operator.request().get(counter() + "?code=" + code + "&cardId=" + customCard).then().statusCode(200)
                .body(containsString("id=\"redeem\"")).body(containsString("name=\"cardId\" value=\"" + customCard));
        redeem(operator, code, customCard).then().statusCode(303)
                .header("Location", containsString("/counter?redeemed="));
        assertEquals(UserCardStatus.CONSUMED, wx.wechatStatus(customCard, code));
        assertEquals(CallState.APPLIED, CodePagesTest.last(wx.operations(), code).state);
    }

    @Test
    void shouldRefuseAnAbnormalCodeInWords() {
        String code = CodeFixtures.receive(card);
        wx.user("delete", code);
        operator.request().get(counter() + "?code=" + code).then().statusCode(200)
                .body(containsString("id=\"counter-status\" class=\"counter-status\">已删除"))
                .body(containsString("不能核销：这个码的状态是「已删除」。")).body(not(containsString("id=\"redeem\"")));
        int consumeCalls = Arrivals.calls("/card/code/consume");
        Response refused = redeem(operator, code, "");
        refused.then().statusCode(303).header("Location", containsString("/counter?code=" + code));
        CodePagesTest.follow(operator, refused).then().body(containsString("不能核销：这个码的状态是「已删除」。"))
                .body(not(containsString("errcode"))).body(not(containsString("40127")));
        assertEquals(consumeCalls, Arrivals.calls("/card/code/consume"), "nothing sent to WeChat");
        assertTrue(wx.operations().stream().noneMatch(op -> op.code.equals(code)));
        assertEquals(UserCardStatus.DELETE, wx.wechatStatus(card, code));

        // bad input is a 4xx with the field's message, never a 500
        operator.request().queryParam("code", "a b").get(counter()).then().statusCode(400)
                .body(containsString("卡券码应为 1–64 个字符"));
        CodePagesTest.follow(operator, redeem(operator, "", "")).then().body(containsString("请填写卡券码"));
    }

    @Test
    void shouldSettleAnUnansweredRedemptionOnceByReadingTheCode() throws Exception {
        String code = CodeFixtures.receive(card);
        int consumeCalls = Arrivals.calls("/card/code/consume");
        long beyondTimeout = wechat.readTimeout().toMillis() + 6_000;
        // the code/get reads before the call are answered at once; the consume itself outlasts the read timeout
        Arrivals.arm("/card/code/consume", () -> wx.faults(Map.of("latencyMs", beyondTimeout)));
        CompletableFuture<Response> post = CompletableFuture.supplyAsync(() -> redeem(operator, code, ""));
        Arrivals.await();
        SandboxLatency.awaitHeldCall(); // the call now sits in the sandbox's latency; the read-back after it is fast
        wx.faults(Map.of("latencyMs", 0));

        Response answer = post.get();
        CodeOperation op = CodePagesTest.last(wx.operations(), code);
        assertEquals(CallState.UNCERTAIN, op.state, "WeChat may still carry it out");
        CodePagesTest.follow(operator, answer).then().body(containsString("微信没有给出明确答复"))
                .body(containsString("id=\"counter-not-redeemed\""));

        // a second click while the first is unsettled is refused in words, and nothing is sent
        Response second = redeem(operator, code, "");
        CodePagesTest.follow(operator, second).then().body(containsString("Kaquan 正在确认结果"));
        assertEquals(consumeCalls + 1, Arrivals.calls("/card/code/consume"));

        // WeChat carries the late request out; the next look at the code settles the redemption as applied
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> wx.wechatStatus(card, code) == UserCardStatus.CONSUMED);
        operator.request().get(counter() + "?code=" + code).then().statusCode(200)
                .body(containsString("不能核销：这个码的状态是「已核销」。"));
        assertEquals(CallState.APPLIED, CodePagesTest.last(wx.operations(), code).state);
        assertEquals(1, wx.operations().stream().filter(o -> o.code.equals(code)).count());
        assertEquals(consumeCalls + 1, Arrivals.calls("/card/code/consume"), "consume sent once");
        await().atMost(Duration.ofSeconds(30)).until(() -> wx.consumesPushed(code) == 1);
        assertEquals(1, wx.audit("code.consumed").stream().filter(a -> a.target.equals(code)).count());
        assertEquals(UserCardStatus.CONSUMED, wx.mirrored(card, code).status);
    }

    @Test
    void shouldNotLetAViewerRedeem() {
        String code = CodeFixtures.receive(card);
        viewer.request().get(counter() + "?code=" + code).then().statusCode(200)
                .body(containsString("id=\"counter-status\" class=\"counter-status\">正常"))
                .body(not(containsString("id=\"redeem\""))).body(containsString("id=\"viewer-only\""))
                .body(not(containsString("id=\"nav-counter\"")));
        redeem(viewer, code, "").then().statusCode(403);
        redeem(viewer, code, card).then().statusCode(403);
        assertEquals(UserCardStatus.NORMAL, wx.wechatStatus(card, code));
        assertTrue(wx.operations().stream().noneMatch(op -> op.code.equals(code)));
        operator.request().get(counter()).then().statusCode(200).body(containsString("id=\"nav-counter\""));
    }

    @Test
    void shouldSpeakEnglishAtTheCounterWhenAskedTo() {
        String code = CodeFixtures.receive(card);
        operator.request().cookie("kaquan-lang", "en").get(counter() + "?code=" + code).then().statusCode(200)
                .body(containsString("class=\"counter-status\">Valid<")).body(containsString(">Redeem</button>"))
                .body(not(containsString("核销"))).body(not(containsString("北京时间")));
        Response redeemed = operator.request().cookie("kaquan-lang", "en").formParam("code", code)
                .formParam("cardId", "").post(counter() + "/redeem");
        redeemed.then().statusCode(303);
        operator.request().cookie("kaquan-lang", "en")
                .get(redeemed.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .body(containsString("✓ Redeemed")).body(containsString("Redeemed during this shift"))
                .body(not(containsString("核销"))).body(not(containsString("已生效")));
    }

    private static Response redeem(Session session, String code, String cardId) {
        return session.request().formParam("code", code).formParam("cardId", cardId).post(counter() + "/redeem");
    }

    static String counter() {
        return "/t/" + wx.tenant + "/counter";
    }
}
