package io.kaquan.wechat;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.tenant.SecretBox;
import io.kaquan.testing.Session;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The gateway's rules against the sandbox's faults and limits, and what the tenant page shows of them. */
@QuarkusTest
class GatewayRulesTest {

    private static final String COLORS = "/card/getcolors";
    private static final String STALE_SECRET = "0123456789abcdefABCDEF0123456789";

    static Session alice;

    @Inject
    WeChatGateway gateway;

    @Inject
    EntityManager em;

    @Inject
    SecretBox secretBox;

    @BeforeAll
    static void signIn() {
        alice = Session.login("alice");
    }

    @Test
    void shouldRetrySystemBusyForSafeCallsOnly() {
        WeChatSide side = WeChatSide.register(alice, "系统繁忙");
        WeChatClient wechat = gateway.forTenant(side.tenantId);
        wechat.cardColors(); // the token is there before WeChat starts answering -1
        int colors = side.counted(COLORS);
        side.faults(Map.of("errorShare", 1.0));
        try {
            WeChatException busy = assertThrows(WeChatException.class, wechat::cardColors);
            assertEquals(-1, busy.errcode());
            assertEquals(colors + 3, side.counted(COLORS), "a safe call is tried three times in all");

            WeChatException stock = assertThrows(WeChatException.class, () -> wechat.cardModifyStock("pNone", 1));
            assertEquals(-1, stock.errcode());
            assertTrue(stock.uncertain());
            assertEquals(1, side.counted("/card/modifystock"), "not repeatable: sent once");
        } finally {
            side.faults(Map.of("errorShare", 0.0));
        }
        assertFalse(wechat.cardColors().isEmpty(), "fine again once WeChat is");
    }

    @Test
    void shouldStopAnApiAfter45009AndShowItOnTheTenantPage() {
        WeChatSide side = WeChatSide.register(alice, "额度用完");
        side.dailyLimit(COLORS, 1);
        WeChatClient wechat = gateway.forTenant(side.tenantId);
        wechat.cardColors();
        assertEquals(45009, assertThrows(WeChatException.class, wechat::cardColors).errcode());
        int counted = side.counted(COLORS);
        WeChatException stopped = assertThrows(WeChatException.class, wechat::cardColors);
        assertEquals(WeChatException.Kind.STOPPED, stopped.kind());
        assertEquals(counted, side.counted(COLORS), "no call went out");
        wechat.cardBatchget(0, 10, List.of()); // other APIs go on

        // The overview says it in words; the per-endpoint table is among the settings' technical details.
        alice.request().get("/t/" + side.tenantId).then().statusCode(200)
                .body(containsString("有接口额度用完"))
                .body(containsString("北京时间 0 点后恢复"));
        alice.request().get("/t/" + side.tenantId + "/settings").then().statusCode(200)
                .body(containsString("有接口额度用完"))
                .body(containsString("data-api=\"/card/getcolors\" class=\"exhausted\""))
                .body(containsString("今日额度已用完，北京时间 0 点后恢复"))
                .body(containsString("这个接口今天的调用次数已用完"));
    }

    @Test
    void shouldPauseTheTenantWhenItsIpIsNotWhitelistedAndResumeAfterARetry() {
        WeChatSide side = WeChatSide.register(alice, "白名单");
        WeChatClient wechat = gateway.forTenant(side.tenantId);
        side.whitelist(List.of("10.9.8.7"));
        side.faults(Map.of("invalidateToken", true)); // a new token is needed, and the token API refuses our IP

        WeChatException refused = assertThrows(WeChatException.class, wechat::cardColors);
        assertEquals(40164, refused.errcode());
        assertEquals("127.0.0.1", refused.ip());
        int tokenCalls = side.counted("/cgi-bin/stable_token");
        for (int i = 0; i < 3; i++) {
            assertEquals(WeChatException.Kind.STOPPED, assertThrows(WeChatException.class, wechat::cardColors).kind());
        }
        assertEquals(tokenCalls, side.counted("/cgi-bin/stable_token"), "paused: no retry storm");

        String overview = "/t/" + side.tenantId;
        alice.request().get(overview).then().statusCode(200)
                .body(containsString("已暂停调用微信接口"))
                .body(containsString("<code id=\"credential-problem-ip\">127.0.0.1</code>"))
                .body(containsString("请在微信公众平台「设置与开发 › 基本配置 › IP白名单」中加入 127.0.0.1"))
                .body(containsString("id=\"wechat-retry\""));

        Response still = alice.request().post(overview + "/wechat/retry");
        still.then().statusCode(303);
        alice.request().cookie("kaquan-flash", still.getCookie("kaquan-flash")).get(overview).then()
                .body(containsString("仍然失败")).body(containsString("已暂停调用微信接口"));

        side.whitelist(null);
        Response retried = alice.request().post(overview + "/wechat/retry");
        alice.request().cookie("kaquan-flash", retried.getCookie("kaquan-flash")).get(overview).then()
                .body(containsString("已恢复调用微信接口。"))
                .body(not(containsString("id=\"credential-problem\"")));
        assertFalse(wechat.cardColors().isEmpty());
    }

    @Test
    void shouldPauseTheTenantWithoutCardPermissionAndSayWhatToDo() {
        WeChatSide side = WeChatSide.register(alice, "无卡券权限");
        side.settings(Map.of("cardEnabled", false));
        WeChatClient wechat = gateway.forTenant(side.tenantId);

        assertEquals(48001, assertThrows(WeChatException.class, wechat::cardColors).errcode());
        assertEquals(WeChatException.Kind.STOPPED,
                assertThrows(WeChatException.class, () -> wechat.cardBatchget(0, 10, null)).kind());
        assertEquals(0, side.counted("/card/batchget"), "the whole tenant is paused");
        alice.request().get("/t/" + side.tenantId + "/settings").then().statusCode(200)
                .body(containsString("公众号没有这个接口的权限"))
                .body(containsString("请在微信公众平台开通「卡券功能」"));

        alice.request().cookie("kaquan-lang", "en").get("/t/" + side.tenantId).then().statusCode(200)
                .body(containsString("Calls to WeChat are paused"))
                .body(containsString("Enable the Cards and Offers feature"));
    }

    @Test
    void shouldResumeWhenTheOwnerReplacesAnAppsecretWeChatNoLongerAccepts() {
        WeChatSide side = WeChatSide.register(alice, "密码重置");
        // The merchant reset the secret in WeChat: Kaquan's copy is stale and its token gone.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update tenant set appsecret_enc = ?1 where id = ?2")
                .setParameter(1, secretBox.seal("tenant.appsecret", side.tenantId, STALE_SECRET))
                .setParameter(2, side.tenantId).executeUpdate());
        side.forgetToken(gateway);
        WeChatClient wechat = gateway.forTenant(side.tenantId);
        assertEquals(40125, assertThrows(WeChatException.class, wechat::cardColors).errcode());
        alice.request().get("/t/" + side.tenantId).then()
                .body(containsString("AppSecret 不正确。"))
                .body(containsString("然后在「设置 › 凭据」中更换"));

        alice.request().formParam("appsecret", side.secret).post("/t/" + side.tenantId + "/settings/appsecret").then()
                .statusCode(303);
        assertFalse(wechat.cardColors().isEmpty(), "calls resume once the credentials changed");
        alice.request().get("/t/" + side.tenantId).then().body(not(containsString("id=\"credential-problem\"")));
    }

    @Test
    void shouldBackOffUntilTheNextMinuteAfter45011() {
        WeChatSide side = WeChatSide.register(alice, "分钟限频");
        side.minuteLimit(COLORS, 1);
        WeChatClient wechat = gateway.forTenant(side.tenantId);
        awayFromTheMinuteBoundary();
        wechat.cardColors();
        assertEquals(45011, assertThrows(WeChatException.class, wechat::cardColors).errcode());
        int counted = side.counted(COLORS);
        WeChatException stopped = assertThrows(WeChatException.class, wechat::cardColors);
        assertEquals(WeChatException.Kind.STOPPED, stopped.kind());
        assertEquals(45011, stopped.errcode());
        assertEquals(counted, side.counted(COLORS), "no call before the next minute");
    }

    @Test
    void shouldShowTokenHealthAndLetTheOwnerChooseTheTokenMode() {
        WeChatSide side = WeChatSide.register(alice, "令牌设置");
        gateway.forTenant(side.tenantId).cardColors();
        String settings = "/t/" + side.tenantId + "/settings";
        alice.request().get(settings).then().statusCode(200)
                .body(containsString("id=\"wechat-state\">正常"))
                .body(containsString("上次获取令牌"))
                .body(containsString("<td><code>/cgi-bin/stable_token</code></td>"))
                .body(containsString("已用 0%（共 500000 次）"))
                .body(containsString("<td><code>/card/getcolors</code></td>"))
                .body(containsString("value=\"STABLE\" checked"))
                .body(containsString("稳定版令牌（stable_token，推荐）"))
                .body(containsString("每天可获取 50 万次"));

        Response changed = alice.request().formParam("tokenMode", "CLASSIC").post(settings + "/token-mode");
        changed.then().statusCode(303);
        alice.request().cookie("kaquan-flash", changed.getCookie("kaquan-flash")).get(settings).then()
                .body(containsString("令牌获取方式已改为「普通令牌（cgi-bin/token）」。"))
                .body(containsString("value=\"CLASSIC\" checked"))
                .body(containsString("尚未获取（首次调用时自动获取）"));
        assertFalse(gateway.forTenant(side.tenantId).cardColors().isEmpty());
        assertEquals(1, side.counted("/cgi-bin/token"), "the next call fetched a classic token");
        alice.request().get("/t/" + side.tenantId + "/audit").then().statusCode(200)
                .body(containsString("普通令牌（cgi-bin/token）")).body(not(containsString(">CLASSIC<")));

        Response refused = alice.request().formParam("tokenMode", "FAST").post(settings + "/token-mode");
        alice.request().cookie("kaquan-flash", refused.getCookie("kaquan-flash")).get(settings).then()
                .body(containsString("请选择令牌获取方式。"));
    }

    /** Minute limits count per calendar minute: start the calls well inside one. */
    private static void awayFromTheMinuteBoundary() {
        Awaitility.await("a new minute").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> LocalTime.now().getSecond() < 55);
    }
}
