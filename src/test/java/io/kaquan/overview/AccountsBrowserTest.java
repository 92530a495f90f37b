package io.kaquan.overview;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.kaquan.testing.BrowserExtension;
import io.kaquan.testing.Chromium;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.testing.WithBrowser;
import io.quarkus.test.junit.QuarkusTest;

/** In Chromium: an agency user finds an account among theirs, tags it, and syncs a selection at once. */
@QuarkusTest
@WithBrowser
class AccountsBrowserTest {

    @Test
    void shouldSearchTagAndSyncAcrossAccounts(Page page) {
        // carol may own other tests' accounts in this run: these four share a mark of their own.
        Session agency = Session.login("carol");
        String mark = TestTenants.hex(6);
        String tag = "连锁" + mark;
        long[] ids = new long[4];
        String[] names = { mark + "城东奶茶", mark + "城西奶茶", mark + "南山面包房", mark + "北湖花店" };
        for (int i = 0; i < names.length; i++) {
            ids[i] = TestTenants.register(agency,
                    Map.of("displayName", names[i], "sandbox", "true", "messageMode", "SAFE"));
        }
        BrowserExtension.signIn(page, "carol");
        page.navigate(Session.appUrl().resolve("/").toString());
        page.click("#accounts-overview");
        assertThat(page.locator("h1")).hasText("全部公众号");
        page.fill("#filter-q", mark);
        page.click("#filter-apply");
        assertThat(page.locator("#accounts tbody tr")).hasCount(4);
        Chromium.screenshot(page, "accounts-01-all");

        page.fill("#filter-q", mark + "城");
        page.click("#filter-apply");
        assertThat(page.locator("#accounts tbody tr")).hasCount(2);
        assertThat(page.locator("#matching")).containsText("找到 2 个");

        page.locator("tr[data-tenant='" + ids[0] + "'] details.tags-edit summary").click();
        page.locator("tr[data-tenant='" + ids[0] + "'] input[name=tags]").fill(tag + " 城东");
        page.locator("tr[data-tenant='" + ids[0] + "'] button[type=submit]").click();
        assertThat(page.locator("#flash")).containsText(mark + "城东奶茶 的标签已保存：" + tag + "、城东");
        assertThat(page.locator("#filter-q")).hasValue(mark + "城"); // back to the same filtered list
        assertThat(page.locator("tr[data-tenant='" + ids[0] + "'] a.tag")).hasCount(2);

        page.check("tr[data-tenant='" + ids[0] + "'] input[name=tenant]");
        page.check("tr[data-tenant='" + ids[1] + "'] input[name=tenant]");
        page.click("#sync-selected");
        assertThat(page.locator("#flash")).containsText("已为 2 个公众号排队同步");
        Chromium.screenshot(page, "accounts-02-tagged-and-synced");

        page.navigate(Session.appUrl().resolve("/accounts").toString());
        page.selectOption("#filter-tag", tag);
        page.click("#filter-apply");
        assertThat(page.locator("#accounts tbody tr")).hasCount(1);
        Chromium.screenshot(page, "accounts-03-by-tag");
    }
}
