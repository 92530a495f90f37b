package io.kaquan.card;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.kaquan.callback.CallbackFixtures;
import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.WithBrowser;
import io.quarkus.test.junit.QuarkusTest;

/** In Chromium: an open card page shows WeChat's review result and new receipts without being reloaded. */
@QuarkusTest
@WithBrowser
class CardLiveBrowserTest {

    /** A deadline well past two poll periods (kaquan.cards.live-refresh: 2 s in tests) and the push's way through the inbox. */
    private static final double LIVE_TIMEOUT_MS = 30_000;

    @Test
    void theCardPageUpdatesItsStatusBadgeWithoutReloadAfterAReviewPush(Page page) {
        CallbackFixtures.Account account = CallbackFixtures.account(Session.login("alice"), "SAFE");
        String cardId = TestCards.create(account.tenantId(), "GROUPON");

        BrowserExtension.signIn(page, "alice");
        page.navigate(Session.appUrl().resolve("/t/" + account.tenantId() + "/cards/" + cardId).toString());
        assertThat(page.locator("#card-status")).hasText("待审核");
        assertThat(page.locator("#stock-live")).containsText("剩余 1000 / 总量 1000");
        page.evaluate("() => { window.kaquanNotReloaded = true; }");
        Chromium.screenshot(page, "card-live-1-pending");

        TestCards.review(cardId, true, null);
        TestCards.receive(cardId);
        assertThat(page.locator("#card-status")).hasText("通过审核",
                new LocatorAssertions.HasTextOptions().setTimeout(LIVE_TIMEOUT_MS));
        assertThat(page.locator("#stock-live")).containsText("剩余 999 / 总量 1000",
                new LocatorAssertions.ContainsTextOptions().setTimeout(LIVE_TIMEOUT_MS));
        assertThat(page.locator("#stock-freshness")).containsText("按微信推送更新");
        // the same figures further down the page follow (one status and one stock on the page)
        assertThat(page.locator("#fact-status")).hasText("通过审核");
        assertThat(page.locator("#stock-now")).hasText("剩余 999 / 总量 1000");
        assertEquals(Boolean.TRUE, page.evaluate("() => window.kaquanNotReloaded === true"), "no reload");
        Chromium.screenshot(page, "card-live-2-approved");
    }
}
