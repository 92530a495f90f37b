package io.kaquan.card;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.callback.CallbackFixtures;
import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.WithBrowser;
import io.quarkus.test.junit.QuarkusTest;

/** In Chromium: WeChat's stock alarm appears on the account's overview, links to the card and is acknowledged. */
@QuarkusTest
@WithBrowser
class StockAlertBrowserTest {

    @Test
    void shouldShowAStockAlarmOnTheOverviewAndCloseIt(Page page) {
        CallbackFixtures.Account account = CallbackFixtures.account(Session.login("alice"), "SAFE");
        String cardId = TestCards.create(account.tenantId(), "GROUPON");
        CallbackFixtures.pushXml(account, CallbackFixtures.eventXml(account, "oUser" + CallbackFixtures.hex(20),
                Instant.now().getEpochSecond(), "card_sku_remind", "CardId", cardId, "Detail",
                "the card's quantity is less than or equal to 100"));

        BrowserExtension.signIn(page, "alice");
        String overview = Session.appUrl().resolve("/t/" + account.tenantId()).toString();
        // The push is processed asynchronously: reload until the alarm is there (on this thread, as Playwright needs).
        Awaitility.await("the stock alarm on the overview").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200)).pollInSameThread().until(() -> {
                    page.navigate(overview);
                    return page.locator("#stock-alerts").count() > 0;
                });

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
