package io.kaquan.code;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A cashier on a 360 px phone, keyboard only: the code field has the focus, typing and Enter look the code up, Tab
 * reaches the big button, Enter redeems, the success screen is green and the field is ready for the next customer.
 */
@QuarkusTest
class CounterBrowserTest {

    static Playwright playwright;
    static Browser browser;

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
    void shouldWalkACashierThroughLookupRedeemAndSuccessWithTheKeyboardOnPhoneWidth() {
        CodeFixtures wx = CodeFixtures.tenant(Session.login("alice"), "柜台核销");
        String card = wx.card(false);
        String code = CodeFixtures.receive(card);
        String next = CodeFixtures.receive(card);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(360, 740).setDeviceScaleFactor(2).setHasTouch(true).setIsMobile(true))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            page.navigate(Session.appUrl().toString());
            page.click("button[name='predefined-alice']");
            assertThat(page.locator("#current-user")).hasText("Alice");

            page.navigate(Session.appUrl().resolve("/t/" + wx.tenant).toString());
            assertThat(page.locator("#nav-counter")).hasText("核销");
            page.navigate(Session.appUrl().resolve("/t/" + wx.tenant + "/counter").toString());
            assertThat(page.locator("h1")).hasText("核销");
            assertFocused(page, "code");
            page.keyboard().type(code);
            fitsWidth(page);
            Chromium.screenshot(page, "counter-01-scan");
            page.keyboard().press("Enter");

            assertThat(page.locator("#counter-status")).hasText("正常");
            assertThat(page.locator("#counter-offer")).containsText("满");
            assertThat(page.locator("#counter-validity")).containsText("北京时间");
            assertFocused(page, "code"); // a next scan still lands in the field
            Chromium.screenshot(page, "counter-02-result");
            page.keyboard().press("Tab");
            assertFocused(page, "counter-lookup");
            page.keyboard().press("Tab");
            assertFocused(page, "redeem");
            fitsWidth(page);
            Chromium.screenshot(page, "counter-03-redeem-focused");
            page.keyboard().press("Enter");

            assertThat(page.locator("#counter-success")).containsText("已核销");
            assertThat(page.locator("#success-code")).hasText(code);
            assertThat(page.locator("#shift-list li").first()).containsText(code);
            assertFocused(page, "code");
            fitsWidth(page);
            Chromium.screenshot(page, "counter-04-success");

            // the next customer shows the code just redeemed again: refused in words, no button
            page.keyboard().type(code);
            page.keyboard().press("Enter");
            assertThat(page.locator("#counter-refusal")).hasText("不能核销：这个码的状态是「已核销」。");
            assertThat(page.locator("#redeem")).hasCount(0);
            Chromium.screenshot(page, "counter-05-refused");

            page.keyboard().type(next);
            page.keyboard().press("Enter");
            assertThat(page.locator("#counter-status")).hasText("正常");
        }
        assertEquals(UserCardStatus.CONSUMED, wx.wechatStatus(card, code));
        assertEquals(UserCardStatus.NORMAL, wx.wechatStatus(card, next));
    }

    private static void assertFocused(Page page, String id) {
        assertEquals(id, page.evaluate("() => document.activeElement && document.activeElement.id"));
    }

    /** Nothing wider than the phone: no sideways scrolling at the counter. */
    private static void fitsWidth(Page page) {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertTrue(((Number) width).intValue() <= 360, "page is " + width + " px wide");
    }
}
