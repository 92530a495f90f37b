package io.kaquan.distribution;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.account.AuditEntry;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The card page's 投放 section against the sandbox: QR codes per channel and their receipts, the test whitelist,
 * WeChat's refusals in words, and every route closed to strangers (404) and to viewers' changes (403).
 */
@QuarkusTest
class DistributionPagesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    static long sandboxTenant(Session owner, String name) {
        return TestTenants.register(owner, Map.of("displayName", name, "sandbox", "true", "messageMode", "SAFE"));
    }

    static String section(long tenant, String cardId) {
        return "/t/" + tenant + "/distribution/cards/" + cardId;
    }

    /** The page a POST redirected to, rendered with the flash the POST left. */
    static String followed(Session session, Response post) {
        String location = post.then().statusCode(303).extract().header("Location");
        String path = location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
        return session.request().cookie("kaquan-flash", post.getCookie("kaquan-flash")).get(path).then()
                .statusCode(200).extract().asString();
    }

    static Response createQr(Session session, long tenant, String cardId, Map<String, String> form) {
        return session.request().formParams(form).post(section(tenant, cardId) + "/qrcodes");
    }

    static CardQrCode newest(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> CardQrCode
                .<CardQrCode> find("tenantId = ?1 order by id desc", tenant).firstResult());
    }

    static void scan(String ticket, String openid) {
        given().contentType(ContentType.JSON).body(openid == null ? Map.of() : Map.of("openid", openid))
                .post("/sandbox/admin/qrcodes/" + ticket + "/scan").then().statusCode(201);
    }

    @Test
    void shouldCountReceiptsUnderTheChannelOfTheirQrCode() {
        Session owner = Session.login("dist-owner");
        long tenant = sandboxTenant(owner, "渠道奶茶店");
        String cardId = TestCards.approved(tenant, "CASH");
        owner.request().get("/t/" + tenant + "/cards/" + cardId).then().statusCode(200)
                .body(containsString("hx-get=\"/t/" + tenant + "/distribution/cards/" + cardId + "\""));
        owner.request().get(section(tenant, cardId)).then().statusCode(200).body(containsString("这张卡券还没有二维码"))
                .body(not(containsString("id=\"test-whitelist\""))); // approved: no whitelist needed

        String page = followed(owner, createQr(owner, tenant, cardId, Map.of("channel", "门店海报", "validity", "permanent")));
        assertTrue(page.contains("已为渠道「门店海报」生成二维码。"), page);
        CardQrCode poster = newest(tenant);
        assertEquals("QR_CARD", poster.actionName);
        assertTrue(poster.url.contains("/sandbox/q/"), poster.url);
        assertEquals(null, poster.expiresAt);
        createQr(owner, tenant, cardId, Map.of("channel", "公众号菜单", "validity", "expiring", "minutes", "10")).then()
                .statusCode(303);
        CardQrCode menu = newest(tenant);
        assertEquals(600, menu.expireSeconds);
        createQr(owner, tenant, cardId, Map.of("channel", "门店海报", "validity", "permanent")).then().statusCode(303);
        CardQrCode posterAgain = newest(tenant);

        byte[] png = owner.request().queryParam("size", 860).queryParam("download", true)
                .get("/t/" + tenant + "/distribution/qrcodes/" + poster.id + "/png").then().statusCode(200)
                .contentType("image/png").header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(png, 4));
        owner.request().queryParam("size", 999).get("/t/" + tenant + "/distribution/qrcodes/" + poster.id + "/png")
                .then().statusCode(404);

        scan(poster.ticket, null);
        scan(posterAgain.ticket, null);
        scan(menu.ticket, null);
        TestCards.receive(cardId); // not through a QR code: no channel
        await().atMost(DEADLINE).untilAsserted(() -> owner.request().get(section(tenant, cardId) + "/receipts")
                .then().statusCode(200)
                .body(containsString("<tr data-source=\"CHANNEL\" data-outer-str=\"1\"><td class=\"channel\">门店海报"
                        + "</td><td>1</td><td class=\"count\">2</td></tr>"))
                .body(containsString("<tr data-source=\"CHANNEL\" data-outer-str=\"2\"><td class=\"channel\">公众号菜单"
                        + "</td><td>2</td><td class=\"count\">1</td></tr>")));
        String fragment = owner.request().get(section(tenant, cardId)).then().extract().asString();
        assertTrue(fragment.contains("src=\"/t/" + tenant + "/distribution/qrcodes/" + poster.id + "/png\""), fragment);
        assertTrue(fragment.contains("data-size=\"1280\""), fragment);
        long audits = QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .count("tenantId = ?1 and action = ?2", tenant, "distribution.qrcode-created"));
        assertEquals(3, audits);
    }

    @Test
    void shouldSendTheWholeWhitelistAndLetOnlyItsUsersReceiveAnUnapprovedCard() {
        Session owner = Session.login("dist-whitelist");
        long tenant = sandboxTenant(owner, "白名单试吃店");
        String cardId = TestCards.create(tenant, "GIFT");
        owner.request().get(section(tenant, cardId)).then().statusCode(200)
                .body(containsString("只有测试白名单上的微信用户能领取它")).body(containsString("白名单是空的"));
        String page = followed(owner, owner.request().formParam("openids", "oTesterA\noTesterB")
                .formParam("usernames", "tester_wx").post(section(tenant, cardId) + "/whitelist"));
        assertTrue(page.contains("测试白名单已更新：2 个 OpenID，1 个微信号。"), page);
        owner.request().get(section(tenant, cardId)).then().body(containsString("<code>oTesterA</code>"))
                .body(containsString("<code>tester_wx</code>"));

        createQr(owner, tenant, cardId, Map.of("channel", "内测", "validity", "permanent")).then().statusCode(303);
        String ticket = newest(tenant).ticket;
        scan(ticket, "oTesterB");
        given().contentType(ContentType.JSON).body(Map.of("openid", "oStranger")).post("/sandbox/admin/qrcodes/"
                + ticket + "/scan").then().statusCode(409).body("errcode", is(40078));

        // The whole list each time: oTesterA leaves it.
        owner.request().formParam("openids", "oTesterB").formParam("usernames", "")
                .post(section(tenant, cardId) + "/whitelist").then().statusCode(303);
        given().contentType(ContentType.JSON).body(Map.of("openid", "oTesterA")).post("/sandbox/admin/qrcodes/"
                + ticket + "/scan").then().statusCode(409);

        String eleven = String.join("\n", java.util.stream.IntStream.range(0, 11).mapToObj(i -> "oMany" + i).toList());
        page = followed(owner, owner.request().formParam("openids", eleven).post(section(tenant, cardId) + "/whitelist"));
        assertTrue(page.contains("OpenID最多 10 个。"), page);
        page = followed(owner, owner.request().formParam("openids", "o<script>").post(section(tenant, cardId)
                + "/whitelist"));
        assertTrue(page.contains("不是有效的OpenID"), page);
        owner.request().get(section(tenant, cardId)).then().body(containsString("<code>oTesterB</code>"))
                .body(not(containsString("oMany")));
    }

    @Test
    void shouldRefuseBadQrCodesInWords() {
        Session owner = Session.login("dist-refusals");
        long tenant = sandboxTenant(owner, "拒绝二维码店");
        String cardId = TestCards.approved(tenant, "GIFT");
        assertTrue(followed(owner, createQr(owner, tenant, cardId, Map.of("channel", " ", "validity", "permanent")))
                .contains("请填写渠道名称。"));
        assertTrue(followed(owner, createQr(owner, tenant, cardId, Map.of("channel", "一二三四五六七八九十一二三四五六七八九十一")))
                .contains("渠道名称最多 20 个字。"));
        assertTrue(followed(owner, createQr(owner, tenant, cardId, Map.of("channel", "海报", "validity", "expiring",
                "minutes", "45"))).contains("临时二维码的有效期是 1 到 30 分钟。"));
        assertTrue(followed(owner, createQr(owner, tenant, cardId, Map.of("channel", "海报", "alsoCards",
                "pNoSuchCard"))).contains("没有 card_id 为「pNoSuchCard」的卡券。"));
        assertTrue(followed(owner, createQr(owner, tenant, cardId, Map.of("channel", "海报", "alsoCards",
                "a b c d e"))).contains("一个二维码最多 5 张卡券。"));
        String bound = TestCards.create(tenant, "GIFT",
                card -> ((com.fasterxml.jackson.databind.node.ObjectNode) card.get("gift").get("base_info"))
                        .put("bind_openid", true));
        TestCards.review(bound, true, null);
        assertTrue(followed(owner, createQr(owner, tenant, bound, Map.of("channel", "海报")))
                .contains("二维码参数（action_info）不正确。"));
        assertEquals(null, newest(tenant));
    }

    @Test
    void shouldCloseEveryRouteToStrangersAndChangesToViewers() {
        Session owner = Session.login("dist-iso-a");
        Session stranger = Session.login("dist-iso-b");
        Session viewer = Session.login("dist-iso-viewer");
        long tenantA = sandboxTenant(owner, "隔离投放甲");
        long tenantB = sandboxTenant(stranger, "隔离投放乙");
        TestTenants.addMember(owner, tenantA, "dist-iso-viewer@example.com", "VIEWER");
        String cardOfA = TestCards.create(tenantA, "CASH");
        createQr(owner, tenantA, cardOfA, Map.of("channel", "甲的海报")).then().statusCode(303);
        long qrOfA = newest(tenantA).id;

        for (long tenant : List.of(tenantA, tenantB)) {
            stranger.request().get(section(tenant, cardOfA)).then().statusCode(404);
            createQr(stranger, tenant, cardOfA, Map.of("channel", "乙")).then().statusCode(404);
            stranger.request().formParam("openids", "oB").post(section(tenant, cardOfA) + "/whitelist").then()
                    .statusCode(404);
            stranger.request().get("/t/" + tenant + "/distribution/qrcodes/" + qrOfA + "/png").then().statusCode(404);
        }
        assertEquals(null, newest(tenantB));

        viewer.request().get(section(tenantA, cardOfA)).then().statusCode(200)
                .body(containsString("只有运营者可以生成二维码和修改白名单。")).body(not(containsString("id=\"qrcode-form\"")))
                .body(not(containsString("id=\"whitelist-form\""))).body(containsString("甲的海报"));
        viewer.request().get("/t/" + tenantA + "/distribution/qrcodes/" + qrOfA + "/png").then().statusCode(200);
        createQr(viewer, tenantA, cardOfA, Map.of("channel", "观众")).then().statusCode(403);
        viewer.request().formParam("openids", "oV").post(section(tenantA, cardOfA) + "/whitelist").then()
                .statusCode(403);
        assertEquals(qrOfA, newest(tenantA).id);
    }
}
