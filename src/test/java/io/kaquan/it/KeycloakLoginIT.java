package io.kaquan.it;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.kaquan.testing.Chromium;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar, prod profile) logged into through a real Keycloak
 * with the realm of deploy/keycloak, in Debian's Chromium.
 */
@QuarkusIntegrationTest
@WithTestResource(KeycloakTestResource.class)
class KeycloakLoginIT {

    private static final Pattern KEYCLOAK_LOGIN_URL = Pattern.compile(".*/realms/kaquan/protocol/openid-connect/auth\\?.*");
    /** After a failed attempt Keycloak shows its login form again under login-actions/authenticate. */
    private static final Pattern KEYCLOAK_LOGIN_ACTION_URL = Pattern
            .compile(".*/realms/kaquan/login-actions/authenticate\\?.*");
    /** The layout's platform-admin badge, rendered only for the kaquan-admin role (read from Keycloak's access token). */
    private static final String PLATFORM_ADMIN_BADGE = ".user-menu .badge";

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launchBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openFreshBrowserContext() {
        // A fresh context per test: no cookies, so no session at the app nor at Keycloak.
        context = browser.newContext();
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void shouldSignInThroughKeycloakAndSignOutAgain() {
        openAppAndExpectKeycloakLogin("keycloak-login-page");

        signInOnKeycloak("admin", "admin");

        assertThat(page.locator("#current-user")).containsText("Kaquan Admin");
        assertThat(page.locator(PLATFORM_ADMIN_BADGE)).isVisible();
        screenshot("keycloak-admin-signed-in");

        page.locator("#logout").click(); // a form button: signing out is a POST
        // Quarkus ends the Keycloak session (RP-initiated logout), Keycloak sends the browser back to "/",
        // which is protected, so the browser ends on Keycloak's login page again.
        expectKeycloakLoginPage();
        screenshot("keycloak-after-logout");

        openAppAndExpectKeycloakLogin("keycloak-login-page-after-logout");
        assertTrue(page.locator("#current-user").count() == 0, "no signed-in user after logout");
    }

    @Test
    void shouldSignInThroughKeycloakAsMerchantWithoutPlatformAdminRights() {
        openAppAndExpectKeycloakLogin(null);

        signInOnKeycloak("merchant", "merchant");

        assertThat(page.locator("#current-user")).containsText("Demo Merchant");
        assertThat(page.locator(PLATFORM_ADMIN_BADGE)).hasCount(0);
        screenshot("keycloak-merchant-signed-in");
    }

    @Test
    void shouldStayOnKeycloakLoginPageWhenPasswordIsWrong() {
        openAppAndExpectKeycloakLogin(null);

        page.locator("#username").fill("admin");
        page.locator("#password").fill("not-the-password");
        page.locator("#password").press("Enter");

        assertThat(page.locator("#input-error-username")).isVisible(); // "Invalid username or password."
        assertThat(page).hasURL(KEYCLOAK_LOGIN_ACTION_URL);
        assertThat(page.locator("#password")).isVisible();
        assertTrue(page.locator("#current-user").count() == 0, "not signed in with a wrong password");
        screenshot("keycloak-wrong-password");
    }

    private void openAppAndExpectKeycloakLogin(String screenshotName) {
        page.navigate(root.toString());
        expectKeycloakLoginPage();
        if (screenshotName != null) {
            screenshot(screenshotName);
        }
    }

    private void expectKeycloakLoginPage() {
        assertThat(page).hasURL(KEYCLOAK_LOGIN_URL);
        assertThat(page.locator("#username")).isVisible();
        assertThat(page.locator("#password")).isVisible();
    }

    private void signInOnKeycloak(String username, String password) {
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        // Back on the application, without any "update your profile" step in between.
        String appOrigin = root.getProtocol() + "://" + root.getAuthority();
        page.waitForURL(url -> url.startsWith(appOrigin));
    }

    private void screenshot(String name) {
        Chromium.screenshot(page, name);
    }
}
