package io.kaquan.distribution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import io.kaquan.tenant.Tenant;
import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In Chromium, as a merchant: a landing page of two cards made with a banner, its link and QR code listed, a card
 * received from it in the sandbox console; then a QR code that hands out both cards.
 */
@QuarkusTest
@io.kaquan.testing.WithBrowser
class LandingPageBrowserTest {

    @Test
    void shouldMakeALandingPageAndAMultiCardQrCode(Page page) {
        Session alice = Session.login("alice");
        long tenant = TestTenants.register(alice, Map.of("displayName", "货架咖啡馆", "sandbox", "true",
                "messageMode", "SAFE"));
        String appid = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> findById(tenant).appid);
        String gift = TestCards.approved(tenant, "GIFT");
        String cash = TestCards.approved(tenant, "CASH");
        String cashTitle = QuarkusTransaction.requiringNew().call(() -> TestCards.mirror(tenant, cash).title);

        BrowserExtension.signIn(page, "alice");
        page.navigate(Session.appUrl().resolve("/t/" + tenant + "/cards").toString());
        page.click("#landing-pages-link");
        assertThat(page.locator("h1")).hasText("卡券货架");
        assertThat(page.locator("#landing-pages-empty")).isVisible();
        page.fill("#landing-title", "春日咖啡券");
        page.setInputFiles("#landing-banner", new FilePayload("banner.png", "image/png", TestCards.PNG));
        page.selectOption("#landing-scene", "SCENE_MENU");
        page.check("#landing-cards input[value='" + gift + "']");
        page.check("#landing-cards input[value='" + cash + "']");
        Chromium.screenshot(page, "landing-01-form");
        page.click("#landing-create");

        assertThat(page.locator("#flash")).hasText("货架「春日咖啡券」已创建。");
        Locator row = page.locator("#landing-page-list tbody tr").first();
        assertThat(row.locator(".page-title")).hasText("春日咖啡券");
        assertThat(row.locator(".landing-url")).containsText("/sandbox/l/");
        assertThat(row).containsText(cashTitle);
        page.waitForFunction("() => { const img = document.querySelector('img.qrcode');"
                + " return img && img.complete && img.naturalWidth > 0; }");
        Chromium.screenshot(page, "landing-02-list");

        // The page's link, opened by a signed-in person, is the page in the sandbox console.
        page.navigate(row.locator(".landing-url").textContent().strip());
        Locator cashRow = page.locator("section.landing-page tr[data-card-id='" + cash + "']");
        cashRow.locator("input[name='openid']").fill("o_shelf_guest");
        cashRow.locator("button[type='submit']").click();
        assertThat(page.locator("#flash")).containsText("o_shelf_guest");
        assertThat(page.locator("section.landing-page .receipts").first()).hasText("1");
        Chromium.screenshot(page, "landing-03-sandbox-received");

        // A QR code that hands out both cards.
        String cardPage = Session.appUrl().resolve("/t/" + tenant + "/cards/" + gift).toString();
        page.navigate(cardPage);
        assertThat(page.locator("#distribution h2")).hasText("投放");
        page.fill("#qrcode-channel", "店内桌贴");
        page.check("#qrcode-also input[value='" + cash + "']");
        page.locator("#qrcode-form").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "landing-04-multi-card-qr-form");
        page.click("#qrcode-create");
        assertThat(page.locator("#flash")).hasText("已为渠道「店内桌贴」生成二维码。");
        Locator qr = page.locator("#qrcode-list tr[data-channel='店内桌贴']");
        assertThat(qr).containsText("含 2 张卡券");
        page.locator("#qrcodes").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "landing-05-multi-card-qr");

        // The card in a broadcast article: its HTML with a copy button.
        page.click("#article-link a");
        assertThat(page.locator("h1")).hasText("图文消息");
        assertThat(page.locator("#article-html")).containsText("<iframe");
        page.click("#article-copy");
        Chromium.screenshot(page, "landing-06-article");

        page.navigate(Session.appUrl().resolve("/sandbox/accounts/" + appid + "/qrcodes").toString());
        assertThat(page.locator("#qrcodes tbody tr").first()).containsText(cashTitle);
    }
}
