package io.kaquan.overview;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.testing.WithBrowser;
import io.quarkus.test.junit.QuarkusTest;

/** In Chromium: a shop owner's fresh sandbox account, its overview, and the settings' copy button and test push. */
@QuarkusTest
@WithBrowser
class OverviewBrowserTest {

    @Test
    void shouldWalkAFreshSandboxAccountFromItsChecklistToAProvenCallback(Page page) {
        long tenant = TestTenants.register(Session.login("alice"),
                Map.of("displayName", "小满奶茶", "sandbox", "true", "messageMode", "SAFE"));
        BrowserExtension.signIn(page, "alice");
        page.navigate(Session.appUrl().resolve("/t/" + tenant).toString());
        assertThat(page.locator("#first-run h2")).hasText("开始使用（已完成 1/5）");
        assertThat(page.locator("#live-today .received")).hasText("0");
        assertThat(page.locator("#cards-fine")).isVisible();
        Chromium.screenshot(page, "overview-01-fresh-account");

        page.click("#first-run li[data-step='VERIFY_CALLBACK'] a");
        assertThat(page.locator("#sandbox-connected")).isVisible();
        assertThat(page.locator("#callback-state")).hasText("尚未收到沙箱的推送");
        Chromium.screenshot(page, "overview-02-settings");

        page.context().grantPermissions(List.of("clipboard-read", "clipboard-write"));
        page.click("button[data-copy='callback-url']");
        assertThat(page.locator("button[data-copy='callback-url']")).hasText("已复制");
        String copied = (String) page.evaluate("() => navigator.clipboard.readText()");
        assertThat(page.locator("#callback-url")).hasText(copied);

        page.click("#test-push");
        assertThat(page.locator("#flash")).containsText("测试推送已发出");
        // htmx asks once a second until the push is in our inbox.
        assertThat(page.locator("#test-push-result")).containsText("回调可用",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(page.locator("#callback-state")).containsText("已收到沙箱的推送");
        Chromium.screenshot(page, "overview-03-test-push-arrived");

        page.navigate(Session.appUrl().resolve("/t/" + tenant).toString());
        assertThat(page.locator("#first-run li[data-step='VERIFY_CALLBACK']")).hasClass("done");
        assertThat(page.locator("#first-run h2")).hasText("开始使用（已完成 2/5）");
        Chromium.screenshot(page, "overview-04-callback-ticked");
    }
}
