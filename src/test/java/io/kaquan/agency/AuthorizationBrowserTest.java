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

/** In Chromium: an agency user connects a client's account by 授权接入, through the sandbox's authorization page. */
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
    }
}
