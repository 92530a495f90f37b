package io.kaquan.stats;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.kaquan.stats.StatsFixtures.receive;
import static io.kaquan.stats.StatsFixtures.today;
import static io.kaquan.stats.StatsFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.stats.StatsFixtures.Account;
import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.WithBrowser;
import io.quarkus.test.junit.QuarkusTest;

/** The dashboard in Chromium: the charts are drawn (with Chinese labels and a CJK font), the table beside them. */
@QuarkusTest
@WithBrowser
class StatsBrowserTest {

    @Inject
    StatsSync sync;

    @Test
    void showsChartsAndTableInChineseAndFiltersByCard(Page page) {
        Account account = StatsFixtures.register(Session.login("carol"), "图表商户");
        LocalDate t = today();
        String cash = StatsFixtures.card(account.tenantId(), "CASH");
        String gift = StatsFixtures.card(account.tenantId(), "GIFT");
        for (int daysAgo = 20; daysAgo >= 1; daysAgo--) {
            LocalDate day = t.minusDays(daysAgo);
            for (int i = 0; i < 1 + daysAgo % 4; i++) {
                String code = receive(daysAgo % 3 == 0 ? gift : cash, "oChart" + daysAgo + "x" + i, day);
                if (i % 2 == 0) {
                    user(account, code, "view", day, 12);
                }
                if (i == 1) {
                    user(account, code, "consume", day, 15);
                }
            }
        }
        sync.syncTenant(account.tenantId(), t);

        page.setViewportSize(1400, 900);
        BrowserExtension.signIn(page, "carol");
        assertThat(page.locator("#current-user")).hasText("Carol");

        page.navigate(Session.appUrl().resolve("t/" + account.tenantId() + "/stats").toString());
        assertThat(page.locator("h1")).hasText("数据统计");
        assertThat(page.locator("#stats-chart-times")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#stats-chart-people")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#stats-daily caption")).hasText("每日数据");
        assertThat(page.locator("#stats-daily tbody tr")).hasCount(30);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) page.evaluate(
                "() => Chart.getChart('stats-chart-times').data.datasets.map(d => d.label)");
        assertEquals(List.of("浏览", "领取", "核销", "转赠", "过期"), labels);
        String font = (String) page.evaluate("() => Chart.defaults.font.family");
        assertTrue(font.contains("WenQuanYi Zen Hei") && font.contains("Noto Sans CJK SC"), font);
        Number drawnWidth = (Number) page.evaluate("() => document.getElementById('stats-chart-times').width");
        assertTrue(drawnWidth.intValue() > 100, "canvas width " + drawnWidth);
        Chromium.screenshot(page, "stats-dashboard");

        assertThat(page.locator("#cardq")).hasCount(0); // two cards: a plain list
        assertThat(page.locator("#card option")).hasCount(3);
        page.selectOption("#card", gift);
        page.click("#stats-apply");
        assertThat(page.locator("#card")).hasValue(gift);
        assertThat(page.locator("#stats-range")).containsText("双人套餐券");
        assertThat(page.locator("#stats-chart-times")).hasAttribute("data-rendered", "true");
        Chromium.screenshot(page, "stats-card");

        page.click("#switch-language");
        assertThat(page.locator("h1")).hasText("Statistics");
        assertThat(page.locator("#stats-chart-times")).hasAttribute("data-rendered", "true");
        @SuppressWarnings("unchecked")
        List<String> english = (List<String>) page.evaluate(
                "() => Chart.getChart('stats-chart-people').data.datasets.map(d => d.label)");
        assertEquals(List.of("Views", "Receipts", "Redemptions", "Gifts", "Expiries"), english);
        Chromium.screenshot(page, "stats-english");
    }

    /** 1,000 cards: the newest are listed, the others found by typing (htmx swaps the list), in Chinese. */
    @Test
    void findsOneOfAThousandCardsBySearch(Page page) {
        Account account = StatsFixtures.register(Session.login("carol"), "千张卡券商户");
        List<String> cards = StatsFixtures.mirrorCards(account.tenantId(), "周年庆满减券", 1000);
        page.setViewportSize(1400, 900);
        BrowserExtension.signIn(page, "carol");
        page.navigate(Session.appUrl().resolve("t/" + account.tenantId() + "/stats").toString());
        assertThat(page.locator("#card option")).hasCount(1 + StatsReport.PICKER_SIZE);
        assertThat(page.locator("#card-picker-more")).containsText("列出最新的 20 张卡券");
        Chromium.screenshot(page, "stats-picker-1000");

        page.fill("#cardq", "周年庆满减券777");
        assertThat(page.locator("#card option")).hasCount(2);
        assertThat(page.locator("#card option").nth(1)).hasText("周年庆满减券777 · 代金券");
        Chromium.screenshot(page, "stats-picker-search");
        page.selectOption("#card", cards.get(777));
        page.click("#stats-apply");
        assertThat(page.locator("#stats-range")).containsText("周年庆满减券777");
        assertThat(page.locator("#card")).hasValue(cards.get(777));
        assertThat(page.locator("#cardq")).hasValue("周年庆满减券777");

        page.fill("#cardq", "没有这张券");
        assertThat(page.locator("#card-picker-none")).hasText("没有名称或卡券 ID 匹配“没有这张券”的卡券。");
        assertThat(page.locator("#card option")).hasCount(2); // all cards, and the card shown
        Chromium.screenshot(page, "stats-picker-none");
    }
}
