package io.kaquan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.testing.WithBrowser;
import io.quarkus.test.junit.QuarkusTest;

/** A merchant's first minutes, in a real Chromium: sign in, connect an account, invite a colleague, switch language. */
@QuarkusTest
@WithBrowser
class BrowserFlowTest {

    Page page;

    @BeforeEach
    void openPage(Page page) {
        this.page = page;
    }

    @Test
    void shouldSignInConnectAnAccountInviteAColleagueAndSwitchLanguage() {
        Session.login("bob"); // the colleague has signed in once: he is invited by name, and joins through the link
        signInAs("alice");
        assertThat(page.locator("h1")).hasText("我的公众号");
        Chromium.screenshot(page, "01-home");

        page.click("#register-tenant");
        page.fill("#displayName", "浏览器门店");
        String appid = TestTenants.appid();
        String appsecret = TestTenants.hex(32);
        String originalId = TestTenants.originalId();
        TestTenants.wechatAccount(appid, appsecret, originalId); // WeChat's side of the account (the sandbox in tests)
        page.fill("#appid", appid);
        page.fill("#appsecret", appsecret);
        page.fill("#originalId", originalId);
        page.selectOption("#messageMode", "SAFE");
        Chromium.screenshot(page, "02-register-form");
        page.click("#register-submit");

        assertThat(page.locator("#flash")).containsText("已接入公众号「浏览器门店」");
        assertThat(page.locator("#revealed-aes-key")).hasText(Pattern.compile("[A-Za-z0-9]{43}"));
        assertThat(page.locator("#callback-url")).containsText("/wechat/callback");
        Chromium.screenshot(page, "03-settings-after-register");

        page.click("nav.tenant-nav >> text=成员");
        page.fill("#email", "bob@example.com");
        page.selectOption("#role", "OPERATOR");
        page.click("#invite-submit");
        assertThat(page.locator("#flash")).containsText("已邀请 Bob");
        assertThat(page.locator("#invitations")).containsText("bob@example.com");
        assertThat(page.locator("#invitations .invitation-link")).hasValue(
                Pattern.compile(".*/invitations/.+"));
        Chromium.screenshot(page, "04-members");

        page.click("#switch-language");
        assertThat(page.locator("h1")).hasText("Members");
        assertThat(page.locator("#switch-language")).hasText("中文");
        Chromium.screenshot(page, "05-members-english");
        page.click("#switch-language");
        assertThat(page.locator("h1")).hasText("成员");

        page.click("#tenant-switcher summary");
        assertThat(page.locator("#tenant-switcher")).containsText("浏览器门店");
        Chromium.screenshot(page, "06-tenant-switcher");
    }

    @Test
    void shouldShowValidationErrorsNextToTheFields() {
        signInAs("alice");
        page.navigate(Session.appUrl().resolve("/tenants/new").toString());
        page.fill("#displayName", "错误示范");
        page.fill("#appid", "wx-not-valid");
        page.click("#register-submit");
        assertThat(page.locator("#appid-error")).containsText("AppID 应为 wx 加 16 位十六进制字符");
        assertThat(page.locator("#appsecret-error")).containsText("AppSecret 应为 32 位字母或数字");
        assertThat(page.locator("#displayName")).hasValue("错误示范");
        assertThat(page.locator("#appid")).hasValue("wx-not-valid");
        Chromium.screenshot(page, "07-register-errors");
    }

    private void signInAs(String user) {
        page.navigate(Session.appUrl().toString());
        page.click("button[name='predefined-" + user + "']");
        assertThat(page.locator("#current-user")).hasText(user.substring(0, 1).toUpperCase() + user.substring(1));
    }
}
