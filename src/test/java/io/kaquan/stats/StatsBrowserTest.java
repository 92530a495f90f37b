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
}
