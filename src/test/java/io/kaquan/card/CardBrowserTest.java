package io.kaquan.card;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.card.CardFixtures.TestTenant;
import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.testing.WithBrowser;
import io.quarkus.test.junit.QuarkusTest;

/** A shop's operator in Chromium: finds a card in the list, reads its page, adds stock and sees it applied. */
@QuarkusTest
@WithBrowser
class CardBrowserTest {

    Page page;

    @BeforeEach
    void openPage(Page page) {
        this.page = page;
    }

    @Test
    void shouldFindACardAndChangeItsStock() {
        Session owner = Session.login("cards-browser-owner");
        Session.login("bob");
        TestTenant tenant = CardFixtures.tenant(owner, "浏览器卡券");
        TestTenants.addMember(owner, tenant.id(), "bob@example.com", "OPERATOR");
        String cash = TestCards.approved(tenant.id(), "CASH");
        TestCards.create(tenant.id(), "DISCOUNT");
        TestCards.create(tenant.id(), "GIFT");

        BrowserExtension.signIn(page, "bob");
        assertThat(page.locator("#current-user")).hasText("Bob");
        page.navigate(Session.appUrl().resolve(tenant.cards()).toString());
        assertThat(page.locator("#cards tbody tr")).hasCount(3);
        Chromium.screenshot(page, "cards-list");

        page.selectOption("#filter-type", "CASH");
        page.click("#filter-apply");
        assertThat(page.locator("#cards tbody tr")).hasCount(1);
        page.click("#cards a[href$='" + cash + "']");
        assertThat(page.locator("#card-status")).hasText("通过审核");
        assertThat(page.locator("#terms")).hasText("消费满 100.00 元减 10.00 元");
        assertThat(page.locator("#stock-now")).hasText("剩余 1000 / 总量 1000");
        Chromium.screenshot(page, "cards-detail");

        page.check("#direction-increase");
        page.fill("#amount", "250");
        page.fill("#reason", "周末活动追加");
        Chromium.screenshot(page, "cards-stock-form");
        page.click("#stock-submit");
        assertThat(page.locator("#flash")).containsText("库存已增加 250");
        assertThat(page.locator("#stock-now")).hasText("剩余 1250 / 总量 1250");
        assertThat(page.locator("#stock-changes tbody tr").first()).containsText("已生效");
        Chromium.screenshot(page, "cards-stock-applied");
        assertEquals(1250, CardFixtures.wechat(tenant.id(), cash).totalQuantity());

        page.check("#direction-decrease");
        page.fill("#amount", "5000");
        page.fill("#reason", "减太多");
        page.click("#stock-submit");
        assertThat(page.locator("#amount-error")).containsText("剩余库存只有 1250，不能减少 5000");
        assertThat(page.locator("#amount")).hasValue("5000");
        Chromium.screenshot(page, "cards-stock-refused");
        assertEquals(1250, CardFixtures.wechat(tenant.id(), cash).totalQuantity());

        page.click("#edit");
        assertThat(page.locator("#notice")).hasValue("使用时向服务员出示此券");
        // A new logo goes to WeChat first and comes back into the form; the stores are ticked from the account's list.
        page.setInputFiles("#logo-file", new com.microsoft.playwright.options.FilePayload("新logo.png", "image/png",
                io.kaquan.testing.TestCards.PNG));
        page.click("#logo-upload");
        assertThat(page.locator("#flash")).containsText("新 Logo 已上传到微信");
        assertThat(page.locator("#logo-new")).isVisible();
        page.locator("#stores input[name=poi]:not([disabled])").first().check();
        page.fill("#notice", "结账前请出示此券");
        page.fill("#service_phone", "020-88886666");
        Chromium.screenshot(page, "cards-edit");
        page.click("#edit-submit");
        assertThat(page.locator("#flash")).containsText("微信已将卡券重新提交审核，当前状态：待审核");
        assertThat(page.locator("#card-status")).hasText("待审核");
        assertThat(page.locator("#card-notice")).hasText("结账前请出示此券");
        Chromium.screenshot(page, "cards-updated");
    }
}
