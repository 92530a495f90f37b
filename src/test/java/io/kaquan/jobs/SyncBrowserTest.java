package io.kaquan.jobs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** In Chromium: an owner opens the sync page, clicks "sync now", sees the card made behind Kaquan's back counted. */
@QuarkusTest
class SyncBrowserTest {

    static Playwright playwright;
    static Browser browser;

    @Inject
    WeChatGateway gateway;

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
    void syncNowFromTheSyncPage() {
        long tenant = TestTenants.register(Session.login("carol"), "浏览器同步");
        TestCards.create(tenant, "CASH");
        gateway.forTenant(tenant).cardCreate(TestCards.body(tenant, "GIFT", card -> { })); // made elsewhere

        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(20_000);
        try {
            Page page = context.newPage();
            page.navigate(Session.appUrl().toString());
            page.click("button[name='predefined-carol']");
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
        } finally {
            context.close();
        }
    }
}
