package io.kaquan.agency;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.sandbox.SandboxFixtures;
import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.WithBrowser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * In Chromium: an agency user connects a client's account by 授权接入, through the sandbox's authorization page, sees it
 * on its settings page, and finds it again with the switcher's search.
 */
@QuarkusTest
@WithBrowser
class AuthorizationBrowserTest {

    @BeforeAll
    static void platform() {
        TestPlatform.ensure();
    }

    @Test
    void shouldConnectAnAccountByAuthorization(Page page) {
        JsonPath account = SandboxFixtures.account(Map.of("owner", "bob"));
        BrowserExtension.signIn(page, "bob");
        page.navigate(Session.appUrl().resolve("/tenants/new").toString());
        page.click("#authorize-way a");
        assertThat(page.locator("h1")).hasText("授权接入公众号");
        assertThat(page.locator("#authorize-qr svg")).isVisible();
        Chromium.screenshot(page, "agency-01-authorization-link");

        page.click("#authorize-open");
        assertThat(page.locator("h1")).hasText("公众号授权（沙箱）");
        page.check("input[name='authorizer'][value='" + account.getString("appid") + "']");
        assertThat(page.locator("input[name='sets'][value='8']")).isChecked();
        Chromium.screenshot(page, "agency-02-administrator-authorizes");

        page.click("#authorize-submit");
        assertThat(page.locator("#flash")).containsText("已授权接入公众号");
        Chromium.screenshot(page, "agency-03-connected");

        // The settings of an authorized account: the authorizer and its authorization, no AppSecret forms.
        String tenantPath = java.net.URI.create(page.url()).getPath();
        page.navigate(Session.appUrl().resolve(tenantPath + "/settings").toString());
        assertThat(page.locator("#authorization-state")).hasText("已连接");
        assertThat(page.locator("#authorizer-original-id")).hasText(account.getString("originalId"));
        assertThat(page.locator("#authorizer-permissions")).containsText("微信卡券");
        assertThat(page.locator("#credentials")).hasCount(0);
        assertThat(page.locator("#callback-config")).hasCount(0);
        Chromium.screenshot(page, "agency-04-settings-authorized");

        // The switcher finds the account by its AppID as the user types and keeps the section.
        page.navigate(Session.appUrl().resolve("/").toString());
        page.click("#tenant-switcher summary");
        page.fill("#tenant-switcher input[name='q']", account.getString("appid"));
        assertThat(page.locator("#switcher-list a[href='" + tenantPath + "']")).hasCount(1);
        assertThat(page.locator("#switcher-list li a")).hasCount(1);
        Chromium.screenshot(page, "agency-05-switcher-search");
        page.navigate(Session.appUrl().resolve(tenantPath + "/cards").toString());
        page.click("#tenant-switcher summary");
        page.fill("#tenant-switcher input[name='q']", account.getString("appid"));
        assertThat(page.locator("#switcher-list a[href='" + tenantPath + "/cards']")).hasCount(1);
        // Without JavaScript the same search is a plain form: its result page lists the same link.
        page.navigate(Session.appUrl().resolve("/switch?section=%2Fcards&q=" + account.getString("appid")).toString());
        assertThat(page.locator("#switcher-results a[href='" + tenantPath + "/cards']")).hasCount(1);
        Chromium.screenshot(page, "agency-06-switcher-results");
    }
}
