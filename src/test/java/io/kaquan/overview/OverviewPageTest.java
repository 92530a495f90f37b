package io.kaquan.overview;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.tenant.Tenant;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The merchant's overview of a sandbox account: live receipts and redemptions, cards in review, refused and low on
 * stock, the first-run checklist, no developer text; the settings page's onboarding and its test push.
 */
@QuarkusTest
class OverviewPageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    /** Texts that must never be the way the overview says something. */
    private static final List<Pattern> DEVELOPER_TEXT = List.of(
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile("\\b(card|code|tenant|member|stock)\\.[a-z-]+\\b(?![a-z]*\\.(js|css|png))"),
            Pattern.compile("(?i)errcode"),
            Pattern.compile("[0-9*?/,-]+ [0-9*?/,-]+ [0-9*?/,-]+ [0-9*?/,-]+ [0-9*?/,-]+"),
            Pattern.compile("\\b(VERIFY_OK|VERIFY_FAIL|NOT_VERIFY|CARD_STATUS_[A-Z_]+|FAILED|QUOTA|PARTIAL)\\b"),
            Pattern.compile("/card/[a-z]+|/cgi-bin/"));

    static Session owner;
    static Session viewer;
    static Session stranger;

    @BeforeAll
    static void signIn() {
        owner = Session.login("overview-owner");
        viewer = Session.login("bob");
        stranger = Session.login("overview-stranger");
    }

    static long sandboxTenant(String name) {
        return TestTenants.register(owner, Map.of("displayName", name, "sandbox", "true", "messageMode", "SAFE"));
    }

    static String appid(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> findById(tenant).appid);
    }

    @Test
    void shouldShowAFreshAccountItsFirstSteps() {
        long tenant = sandboxTenant("新开的奶茶店");
        String page = owner.request().get("/t/" + tenant).then().statusCode(200)
                .body(containsString("id=\"first-run\""))
                .body(containsString("开始使用（已完成 1/5）"))
                .body(containsString("<li class=\"done\" data-step=\"CONNECT\">"))
                .body(containsString("<li class=\"todo\" data-step=\"CREATE_CARD\">"))
                .body(containsString("href=\"/t/" + tenant + "/cards/new\">创建第一张卡券</a>"))
                .body(containsString("所有卡券都正常"))
                .body(containsString("昨天的统计还没有同步过来。"))
                .body(not(containsString("id=\"api-usage\"")))
                .extract().asString();
        assertNoDeveloperText(page);
        owner.request().cookie("kaquan-lang", "en").get("/t/" + tenant).then().statusCode(200)
                .body(containsString("Getting started (1 of 5 done)")).body(containsString("Create a first card"))
                .body(not(containsString("创建第一张卡券")));
    }

    @Test
    void shouldCountTodaysReceiptsAndRedemptionsAndListTheCardsThatNeedAttention() {
        long tenant = sandboxTenant("计数奶茶店");
        String appid = appid(tenant);
        // A card of 10, all received today, one redeemed: live figures 10/1, and 0 of 10 left.
        String popular = TestCards.create(tenant, "CASH",
                card -> ((ObjectNode) card.get("cash").get("base_info").get("sku")).put("quantity", 10));
        TestCards.review(popular, true, null);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(TestCards.receive(popular));
        }
        given().contentType(ContentType.JSON).queryParam("appid", appid).body(Map.of())
                .post("/sandbox/admin/codes/" + codes.get(0) + "/consume").then().statusCode(200);
        String inReview = TestCards.create(tenant, "DISCOUNT", card -> ((ObjectNode) card.get("discount")
                .get("base_info")).put("title", "八五折券"));
        String refused = TestCards.create(tenant, "GIFT", card -> ((ObjectNode) card.get("gift").get("base_info"))
                .put("title", "赠饮券"));
        TestCards.review(refused, false, "图片与品牌不符");

        String overview = "/t/" + tenant;
        await().atMost(DEADLINE).untilAsserted(() -> owner.request().get(overview).then().statusCode(200)
                .body(containsString("<tr id=\"live-today\"><th>今天</th><td class=\"received\">10</td>"
                        + "<td class=\"consumed\">1</td></tr>"))
                .body(containsString("微信给出的原因： <span class=\"reason\">图片与品牌不符</span>")));
        TestCards.mirror(tenant, popular); // the stock as WeChat holds it now
        String page = owner.request().get(overview).then().statusCode(200)
                .body(containsString("<tr id=\"live-yesterday\"><th>昨天</th><td class=\"received\">0</td>"))
                .body(containsString("实时"))
                .body(containsString("审核中（1）"))
                .body(containsString("href=\"/t/" + tenant + "/cards/" + inReview + "\">八五折券</a>"))
                .body(containsString("审核未通过（1）"))
                .body(containsString("href=\"/t/" + tenant + "/cards/" + refused + "\">赠饮券</a>"))
                .body(containsString("库存不足（剩余不到 10%）"))
                .body(containsString("剩余 0 / 10（0%）"))
                .body(containsString("href=\"/t/" + tenant + "/stats\""))
                // every step done: the checklist is gone
                .body(not(containsString("id=\"first-run\"")))
                .extract().asString();
        assertNoDeveloperText(page);
        owner.request().cookie("kaquan-lang", "en").get(overview).then().statusCode(200)
                .body(containsString("Refused by the review (1)")).body(containsString("0 of 10 left (0%)"))
                .body(containsString("In review (1)"));
    }

    @Test
    void shouldProveTheCallbackOfASandboxAccountWithATestPush() {
        long tenant = sandboxTenant("测试推送奶茶店");
        String settings = "/t/" + tenant + "/settings";
        owner.request().get(settings).then().statusCode(200)
                .body(containsString("id=\"sandbox-connected\""))
                .body(not(containsString("微信公众平台「设置与开发 › 基本配置 › 服务器配置」")))
                .body(containsString("尚未收到沙箱的推送"))
                .body(not(containsString("尚未收到微信的验证请求")))
                .body(containsString("href=\"/sandbox/accounts/" + appid(tenant) + "\""))
                .body(containsString("data-copy=\"callback-url\""))
                .body(containsString("<script src=\"/static/copy.js\" defer></script>"))
                .body(not(containsString("id=\"address-warning\""))) // the sandbox reaches localhost
                .body(containsString("id=\"wechat-health\""));

        String location = owner.request().post(settings + "/test-push").then().statusCode(303)
                .header("Location", matchesPattern(".*" + settings + "\\?testPush=[1-9][0-9]*#callback-config"))
                .extract().header("Location");
        String pushId = location.replaceAll(".*testPush=([0-9]+).*", "$1");
        owner.request().get(settings + "?testPush=" + pushId).then().statusCode(200)
                .body(containsString("hx-get=\"/t/" + tenant + "/settings/test-push/" + pushId + "?n=0\""));
        await().atMost(DEADLINE).untilAsserted(() -> owner.request().get(settings + "/test-push/" + pushId + "?n=1")
                .then().statusCode(200).body(containsString("回调可用：Kaquan 在")));
        owner.request().get(settings).then().body(containsString("已收到沙箱的推送"));
        owner.request().get("/t/" + tenant).then()
                .body(containsString("<li class=\"done\" data-step=\"VERIFY_CALLBACK\">"));
        // A push that never comes: the page stops looking and says what to check.
        owner.request().get(settings + "/test-push/12345?n=" + CallbackTestPush.LOOKS).then().statusCode(200)
                .body(containsString("20 秒内没有收到测试推送")).body(not(containsString("hx-get")));
        owner.request().get(settings + "/test-push/not-a-number").then().statusCode(404);
    }

    @Test
    void shouldTellARealAccountHowToVerifyItsCallbackInstead() {
        long tenant = TestTenants.register(owner, "正式奶茶店");
        owner.request().get("/t/" + tenant + "/settings").then().statusCode(200)
                .body(containsString("id=\"verify-how\""))
                .body(containsString("微信无法从互联网访问这个地址")) // the test server is on localhost
                .body(not(containsString("id=\"test-push\"")))
                .body(not(containsString("id=\"sandbox-console-link\"")));
        String flash = owner.request().post("/t/" + tenant + "/settings/test-push").then().statusCode(303)
                .extract().cookie("kaquan-flash");
        owner.request().cookie("kaquan-flash", flash).get("/t/" + tenant + "/settings").then()
                .body(containsString("只有沙箱账号可以从这里发送测试推送"));
    }

    @Test
    void shouldLetAViewerReadButNotPushAndHideTheAccountFromStrangers() {
        long tenant = sandboxTenant("只读奶茶店");
        TestTenants.addMember(owner, tenant, "bob@example.com", "VIEWER");
        viewer.request().get("/t/" + tenant).then().statusCode(200).body(containsString("id=\"live\""));
        viewer.request().get("/t/" + tenant + "/settings").then().statusCode(200)
                .body(not(containsString("id=\"test-push\"")));
        viewer.request().post("/t/" + tenant + "/settings/test-push").then().statusCode(403);
        viewer.request().get("/t/" + tenant + "/settings/test-push/1").then().statusCode(200);

        stranger.request().get("/t/" + tenant).then().statusCode(404);
        stranger.request().post("/t/" + tenant + "/settings/test-push").then().statusCode(404);
        stranger.request().get("/t/" + tenant + "/settings/test-push/1").then().statusCode(404);
    }

    static void assertNoDeveloperText(String html) {
        String text = html.replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<[^>]+>", " ");
        for (Pattern pattern : DEVELOPER_TEXT) {
            assertFalse(pattern.matcher(text).find(), () -> "developer text " + pattern + " in: "
                    + pattern.matcher(text).results().map(r -> r.group()).toList());
        }
        assertTrue(text.contains("概览") || text.contains("Overview"));
    }
}
