package io.kaquan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;

import io.kaquan.callback.CallbackFixtures;
import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.WithBrowser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14: a session lasts a working day, and a stock change posted after it ended is not lost: the sign-in comes back
 * to the card page with what was typed and says that nothing was saved yet (it used to end on a 405 page).
 */
@QuarkusTest
@WithBrowser
class ExpiredSessionFormBrowserTest {

    @Test
    void sessionCookieLastsAWorkingDay(Page page, BrowserContext context) {
        BrowserExtension.signIn(page, "alice");
        Cookie session = context.cookies().stream().filter(c -> c.name.startsWith("q_session")).findFirst()
                .orElseThrow();
        Instant expires = Instant.ofEpochSecond(session.expires.longValue());
        assertTrue(expires.isAfter(Instant.now().plus(Duration.ofHours(9))), "session cookie expires " + expires);
    }

    @Test
    void stockChangePostedAfterTheSessionEndedComesBackAfterSigningIn(Page page, BrowserContext context) {
        CallbackFixtures.Account account = CallbackFixtures.account(Session.login("alice"), "SAFE");
        String cardId = TestCards.approved(account.tenantId(), "CASH");
        String cardPage = Session.appUrl().resolve("/t/" + account.tenantId() + "/cards/" + cardId).toString();

        BrowserExtension.signIn(page, "alice");
        page.navigate(cardPage);
        page.check("#direction-decrease");
        page.fill("#amount", "25");
        page.fill("#reason", "午市前清点，少了 25 张");
        // The session ends while the form is open (the browser drops the expired session cookie).
        context.clearCookies(new BrowserContext.ClearCookiesOptions().setName(Pattern.compile("q_session.*")));
        page.click("#stock-submit");

        // The login asks who is there, then returns to the card page, not to the form's action.
        page.click("button[name='predefined-alice']");
        assertThat(page).hasURL(cardPage);
        assertThat(page.locator("#flash")).containsText("登录已过期，刚才的内容还没有保存");
        assertThat(page.locator("#amount")).hasValue("25");
        assertThat(page.locator("#reason")).hasValue("午市前清点，少了 25 张");
        assertThat(page.locator("#direction-decrease")).isChecked();
        assertThat(page.locator("#stock-changes")).hasCount(0);
        assertEquals(1000, TestCards.stored(account.tenantId(), cardId).quantity);
        Chromium.screenshot(page, "session-01-form-kept-after-login");

        page.click("#stock-submit");
        assertThat(page.locator("#flash")).not().containsText("登录已过期");
        assertThat(page.locator("#stock-changes")).hasCount(1);
        assertEquals(975, TestCards.stored(account.tenantId(), cardId).quantity);
        Chromium.screenshot(page, "session-02-submitted-again");
    }
}
