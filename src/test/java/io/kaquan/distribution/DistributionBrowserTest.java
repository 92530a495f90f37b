package io.kaquan.distribution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
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
 * In Chromium: a QR code for a channel on the card page, its PNG downloaded, the code scanned in the sandbox console,
 * and the receipt counted under that channel on the card page.
 */
@QuarkusTest
@io.kaquan.testing.WithBrowser
class DistributionBrowserTest {

    @Test
    void shouldCountAScannedReceiptUnderItsChannel(Page page) throws Exception {
        Session alice = Session.login("alice");
        long tenant = TestTenants.register(alice, Map.of("displayName", "扫码奶茶店", "sandbox", "true",
                "messageMode", "SAFE"));
        String appid = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> findById(tenant).appid);
        String cardId = TestCards.approved(tenant, "CASH");

        BrowserExtension.signIn(page, "alice");
        String cardPage = Session.appUrl().resolve("/t/" + tenant + "/cards/" + cardId).toString();
        page.navigate(cardPage);
        assertThat(page.locator("#distribution h2")).hasText("投放");
        assertThat(page.locator("#qrcodes-empty")).isVisible();
        page.fill("#qrcode-channel", "门店海报");
        page.check("#validity-permanent");
        Chromium.screenshot(page, "distribution-01-form");
        page.click("#qrcode-create");

        assertThat(page.locator("#flash")).hasText("已为渠道「门店海报」生成二维码。");
        Locator row = page.locator("#qrcode-list tr[data-channel='门店海报']");
        assertThat(row.locator(".channel")).hasText("门店海报");
        assertThat(row.locator(".receipts")).hasText("0");
        page.waitForFunction("() => { const img = document.querySelector('img.qrcode');"
                + " return img && img.complete && img.naturalWidth > 0; }"); // the QR image is drawn
        page.locator("#distribution").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "distribution-02-qrcode");

        Download download = page.waitForDownload(() -> row.locator("a.download[data-size='860']").click());
        byte[] png = Files.readAllBytes(download.path());
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(png, 4));
        assertTrue(download.suggestedFilename().endsWith("-860px.png"), download.suggestedFilename());
        download.saveAs(Chromium.SCREENSHOTS.resolve("distribution-qrcode-860px.png"));

        page.navigate(Session.appUrl().resolve("/sandbox/accounts/" + appid + "/qrcodes").toString());
        Locator sandboxRow = page.locator("#qrcodes tbody tr").first();
        assertThat(sandboxRow.locator(".outer-str")).hasText("1");
        sandboxRow.locator("input[name='openid']").fill("o_poster_guest");
        Chromium.screenshot(page, "distribution-03-sandbox-scan");
        sandboxRow.locator("button[type='submit']").click();
        assertThat(page.locator("#flash")).containsText("o_poster_guest");
        assertThat(page.locator("#qrcodes tbody tr").first().locator(".scans")).hasText("1");
        Chromium.screenshot(page, "distribution-04-sandbox-scanned");

        // The receipt arrives by WeChat's push, processed a moment later.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            page.navigate(cardPage);
            assertThat(page.locator("#receipts-by-channel tr[data-outer-str='1'] .count")).hasText("1");
        });
        assertThat(page.locator("#receipts-by-channel tr[data-outer-str='1'] .channel")).hasText("门店海报");
        assertThat(page.locator("#qrcode-list tr[data-channel='门店海报'] .receipts")).hasText("1");
        page.locator("#channel-receipts").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "distribution-05-receipt-by-channel");
    }
}
