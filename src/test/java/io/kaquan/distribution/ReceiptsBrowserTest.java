package io.kaquan.distribution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.kaquan.distribution.DistributionPagesTest.createQr;
import static io.kaquan.distribution.DistributionPagesTest.newest;
import static io.kaquan.distribution.DistributionPagesTest.sandboxTenant;
import static io.kaquan.distribution.DistributionPagesTest.scan;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.quarkus.test.junit.QuarkusTest;

/**
 * In Chromium: receipts per channel on the card page, a narrower range chosen in place, the CSV downloaded, and the
 * same counts on the statistics dashboard, in Chinese and English.
 */
@QuarkusTest
@io.kaquan.testing.WithBrowser
class ReceiptsBrowserTest {

    @Test
    void shouldShowReceiptsPerChannelForTheChosenDays(Page page) throws Exception {
        // Taken before any receipt: a run across China's midnight must not count today's receipts as yesterday's.
        LocalDate receiptsFrom = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Session alice = Session.login("alice");
        long tenant = sandboxTenant(alice, "渠道对账面包房");
        String cardId = TestCards.approved(tenant, "CASH");
        createQr(alice, tenant, cardId, Map.of("channel", "地铁灯箱")).then().statusCode(303);
        String subway = newest(tenant).ticket;
        createQr(alice, tenant, cardId, Map.of("channel", "公众号菜单")).then().statusCode(303);
        String menu = newest(tenant).ticket;
        scan(subway, null);
        scan(subway, null);
        scan(subway, null);
        scan(menu, null);
        TestCards.receive(cardId);

        BrowserExtension.signIn(page, "alice");
        String cardPage = Session.appUrl().resolve("/t/" + tenant + "/cards/" + cardId).toString();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            page.navigate(cardPage);
            assertThat(page.locator("#receipts-total")).hasText("5");
        });
        assertThat(page.locator("#receipts-by-channel tr[data-outer-str='1'] .channel")).hasText("地铁灯箱");
        assertThat(page.locator("#receipts-by-channel tr[data-outer-str='1'] .count")).hasText("3");
        assertThat(page.locator("#receipts-by-channel tr[data-source='NONE'] .channel")).hasText("其他（无渠道）");
        page.locator("#channel-receipts").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "receipts-01-card-page");

        Download download = page.waitForDownload(() -> page.click("#receipts-csv"));
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF开始日期,结束日期,渠道,场景值,领取\r\n"), csv);
        assertTrue(csv.contains(",地铁灯箱,1,3\r\n"), csv);

        // Yesterday and before: nothing yet; the section reloads alone.
        LocalDate yesterday = receiptsFrom.minusDays(1);
        page.fill("#receipts-to", yesterday.toString());
        page.click("#receipts-apply");
        assertThat(page.locator("#receipts-empty")).hasText("这段时间没有领取。");
        assertThat(page.locator("#qrcode-list")).isVisible();
        Chromium.screenshot(page, "receipts-02-empty-range");

        page.navigate(Session.appUrl().resolve("/t/" + tenant + "/stats?to=" + yesterday.plusDays(1)).toString());
        assertThat(page.locator("#stats-channels #receipts-total")).hasText("5");
        page.locator("#stats-channels").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "receipts-03-stats-dashboard");

        page.click("#switch-language");
        assertThat(page.locator("#stats-channels h2")).hasText("Receipts by channel");
        assertThat(page.locator("#stats-channels tr[data-source='NONE'] .channel")).hasText("Other (no channel)");
        page.locator("#stats-channels").scrollIntoViewIfNeeded();
        Chromium.screenshot(page, "receipts-04-stats-dashboard-en");
    }
}
