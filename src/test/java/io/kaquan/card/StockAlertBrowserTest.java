package io.kaquan.card;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.kaquan.testing.Chromium;
import io.kaquan.callback.CallbackFixtures;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** In Chromium: WeChat's stock alarm appears on the account's overview, links to the card and is acknowledged. */
@QuarkusTest
class StockAlertBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void launch() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void close() {
        browser.close();
        playwright.close();
    }

    @Test
    void shouldShowAStockAlarmOnTheOverviewAndCloseIt() {
        CallbackFixtures.Account account = CallbackFixtures.account(Session.login("alice"), "SAFE");
        String cardId = TestCards.create(account.tenantId(), "GROUPON");
        CallbackFixtures.pushXml(account, CallbackFixtures.eventXml(account, "oUser" + CallbackFixtures.hex(20),
                Instant.now().getEpochSecond(), "card_sku_remind", "CardId", cardId, "Detail",
                "the card's quantity is less than or equal to 100"));

        try (BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1280, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            page.navigate(Session.appUrl().toString());
            page.click("button[name='predefined-alice']");
            String overview = Session.appUrl().resolve("/t/" + account.tenantId()).toString();
            // The push is processed asynchronously: reload until the alarm is there.
            long deadline = System.currentTimeMillis() + 20_000;
            do {
                page.navigate(overview);
            } while (page.locator("#stock-alerts").count() == 0 && System.currentTimeMillis() < deadline);

            assertThat(page.locator("#stock-alerts h2")).hasText("库存报警");
            assertThat(page.locator("#stock-alerts a")).hasText("双人套餐券");
            assertThat(page.locator("#stock-alerts tbody td").nth(1)).hasText("库存不超过 100");
            assertThat(page.locator("#stock-alerts a")).hasAttribute("href",
                    "/t/" + account.tenantId() + "/cards/" + cardId);
            Chromium.screenshot(page, "callback-01-stock-alert");

            page.click("#stock-alerts button");
            assertThat(page.locator("#flash")).containsText("库存报警已关闭");
            assertThat(page.locator("#stock-alerts")).hasCount(0);
            Chromium.screenshot(page, "callback-02-stock-alert-closed");
        }
    }
}
