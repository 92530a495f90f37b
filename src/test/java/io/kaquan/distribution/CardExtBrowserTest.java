package io.kaquan.distribution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.kaquan.distribution.DistributionPagesTest.createQr;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.tenant.Tenant;
import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In Chromium: a cardExt generated for a channel on the card page, used in the sandbox console's 网页领取, the receipt
 * counted under that channel; and a custom-code card's stock form saying why its stock cannot grow past its codes.
 */
@QuarkusTest
@io.kaquan.testing.WithBrowser
class CardExtBrowserTest {

    @Test
    void shouldHandACardOutThroughAWebPageSignedForAChannel(Page page) {
        Session alice = Session.login("alice");
        long tenant = TestTenants.register(alice, Map.of("displayName", "网页领取书店", "sandbox", "true",
                "messageMode", "SAFE"));
        String appid = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> findById(tenant).appid);
        String cardId = TestCards.approved(tenant, "CASH");
        createQr(alice, tenant, cardId, Map.of("channel", "公众号文章")).then().statusCode(303);

        BrowserExtension.signIn(page, "alice");
        String cardPage = Session.appUrl().resolve("/t/" + tenant + "/cards/" + cardId).toString();
        page.navigate(cardPage);
        page.selectOption("#card-ext-channel", "公众号文章");
        page.click("#card-ext-generate");
        assertThat(page.locator("#card-ext-done")).isVisible();
        String ext = page.locator("#card-ext-json").textContent();
        page.locator("#jssdk").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "cardext-01-generated");

        page.navigate(Session.appUrl().resolve("/sandbox/accounts/" + appid + "/addcard").toString());
        page.selectOption("#addcard-card", cardId);
        page.fill("#addcard-ext", ext);
        page.fill("#addcard-openid", "o_web_reader");
        Chromium.screenshot(page, "cardext-02-sandbox-addcard");
        page.click("#addcard-submit");
        assertThat(page.locator("#flash")).containsText("o_web_reader");
        Chromium.screenshot(page, "cardext-03-sandbox-received");

        page.fill("#addcard-ext", ext.replaceFirst("\"signature\":\"[0-9a-f]", "\"signature\":\"x"));
        page.click("#addcard-submit");
        assertThat(page.locator("#flash")).containsText("40097");

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            page.navigate(cardPage);
            assertThat(page.locator("#receipts-by-channel tr[data-outer-str='1'] .count")).hasText("1");
        });
        assertThat(page.locator("#receipts-by-channel tr[data-outer-str='1'] .channel")).hasText("公众号文章");
        page.locator("#channel-receipts").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "cardext-04-receipt-under-channel");

        // A custom-code card: its stock cannot grow past its imported codes, and the form says so.
        String custom = CodeImportTest.depositCard(tenant);
        page.navigate(Session.appUrl().resolve("/t/" + tenant + "/cards/" + custom).toString());
        assertThat(page.locator("#stock-custom-code")).isVisible();
        page.check("#direction-increase");
        page.fill("#amount", "5");
        page.fill("#reason", "补货");
        page.click("#stock-submit");
        assertThat(page.locator("#flash")).containsText("库存不能超过已导入、还没发出的 Code 数（现在有 0 个）");
        Chromium.screenshot(page, "stock-custom-code-refused");
    }
}
