package io.kaquan.code;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.WithBrowser;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** At the counter in a real Chromium: look a code up, invalidate it after the confirmation, see the user's cards. */
@QuarkusTest
@WithBrowser
class CodeBrowserTest {

    @Test
    void shouldLookUpACodeAndInvalidateIt(Page page) {
        CodeFixtures wx = CodeFixtures.tenant(Session.login("alice"), "柜台门店");
        String card = wx.card(false);
        JsonPath received = CodeFixtures.receive(card, "o_counter_guest");
        String code = received.getString("code");
        CodeFixtures.receive(card, "o_counter_guest");

        BrowserExtension.signIn(page, "alice");
        assertThat(page.locator("#current-user")).hasText("Alice");

        page.navigate(Session.appUrl().resolve("/t/" + wx.tenant).toString());
        page.click("#nav-codes");
        assertThat(page.locator("h1")).hasText("查码");
        page.fill("#code", code);
        page.check("#checkConsume-true");
        Chromium.screenshot(page, "codes-01-lookup");
        page.click("#lookup-submit");

        assertThat(page.locator("#result-status")).hasText("正常");
        assertThat(page.locator("#result-can-consume")).containsText("可以核销");
        assertThat(page.locator("#result-openid")).hasText("o_counter_guest");
        Chromium.screenshot(page, "codes-02-result");

        page.fill("#reason", "顾客退款");
        page.click("#invalidate-next");
        assertThat(page.locator("#confirm-code")).hasText(code);
        assertThat(page.locator("#confirm-reason")).hasText("顾客退款");
        Chromium.screenshot(page, "codes-03-confirm");
        page.click("#confirm-invalidate");

        assertThat(page.locator("#flash")).hasText("卡券码 " + code + " 已失效。");
        assertThat(page.locator("#result-status")).hasText("已失效");
        assertThat(page.locator("#result-can-consume")).containsText("不能核销");
        Chromium.screenshot(page, "codes-04-invalidated");

        page.click("#back-to-lookup");
        assertThat(page.locator("#recent-operations")).containsText("顾客退款");
        assertThat(page.locator("#recent-lookups")).containsText(code);
        Chromium.screenshot(page, "codes-05-recent");

        page.click("#users-link");
        page.fill("#openid", "o_counter_guest");
        page.click("#users-submit");
        assertThat(page.locator("#users-count")).hasText("1 个卡券码"); // the invalidated code left the wallet
        Chromium.screenshot(page, "codes-06-user-cards");
        assertEquals(UserCardStatus.UNAVAILABLE, wx.wechatStatus(card, code));
    }
}
