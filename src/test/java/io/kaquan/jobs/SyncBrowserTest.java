package io.kaquan.jobs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.testing.WithBrowser;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.test.junit.QuarkusTest;

/** In Chromium: an owner opens the sync page, clicks "sync now", sees the card made behind Kaquan's back counted. */
@QuarkusTest
@WithBrowser
class SyncBrowserTest {

    @Inject
    WeChatGateway gateway;

    @Test
    void syncNowFromTheSyncPage(Page page) {
        long tenant = TestTenants.register(Session.login("carol"), "浏览器同步");
        TestCards.create(tenant, "CASH");
        gateway.forTenant(tenant).cardCreate(TestCards.body(tenant, "GIFT", card -> {
        })); // made elsewhere

        BrowserExtension.signIn(page, "carol");
        assertThat(page.locator("#current-user")).hasText("Carol");

        page.navigate(Session.appUrl().resolve("t/" + tenant + "/sync").toString());
        assertThat(page.locator("h1")).hasText("同步");
        assertThat(page.locator("#sync-jobs tr[data-job='card-status'] .last-run")).hasText("从未运行");
        page.click("#sync-now");
        assertThat(page.locator("#flash")).containsText("卡券状态已同步");
        assertThat(page.locator("#flash")).containsText("新发现 1 张");
        assertThat(page.locator("#sync-runs tr[data-job='card-status'][data-result='OK']")).hasCount(1);
        Chromium.screenshot(page, "sync-01-after-sync-now");

        page.click("#switch-language");
        assertThat(page.locator("h1")).hasText("Sync");
        Chromium.screenshot(page, "sync-02-english");

        page.navigate(Session.appUrl().resolve("sync").toString());
        assertThat(page.locator("h1")).hasText("Sync overview");
        Chromium.screenshot(page, "sync-03-overview");
    }
}
