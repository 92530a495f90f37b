package io.kaquan.stats;

import static io.kaquan.stats.StatsFixtures.receive;
import static io.kaquan.stats.StatsFixtures.today;
import static io.kaquan.stats.StatsFixtures.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kaquan.stats.StatsFixtures.Account;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.WeChatStats;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The dashboard and its CSV: a viewer reads them; another tenant's statistics and cards stay out of reach. */
@QuarkusTest
class StatsPagesTest {

    @Inject
    StatsSync sync;

    @Inject
    StatsStore store;

    Session owner;
    Session viewer;
    Account account;
    String card;
    LocalDate t;

    @BeforeEach
    void tenantWithStatistics() {
        owner = Session.login("stats-pages-owner");
        String viewerName = "stats-viewer-" + TestTenants.hex(6);
        account = StatsFixtures.register(owner, "统计页面");
        viewer = Session.login(viewerName); // signed in first: an invitation binds by its link (issue 13 §3)
        TestTenants.addMember(owner, account.tenantId(), viewerName + "@example.com", "VIEWER");
        t = today();
        card = StatsFixtures.card(account.tenantId(), "CASH");
        String code = receive(card, "oPageA", t.minusDays(3));
        receive(card, "oPageB", t.minusDays(1));
        receive(card, "oPageB", t.minusDays(1));
        user(account, code, "view", t.minusDays(1), 9);
        user(account, code, "consume", t.minusDays(1), 10);
        sync.syncTenant(account.tenantId(), t);
    }

    private String stats() {
        return "/t/" + account.tenantId() + "/stats";
    }

    @Test
    void aViewerSeesTotalsDailyFiguresAndChartData() {
        viewer.request().get(stats()).then().statusCode(200)
                .body(containsString("<h1>数据统计</h1>"))
                .body(containsString("<tr data-day=\"" + t.minusDays(1) + "\">"))
                .body(containsString("<tr data-day=\"" + t.minusDays(29) + "\">"))
                .body(not(containsString("<tr data-day=\"" + t + "\">")))
                // Totals over the last 30 days: 3 receipts by 2 people-days, 1 view, 1 redemption.
                .body(containsString("<td data-metric=\"RECEIVE\" data-kind=\"times\">3</td>"))
                .body(containsString("<td data-metric=\"RECEIVE\" data-kind=\"people\">2</td>"))
                .body(containsString("<td data-metric=\"VERIFY\" data-kind=\"times\">1</td>"))
                .body(containsString("id=\"stats-chart-times\""))
                .body(containsString("data-chart=\"{&quot;labels&quot;:[&quot;" + t.minusDays(30) + "&quot;"))
                .body(containsString("/webjars/chart.js/4.5.1/dist/chart.umd.min.js"))
                .body(containsString("数据已同步至 " + t.minusDays(1)))
                .body(containsString("双人套餐券 · "));
        RestAssured.given().get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").then().statusCode(200);
        RestAssured.given().get("/static/stats.js").then().statusCode(200);
    }

    @Test
    void oneCardOverAChosenRange() {
        String day = t.minusDays(1).toString();
        viewer.request().queryParam("from", day).queryParam("to", day).queryParam("card", card).get(stats()).then()
                .statusCode(200)
                .body(containsString("<option value=\"" + card + "\" selected>"))
                .body(containsString("<tr data-day=\"" + day + "\">"))
                .body(not(containsString("<tr data-day=\"" + t.minusDays(3) + "\">")))
                .body(containsString("<td data-metric=\"RECEIVE\" data-kind=\"times\">2</td>"))
                .body(containsString("<td data-metric=\"RECEIVE\" data-kind=\"people\">1</td>"));
    }

    @Test
    void wrongDatesAreExplainedNextToTheirField() {
        viewer.request().queryParam("from", "2026-02-30").get(stats()).then().statusCode(400)
                .body(containsString("id=\"from-error\""))
                .body(containsString("请输入 YYYY-MM-DD 格式的日期"))
                .body(containsString("value=\"2026-02-30\""));
        viewer.request().queryParam("from", t.minusDays(2).toString()).queryParam("to", t.minusDays(5).toString())
                .get(stats()).then().statusCode(400).body(containsString("开始日期不能晚于结束日期。"));
        viewer.request().queryParam("from", t.minusDays(800).toString()).queryParam("to", t.minusDays(1).toString())
                .get(stats()).then().statusCode(400).body(containsString("一次最多查看 366 天。"));
        viewer.request().queryParam("from", "yesterday").get(stats() + ".csv").then().statusCode(400)
                .body(containsString("请输入 YYYY-MM-DD"));
    }

    @Test
    void csvInUtf8WithBomForExcel() {
        byte[] body = viewer.request().queryParam("from", t.minusDays(3).toString())
                .queryParam("to", t.minusDays(1).toString()).get(stats() + ".csv").then().statusCode(200)
                .header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", containsString("kaquan-stats-" + t.minusDays(3)))
                .extract().asByteArray();
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, Arrays.copyOf(body, 3));
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "日期,卡券,浏览次数,浏览人数,领取次数,领取人数,核销次数,核销人数,转赠次数,转赠人数,过期次数,过期人数",
                t.minusDays(3) + ",全部卡券（整个公众号）,0,0,1,1,0,0,0,0,0,0",
                t.minusDays(2) + ",全部卡券（整个公众号）,0,0,0,0,0,0,0,0,0,0",
                t.minusDays(1) + ",全部卡券（整个公众号）,1,1,2,1,1,1,0,0,0,0",
                "合计,全部卡券（整个公众号）,1,1,3,2,1,1,0,0,0,0"), lines);

        byte[] englishBytes = viewer.request().cookie("kaquan-lang", "en").queryParam("card", card)
                .queryParam("from", t.minusDays(1).toString()).queryParam("to", t.minusDays(1).toString())
                .get(stats() + ".csv").then().statusCode(200).extract().asByteArray();
        String english = new String(englishBytes, StandardCharsets.UTF_8);
        assertEquals("Day,Card,Views (times),Views (people),Receipts (times),Receipts (people),Redemptions (times),"
                + "Redemptions (people),Gifts (times),Gifts (people),Expiries (times),Expiries (people)",
                english.lines().findFirst().orElseThrow().replace("\uFEFF", ""));
    }

    @Test
    void memberCardFiguresWhenWeChatHasSome() {
        // The sandbox makes no member cards: WeChat's answer is stored as the sync would store it.
        LocalDate d1 = t.minusDays(2);
        LocalDate d2 = t.minusDays(1);
        long tenant = account.tenantId();
        store.replaceMemberCards(tenant, 0, d1, d2, List.of(
                new WeChatStats.MemberCardDay(d1.toString(), 5, 4, 3, 3, 2, 1, 1, 80, 90),
                new WeChatStats.MemberCardDay(d2.toString(), 1, 1, 1, 1, 1, 0, 0, 81, 91)));
        viewer.request().get(stats()).then().statusCode(200)
                .body(containsString("id=\"stats-member-cards\""))
                .body(containsString("<td colspan=\"3\" data-member=\"active\">3</td>"))
                .body(containsString("有效会员总人数（" + d2 + "）"))
                .body(containsString("<td colspan=\"3\" data-member=\"total\">81</td>"));
        viewer.request().queryParam("card", card).get(stats()).then().statusCode(200)
                .body(not(containsString("id=\"stats-member-cards\"")));

        // A day WeChat no longer lists in a window fetched again is removed, not kept.
        store.replaceMemberCards(tenant, 0, d1, d2, List.of(
                new WeChatStats.MemberCardDay(d1.toString(), 5, 4, 3, 3, 2, 1, 1, 80, 90)));
        assertEquals(1L, QuarkusTransaction.requiringNew()
                .call(() -> MemberCardStatsDay.count("tenantId", tenant)));
        viewer.request().get(stats()).then().statusCode(200)
                .body(containsString("<td colspan=\"3\" data-member=\"total\">80</td>"));
    }

    @Test
    void anotherTenantsStatisticsAndCardsAreNotFound() {
        Session stranger = Session.login("stats-pages-stranger");
        Account other = StatsFixtures.register(stranger, "别人的统计");
        String otherCard = StatsFixtures.card(other.tenantId(), "GIFT");
        String otherStats = "/t/" + other.tenantId() + "/stats";

        viewer.request().get(otherStats).then().statusCode(404);
        viewer.request().get(otherStats + ".csv").then().statusCode(404);
        stranger.request().get(stats()).then().statusCode(404);
        stranger.request().get(stats() + ".csv").then().statusCode(404);
        viewer.request().queryParam("card", otherCard).get(stats()).then().statusCode(404);
        viewer.request().queryParam("card", otherCard).get(stats() + ".csv").then().statusCode(404);
        viewer.request().queryParam("card", "pNoSuchCard").get(stats()).then().statusCode(404);
        stranger.request().get(otherStats).then().statusCode(200).body(not(containsString(card)));
    }
}
