package io.kaquan.distribution;

import static io.kaquan.distribution.DistributionPagesTest.createQr;
import static io.kaquan.distribution.DistributionPagesTest.newest;
import static io.kaquan.distribution.DistributionPagesTest.sandboxTenant;
import static io.kaquan.distribution.DistributionPagesTest.scan;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.tenant.Tenant;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Receipts per channel over China's days, on the card page's 投放 section, the statistics dashboard and the CSV export:
 * channels by name, unknown scene values and receipts without one apart, one grouped query, Excel-safe CSV, and the
 * routes closed to strangers.
 */
@QuarkusTest
class ReceiptsByChannelTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static String receipts(long tenant, String cardId) {
        return "/t/" + tenant + "/distribution/cards/" + cardId + "/receipts";
    }

    static String csv(long tenant) {
        return "/t/" + tenant + "/distribution/receipts.csv";
    }

    /** A user_get_card as WeChat pushes it, at a chosen time and with a chosen scene value, through the sandbox. */
    static void pushReceipt(long tenant, String cardId, String code, String outerStr, long createTime) {
        Tenant account = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> findById(tenant));
        String xml = "<xml><ToUserName><![CDATA[" + account.originalId + "]]></ToUserName>"
                + "<FromUserName><![CDATA[oPushed" + code + "]]></FromUserName><CreateTime>" + createTime
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[user_get_card]]></Event>"
                + "<CardId><![CDATA[" + cardId + "]]></CardId><IsGiveByFriend>0</IsGiveByFriend>"
                + "<UserCardCode><![CDATA[" + code + "]]></UserCardCode><OuterStr><![CDATA[" + outerStr
                + "]]></OuterStr><OuterId>0</OuterId></xml>";
        given().contentType(ContentType.JSON).body(Map.of("xml", xml))
                .post("/sandbox/admin/accounts/" + account.appid + "/pushes").then().statusCode(202);
    }

    @Test
    void shouldCountReceiptsPerChannelOverChinaDaysAndExportThemForExcel() {
        Session owner = Session.login("receipts-owner");
        long tenant = sandboxTenant(owner, "渠道统计茶馆");
        String cardId = TestCards.approved(tenant, "CASH");
        createQr(owner, tenant, cardId, Map.of("channel", "门店海报", "validity", "permanent")).then().statusCode(303);
        CardQrCode poster = newest(tenant);
        // A channel name a spreadsheet would run as a formula.
        createQr(owner, tenant, cardId, Map.of("channel", "=1+2,\"传单\"", "validity", "permanent")).then()
                .statusCode(303);
        CardQrCode flyer = newest(tenant);

        scan(poster.ticket, null);
        scan(poster.ticket, null);
        scan(flyer.ticket, null);
        TestCards.receive(cardId); // not through a QR code
        long now = System.currentTimeMillis() / 1000;
        pushReceipt(tenant, cardId, "900000000099", "99", now); // a scene value none of the tenant's channels has
        LocalDate today = LocalDate.now(CHINA);
        long longAgo = today.minusDays(40).atTime(12, 0).atZone(CHINA).toEpochSecond();
        pushReceipt(tenant, cardId, "900000000001", "1", longAgo); // the poster, 40 days ago

        await().atMost(DEADLINE).untilAsserted(() -> owner.request().get(receipts(tenant, cardId)).then()
                .statusCode(200).body(containsString("<td class=\"count\" id=\"receipts-total\">5</td>")));
        String fragment = owner.request().get(receipts(tenant, cardId)).then().extract().asString();
        assertTrue(fragment.contains("<tr data-source=\"CHANNEL\" data-outer-str=\"1\"><td class=\"channel\">门店海报</td>"
                + "<td>1</td><td class=\"count\">2</td></tr>"), fragment);
        assertTrue(fragment.contains("<td class=\"channel\">=1+2,&quot;传单&quot;</td><td>2</td><td class=\"count\">1</td>"),
                fragment);
        assertTrue(fragment.contains("<tr data-source=\"UNREGISTERED\" data-outer-str=\"99\"><td class=\"channel\">"
                + "<span class=\"muted\">未登记的渠道</span></td><td>99</td><td class=\"count\">1</td></tr>"), fragment);
        assertTrue(fragment.contains("<tr data-source=\"NONE\" data-outer-str=\"\"><td class=\"channel\">"
                + "<span class=\"muted\">其他（无渠道）</span></td><td></td><td class=\"count\">1</td></tr>"), fragment);
        assertTrue(fragment.contains(today.minusDays(29) + " 至 " + today), fragment);

        // A range that holds only the receipt of 40 days ago.
        owner.request().queryParam("from", today.minusDays(45).toString())
                .queryParam("to", today.minusDays(35).toString()).get(receipts(tenant, cardId)).then().statusCode(200)
                .body(containsString("data-outer-str=\"1\"><td class=\"channel\">门店海报</td><td>1</td>"
                        + "<td class=\"count\">1</td>"))
                .body(containsString("id=\"receipts-total\">1</td>")).body(not(containsString("NONE")));
        owner.request().queryParam("from", today.minusDays(5).toString()).queryParam("to", today.minusDays(1).toString())
                .get(receipts(tenant, cardId)).then().statusCode(200).body(containsString("这段时间没有领取。"));
        owner.request().queryParam("from", "2026-02-30").get(receipts(tenant, cardId)).then().statusCode(400)
                .body(containsString("请按 年-月-日 填写日期"));
        owner.request().queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .get(receipts(tenant, cardId)).then().statusCode(400).body(containsString("开始日期不能晚于结束日期。"));

        // The CSV: BOM, the page's language, RFC 4180 quoting, formulas made text.
        byte[] body = owner.request().queryParam("card", cardId).get(csv(tenant)).then().statusCode(200)
                .header("Content-Type", containsString("text/csv"))
                .header("Content-Disposition", containsString("kaquan-channels-" + today.minusDays(29) + "-" + today))
                .extract().asByteArray();
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, Arrays.copyOf(body, 3));
        String range = today.minusDays(29) + "," + today;
        assertEquals(List.of("开始日期,结束日期,渠道,场景值,领取",
                range + ",门店海报,1,2",
                range + ",\"'=1+2,\"\"传单\"\"\",2,1",
                range + ",未登记的渠道,99,1",
                range + ",其他（无渠道）,,1",
                range + ",合计,,5"),
                new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList());
        String english = owner.request().cookie("kaquan-lang", "en").queryParam("card", cardId).get(csv(tenant))
                .then().statusCode(200).extract().asString().replace("\uFEFF", "");
        assertEquals("From,To,Channel,Scene value,Receipts", english.lines().findFirst().orElseThrow());
        assertTrue(english.contains(",Other (no channel),,1\r\n"), english);
        owner.request().queryParam("to", "tomorrow").get(csv(tenant)).then().statusCode(400)
                .body(containsString("请按 年-月-日 填写日期"));

        // The dashboard: the same days as its figures, all the tenant's cards.
        owner.request().queryParam("from", today.minusDays(6).toString()).queryParam("to", today.toString())
                .get("/t/" + tenant + "/stats").then().statusCode(200).body(containsString("id=\"stats-channels\""))
                .body(containsString("<td class=\"channel\">门店海报</td><td>1</td><td class=\"count\">2</td>"))
                .body(containsString("id=\"receipts-total\">5</td>"))
                .body(containsString("/t/" + tenant + "/distribution/receipts.csv?from=" + today.minusDays(6) + "&amp;to="
                        + today));
    }

    @Test
    void shouldCloseReceiptsToStrangersAndOpenThemToViewers() {
        Session owner = Session.login("receipts-iso-a");
        Session stranger = Session.login("receipts-iso-b");
        Session viewer = Session.login("receipts-iso-viewer");
        long tenantA = sandboxTenant(owner, "渠道隔离甲");
        long tenantB = sandboxTenant(stranger, "渠道隔离乙");
        TestTenants.addMember(owner, tenantA, "receipts-iso-viewer@example.com", "VIEWER");
        String cardOfA = TestCards.approved(tenantA, "CASH");
        createQr(owner, tenantA, cardOfA, Map.of("channel", "甲的橱窗")).then().statusCode(303);
        scan(newest(tenantA).ticket, null);

        await().atMost(DEADLINE).untilAsserted(() -> viewer.request().get(receipts(tenantA, cardOfA)).then()
                .statusCode(200).body(containsString("甲的橱窗")));
        viewer.request().queryParam("card", cardOfA).get(csv(tenantA)).then().statusCode(200)
                .body(containsString("甲的橱窗"));
        for (long tenant : List.of(tenantA, tenantB)) {
            stranger.request().get(receipts(tenant, cardOfA)).then().statusCode(404);
            stranger.request().queryParam("card", cardOfA).get(csv(tenant)).then().statusCode(404);
        }
        stranger.request().get(csv(tenantA)).then().statusCode(404);
        // B's own export knows nothing of A's receipts.
        String ofB = stranger.request().get(csv(tenantB)).then().statusCode(200).extract().asString();
        assertTrue(!ofB.contains("甲的橱窗") && ofB.contains(",合计,,0"), ofB);
        owner.request().queryParam("card", "pNoSuchCard").get(csv(tenantA)).then().statusCode(404);
    }
}
