package io.kaquan.card.wizard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;

import io.kaquan.card.Card;
import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.testing.WithBrowser;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.test.junit.QuarkusTest;

/** A merchant walks the wizard in Chromium: a discount coupon with a logo, a field error fixed on the way. */
@QuarkusTest
@WithBrowser
class WizardBrowserTest {

    @Inject
    WeChatGateway gateway;

    @Test
    void walksTheWizardForADiscountCouponWithALogoAndAFieldError(Page page) throws IOException {
        long tenantId = TestTenants.register(Session.login("bob"), "浏览器建券");
        Path logo = Files.createDirectories(Path.of("target", "wizard")).resolve("logo.png");
        Files.write(logo, TestCards.PNG);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        BrowserExtension.signIn(page, "bob");
        page.navigate(Session.appUrl().resolve("t/" + tenantId + "/cards/new").toString());
        assertThat(page.locator("h1")).hasText("创建卡券");
        page.check("#type-DISCOUNT");
        Chromium.screenshot(page, "wizard-1-type");
        page.click("#start");

        // Face: logo, names, colour; a title over WeChat's 27 bytes is counted live, then refused by the server
        assertThat(page.locator("#step-of")).hasText("第 2 步，共 8 步");
        page.setInputFiles("#logo", logo);
        page.fill("#brand_name", "浏览器餐厅");
        page.fill("#title", "一二三四五六七八九十");
        assertThat(page.locator("#title-counter")).hasText("超出 3 字节");
        assertThat(page.locator("#wx-title")).hasText("一二三四五六七八九十");
        page.fill("#sub_title", "工作日可用");
        page.check("input[name=color][value=Color030]");
        page.click("#next");
        assertThat(page.locator("#title-error")).containsText("太长了：最多 27 字节");
        assertThat(page.locator("#logo-current")).isVisible(); // uploaded although the title was refused
        Chromium.screenshot(page, "wizard-2-face-error");
        page.fill("#title", "午市七五折");
        assertThat(page.locator("#title-counter")).containsText("还可输入 12 字节");
        Chromium.screenshot(page, "wizard-2-face");
        page.click("#next");

        // Offer: "12折" and "0.5折" would be costly coupons (88 % and 95 % off): refused in words, then "7.5折"
        for (String costly : new String[] { "12折", "0.5折" }) {
            page.fill("#discount", costly);
            page.click("#next");
            assertThat(page.locator("#discount-error")).containsText("请填写 1折 到 9.9折 之间的折扣");
            assertThat(page.locator("#discount")).hasValue(costly);
        }
        Chromium.screenshot(page, "wizard-3-discount-refused");
        page.fill("#discount", "7.5折");
        Chromium.screenshot(page, "wizard-3-details");
        page.click("#next");

        // Rules
        page.check("input[name=code_type][value=CODE_TYPE_TEXT]");
        page.fill("#begin_date", today.toString());
        page.fill("#end_date", today.plusDays(30).toString());
        page.fill("#quantity", "800");
        page.fill("#notice", "请向店员出示券码");
        page.fill("#description", "仅限午市使用");
        Chromium.screenshot(page, "wizard-4-rules");
        page.click("#next");

        // Stores: search, then pick the first approved one
        page.fill("#q", "天河");
        assertThat(page.locator(".wizard-store:visible")).hasCount(1);
        page.locator("input[name=poi]:not([disabled])").first().check();
        Chromium.screenshot(page, "wizard-5-stores");
        page.click("#next");

        // Entries
        page.fill("#center_title", "立即使用");
        page.fill("#center_url", "https://shop.example.com/use");
        assertThat(page.locator("#wx-center_title")).hasText("立即使用");
        Chromium.screenshot(page, "wizard-6-entries");
        page.click("#next");

        // Advanced
        page.check("#tl_SATURDAY");
        page.fill("#tl_SATURDAY_begin", "11:00");
        page.fill("#tl_SATURDAY_end", "14:00");
        page.check("input[name=biz_BIZ_SERVICE_FREE_WIFI]");
        Chromium.screenshot(page, "wizard-7-advanced");
        page.click("#next");

        // Review: the preview and the exact JSON
        assertThat(page.locator("#wx-title")).hasText("午市七五折");
        assertThat(page.locator("#wx-offer")).containsText("优惠 25%");
        assertThat(page.locator("#sent-json")).containsText("\"discount\" : 25");
        assertThat(page.locator("#sent-json")).containsText("\"color\" : \"Color030\"");
        Chromium.screenshot(page, "wizard-8-review");
        page.click("#submit");

        page.waitForURL(Pattern.compile(".*/t/" + tenantId + "/cards/p[A-Za-z0-9_-]{27}$"));
        Chromium.screenshot(page, "wizard-9-submitted");
        String cardId = page.url().substring(page.url().lastIndexOf('/') + 1);
        Card card = TestCards.stored(tenantId, cardId);
        assertEquals("午市七五折", card.title);
        JsonNode got = gateway.forTenant(tenantId).cardGet(cardId).card().path("discount");
        assertEquals(25, got.path("discount").asInt());
        assertEquals("#509fc9", got.path("base_info").path("color").asText());
        assertEquals(1, got.path("base_info").path("location_id_list").size());
        assertEquals("SATURDAY", got.path("advanced_info").path("time_limit").get(0).path("type").asText());
        assertTrue(got.path("base_info").path("logo_url").asText().startsWith("http"));
    }
}
