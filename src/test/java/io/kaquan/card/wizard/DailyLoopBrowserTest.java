package io.kaquan.card.wizard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.callback.CallbackFixtures;
import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.testing.WithBrowser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14 in Chromium: the wizard's review a shop owner can check (summary beside the preview, JSON folded), the
 * logo they uploaded on the card page and the edit form (with colour swatches), the pay-cell payments, the member
 * removal that asks first, the account switcher that keeps the section, styled filter bars and the favicon.
 */
@QuarkusTest
@WithBrowser
class DailyLoopBrowserTest {

    @Test
    void merchantsDailyPagesInChromium(Page page) {
        Session alice = Session.login("alice");
        CallbackFixtures.Account account = CallbackFixtures.account(alice, "PLAIN");
        long tenant = account.tenantId();
        String base = Session.appUrl().resolve("/t/" + tenant).toString();

        // The review step: a summary in words beside the preview; the JSON is there, folded.
        WizardClient wizard = new WizardClient(alice, tenant);
        long draft = wizard.start("DISCOUNT");
        wizard.walk(draft, "DISCOUNT", WizardFlowTest.fullSet("DISCOUNT", List.of()), WizardFlowTest.pictures());
        BrowserExtension.signIn(page, "alice");
        page.navigate(base + "/cards/new/" + draft + "/review");
        assertThat(page.locator("#sum-type")).hasText("折扣券");
        assertThat(page.locator("#sum-offer")).containsText("7.5折");
        assertThat(page.locator("#sum-stock")).hasText("5000 张");
        assertThat(page.locator("#sum-limit")).hasText("每人最多 3 张");
        assertThat(page.locator("#sum-entries")).containsText("在线商城");
        assertThat(page.locator("#sent-json")).not().isVisible();
        assertLoaded(page, "#sum-logo img");
        assertLoaded(page, "#wx-logo");
        Chromium.screenshot(page, "daily-01-review-summary");
        page.click("#json-details summary");
        assertThat(page.locator("#sent-json")).isVisible();

        // The card page: the logo through Kaquan, the pay-cell payments with their totals.
        String cardId = TestCards.approved(tenant, "CASH");
        String user = "oUser" + CallbackFixtures.hex(20);
        CallbackFixtures.pushXml(account, CallbackFixtures.eventXml(account, user, Instant.now().getEpochSecond(),
                "user_pay_from_pay_cell", "CardId", cardId, "UserCardCode", "400000000001", "TransId",
                "4200000000000000000009", "LocationId", "0", "Fee", "2550", "OriginalFee", "3050"));
        page.navigate(base + "/cards/" + cardId);
        assertLoaded(page, "#card-logo");
        page.waitForCondition(() -> {
            if (page.locator("#payments-count").count() == 0) {
                page.reload();
                return false;
            }
            return true;
        }, new Page.WaitForConditionOptions().setTimeout(30_000));
        assertThat(page.locator("#payments-paid")).hasText("25.50 元");
        assertThat(page.locator("#payments-saved")).hasText("5.00 元");
        page.locator("#payments").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "daily-02-card-page-logo-payments");

        // The edit form: the current logo and colours as swatches.
        page.navigate(base + "/cards/" + cardId + "/edit");
        assertLoaded(page, "#logo-now img");
        assertThat(page.locator("#colors input[type=radio]:checked")).hasCount(1);
        Chromium.screenshot(page, "daily-03-edit-swatches");

        // The switcher keeps the section: from this account's card list to the other account's card list.
        long other = TestTenants.register(alice, "切换测试商户");
        page.navigate(base + "/cards");
        page.click("#tenant-switcher summary");
        assertThat(page.locator("#tenant-switcher a[href='/t/" + other + "/cards']")).hasCount(1);
        Chromium.screenshot(page, "daily-04-card-list-filters-switcher");

        // Removing a member asks first.
        TestTenants.addMember(alice, tenant, "bob@example.com", "VIEWER");
        page.navigate(base + "/members");
        assertThat(page.locator("details.confirm form").first()).not().isVisible();
        page.locator("details.confirm summary").first().click();
        assertThat(page.locator("details.confirm form").first()).isVisible();
        Chromium.screenshot(page, "daily-05-member-remove-confirm");

        page.navigate(base + "/events");
        Chromium.screenshot(page, "daily-06-event-filters");
        assertTrue(page.request().get(Session.appUrl().resolve("/favicon.ico").toString()).ok(), "a favicon");
    }

    /** The image is shown, not broken: the browser decoded it. */
    private static void assertLoaded(Page page, String selector) {
        page.locator(selector).first().scrollIntoViewIfNeeded();
        page.waitForCondition(() -> Boolean.TRUE.equals(page.locator(selector).first()
                .evaluate("img => img.complete && img.naturalWidth > 0")));
    }
}
