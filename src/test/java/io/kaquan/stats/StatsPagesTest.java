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
                .body(containsString("双人套餐券 · "))
                // A few cards are a plain list: no search needed.
                .body(not(containsString("id=\"cardq\"")))
                .body(not(containsString("id=\"card-picker-more\"")));
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
        // The picker's search never finds another tenant's card, by id or title, and its list is not a stranger's.
        viewer.request().queryParam("cardq", otherCard).get(stats()).then().statusCode(200)
                .body(not(containsString("<option value=\"" + otherCard)))
                .body(containsString("没有名称或卡券 ID 匹配“" + otherCard + "”的卡券。"));
        viewer.request().queryParam("cardq", otherCard).get(stats() + "/cards").then().statusCode(200)
                .body(not(containsString("<option value=\"" + otherCard)));
        stranger.request().get(stats() + "/cards").then().statusCode(404);
        viewer.request().get(otherStats + "/cards").then().statusCode(404);
    }

    @Test
    void manyCardsAreListedNewestFirstAndFoundBySearch() {
        List<String> many = StatsFixtures.mirrorCards(account.tenantId(), "满减券", 50);
        String page = viewer.request().get(stats()).then().statusCode(200)
                .body(containsString("id=\"cardq\""))
                .body(containsString("列出最新的 20 张卡券；其他卡券请按名称或卡券 ID 搜索。"))
                .extract().asString();
        for (int i = 0; i < 50; i++) {
            assertEquals(i < StatsReport.PICKER_SIZE, page.contains("<option value=\"" + many.get(i) + "\">"),
                    "card " + i);
        }
        // Without JavaScript the form's search narrows the list; a chosen card stays listed and selected.
        viewer.request().queryParam("cardq", "满减券37").queryParam("card", many.get(3)).get(stats()).then()
                .statusCode(200)
                .body(containsString("<option value=\"" + many.get(37) + "\">满减券37 · "))
                .body(containsString("<option value=\"" + many.get(3) + "\" selected>"))
                .body(not(containsString("<option value=\"" + many.get(36) + "\">")))
                .body(containsString("value=\"满减券37\""));
        viewer.request().queryParam("cardq", " " + many.get(45) + " ").get(stats()).then().statusCode(200)
                .body(containsString("<option value=\"" + many.get(45) + "\">"));
        // The list htmx swaps as the merchant types: only the select, the cards matching.
        String list = viewer.request().queryParam("cardq", "满减券4").get(stats() + "/cards").then().statusCode(200)
                .body(containsString("<div id=\"card-select\">"))
                .body(not(containsString("<html")))
                .extract().asString();
        assertEquals(11, list.split("<option value=\"p").length - 1, list); // 满减券4 and 满减券40…49
        viewer.request().queryParam("cardq", "100%_").get(stats() + "/cards").then().statusCode(200)
                .body(containsString("没有名称或卡券 ID 匹配“100%_”的卡券。"));
        viewer.request().queryParam("cardq", "x".repeat(500)).get(stats()).then().statusCode(200);
    }

    @Test
    void aCardOnlyWeChatsStatisticsKnowIsListedAndFoundByItsId() {
        String gone = "pGone" + TestTenants.hex(8);
        insertCardDay(account.tenantId(), gone, t.minusDays(2), 1, 7);
        viewer.request().get(stats()).then().statusCode(200)
                .body(containsString("<option value=\"" + gone + "\">" + gone + "</option>"));
        StatsFixtures.mirrorCards(account.tenantId(), "新券", 30);
        viewer.request().get(stats()).then().statusCode(200).body(not(containsString(gone)));
        viewer.request().queryParam("cardq", gone).get(stats()).then().statusCode(200)
                .body(containsString("<option value=\"" + gone + "\">" + gone + "</option>"));
        viewer.request().queryParam("card", gone).queryParam("from", t.minusDays(2).toString())
                .queryParam("to", t.minusDays(2).toString()).get(stats()).then().statusCode(200)
                .body(containsString("<option value=\"" + gone + "\" selected>"))
                .body(containsString("<td data-metric=\"VIEW\" data-kind=\"times\">7</td>"));
    }

    /**
     * The figures are the plain sums of the stored days, both sources added, the range's first and last China days
     * included and the days beside them not: for the whole account and for one card.
     */
    @Test
    void figuresAreThePlainSumsOfTheStoredDays() {
        long tenant = account.tenantId();
        LocalDate base = storeDaysBeforeTheSync(tenant, 12);
        LocalDate[][] ranges = { { base.plusDays(2), base.plusDays(8) }, { base.plusDays(5), base.plusDays(5) },
                { base.minusDays(3), base.plusDays(15) }, { base.plusDays(11), base.plusDays(11) } };
        for (LocalDate[] range : ranges) {
            for (String cardId : java.util.Arrays.asList(null, card)) {
                var request = viewer.request().queryParam("from", range[0].toString())
                        .queryParam("to", range[1].toString());
                if (cardId != null) {
                    request.queryParam("card", cardId);
                }
                String page = request.get(stats()).then().statusCode(200).extract().asString();
                String totals = page.substring(page.indexOf("id=\"stats-totals\""), page.indexOf("</table>",
                        page.indexOf("id=\"stats-totals\"")));
                long[] sums = sums(tenant, cardId, range[0], range[1]);
                int i = 0;
                for (String kind : List.of("times", "people")) {
                    for (Metric metric : Metric.values()) {
                        String cell = "<td data-metric=\"" + metric + "\" data-kind=\"" + kind + "\">";
                        int at = totals.indexOf(cell) + cell.length();
                        assertEquals(sums[i++], Long.parseLong(totals.substring(at, totals.indexOf('<', at))),
                                metric + " " + kind + " " + range[0] + "…" + range[1] + " " + cardId);
                    }
                }
            }
        }
    }

    /**
     * Each row of the daily table (its cells are written in Java, {@link DailyCells}) holds that day's plain sums, times
     * then people of each kind in the order of the table's head, zeros on days WeChat had nothing: for the whole
     * account and for one card.
     */
    @Test
    void everyDailyRowHoldsThatDaysSumsInTheOrderOfTheHead() {
        long tenant = account.tenantId();
        LocalDate base = storeDaysBeforeTheSync(tenant, 6);
        LocalDate from = base.minusDays(2);
        LocalDate to = base.plusDays(7);
        for (String cardId : java.util.Arrays.asList(null, card)) {
            var request = viewer.request().queryParam("from", from.toString()).queryParam("to", to.toString());
            if (cardId != null) {
                request.queryParam("card", cardId);
            }
            String page = request.get(stats()).then().statusCode(200).extract().asString();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                String start = "<tr data-day=\"" + day + "\">";
                int at = page.indexOf(start);
                String row = page.substring(at, page.indexOf("</tr>", at));
                long[] sums = sums(tenant, cardId, day, day); // times of each kind, then people of each kind
                StringBuilder expected = new StringBuilder();
                for (int m = 0; m < Metric.values().length; m++) {
                    Metric metric = Metric.values()[m];
                    expected.append("<td data-metric=\"").append(metric).append("\" data-kind=\"times\">")
                            .append(sums[m]).append("</td><td data-metric=\"").append(metric)
                            .append("\" data-kind=\"people\">").append(sums[Metric.values().length + m])
                            .append("</td>");
                }
                assertEquals(start + "\n        <th scope=\"row\">" + day + "</th>\n        " + expected + "\n      ",
                        row, day + " " + cardId);
            }
        }
    }

    /**
     * Stores {@code days} days of figures from both sources, for the account and for {@link #card}, each day's different,
     * starting 300 days ago (before the days the sync stored); returns the first day.
     */
    private LocalDate storeDaysBeforeTheSync(long tenant, int days) {
        LocalDate base = t.minusDays(300);
        for (int d = 0; d < days; d++) {
            insertAccountDay(tenant, base.plusDays(d), 0, 3 * d + 1);
            insertAccountDay(tenant, base.plusDays(d), 1, 5 * d + 2);
            insertCardDay(tenant, card, base.plusDays(d), 1, 7 * d + 3);
        }
        return base;
    }

    private static long[] sums(long tenant, String cardId, LocalDate from, LocalDate to) {
        String columns = "view_cnt, receive_cnt, verify_cnt, given_cnt, expire_cnt, "
                + "view_user, receive_user, verify_user, given_user, expire_user";
        String sql = "select " + Arrays.stream(columns.split(", ")).map(c -> "coalesce(sum(" + c + "), 0)")
                .reduce((a, b) -> a + ", " + b).orElseThrow()
                + (cardId == null ? " from account_stats_daily where tenant_id = ?1"
                        : " from card_stats_daily where tenant_id = ?1 and card_id = ?4")
                + " and day >= ?2 and day <= ?3";
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                    .createNativeQuery(sql).setParameter(1, tenant).setParameter(2, from).setParameter(3, to);
            if (cardId != null) {
                query.setParameter(4, cardId);
            }
            Object[] row = (Object[]) query.getSingleResult();
            return Arrays.stream(row).mapToLong(v -> ((Number) v).longValue()).toArray();
        });
    }

    private static void insertAccountDay(long tenant, LocalDate day, int source, int n) {
        execute("""
                insert into account_stats_daily (tenant_id, day, cond_source, view_cnt, view_user, receive_cnt,
                    receive_user, verify_cnt, verify_user, given_cnt, given_user, expire_cnt, expire_user)
                values (?1, ?2, ?3, ?4, ?4 - 1, ?4 + 2, ?4 % 3, ?4 % 5, ?4 % 2, ?4 % 7, ?4 % 4, ?4 % 11, ?4 % 6)""",
                tenant, day, source, n);
    }

    private static void insertCardDay(long tenant, String cardId, LocalDate day, int source, int n) {
        execute("""
                insert into card_stats_daily (tenant_id, card_id, day, cond_source, card_type, is_pay, view_cnt,
                    view_user, receive_cnt, receive_user, verify_cnt, verify_user, given_cnt, given_user, expire_cnt,
                    expire_user)
                values (?1, ?5, ?2, ?3, 1, 0, ?4, ?4 - 1, ?4 + 2, ?4 % 3, ?4 % 5, ?4 % 2, ?4 % 7, ?4 % 4, ?4 % 11,
                    ?4 % 6)""", tenant, day, source, n, cardId);
    }

    private static void execute(String sql, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                    .createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }
}
