package io.kaquan.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The account switcher of a user with many accounts: the menu lists the first ones and says how many more, the search
 * finds by name, AppID or original id among the user's own accounts only, and every link opens the section the user
 * was in.
 */
@QuarkusTest
class SwitcherPagesTest {

    static final int ACCOUNTS = SwitcherPages.MENU_SIZE + 3;

    static Session agency;
    static Session stranger;
    static List<Long> tenants = new ArrayList<>();
    static long strangers;

    @BeforeAll
    static void manyAccounts() {
        agency = Session.fresh("switcher-agency");
        stranger = Session.fresh("switcher-stranger");
        for (int i = 0; i < ACCOUNTS; i++) {
            tenants.add(TestTenants.register(agency, Map.of("displayName", String.format("客户%02d 的店", i), "sandbox",
                    "true", "messageMode", "SAFE")));
        }
        tenants.add(TestTenants.register(agency, Map.of("displayName", "折扣100%_店", "sandbox", "true", "messageMode",
                "SAFE")));
        strangers = TestTenants.register(stranger, Map.of("displayName", "客户99 的店", "sandbox", "true", "messageMode",
                "SAFE"));
    }

    @Test
    void shouldListTheFirstAccountsInTheMenuAndSayHowManyMore() {
        long first = tenants.get(0);
        String page = agency.request().get("/t/" + first + "/cards").then().statusCode(200).extract().asString();
        String menu = page.substring(page.indexOf("id=\"switcher-list\""), page.indexOf("</ul>", page.indexOf(
                "id=\"switcher-list\"")));
        assertEquals(SwitcherPages.MENU_SIZE, menu.split("<li><a ").length - 1, "the first accounts");
        assertTrue(menu.contains("还有 " + (ACCOUNTS + 1 - SwitcherPages.MENU_SIZE) + " 个公众号"), menu);
        assertTrue(menu.contains("href=\"/t/" + tenants.get(1) + "/cards\""), "the links keep the section");
        assertTrue(page.contains("action=\"/switch\""), "a search form that works without JavaScript");
        assertTrue(page.contains("name=\"section\" value=\"/cards\""));
    }

    @Test
    void shouldFindAnAccountByNameAppidOrOriginalIdAndKeepTheSection() {
        long wanted = tenants.get(ACCOUNTS - 1);
        Tenant tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.findById(wanted));
        for (String text : List.of(String.format("客户%02d", ACCOUNTS - 1), tenant.appid.toUpperCase(),
                tenant.originalId.substring(3))) {
            String page = agency.request().queryParam("q", text).queryParam("section", "/events").get("/switch").then()
                    .statusCode(200).extract().asString();
            assertTrue(page.contains("href=\"/t/" + wanted + "/events\""), text);
            assertTrue(page.contains("找到 1 个公众号"), text);
        }
        // As the user types (htmx): only the list.
        String list = agency.request().queryParam("q", tenant.appid).queryParam("section", "/cards")
                .get("/switch/list").then().statusCode(200).extract().asString();
        assertTrue(list.startsWith("<ul id=\"switcher-list\"") || list.contains("<ul id=\"switcher-list\""), list);
        assertFalse(list.contains("<html"), "a fragment");
        assertTrue(list.contains("href=\"/t/" + wanted + "/cards\""), list);
    }

    @Test
    void shouldSearchOnlyTheUsersOwnAccounts() {
        Tenant theirs = QuarkusTransaction.requiringNew().call(() -> Tenant.findById(strangers));
        String page = agency.request().queryParam("q", theirs.appid).get("/switch").then().statusCode(200).extract()
                .asString();
        assertFalse(page.contains("/t/" + strangers), "another user's account is never found");
        assertTrue(page.contains("找到 0 个公众号"));
        String list = agency.request().queryParam("q", "客户99").get("/switch/list").then().statusCode(200).extract()
                .asString();
        assertTrue(list.contains("没有找到匹配的公众号"), list);
        io.restassured.RestAssured.given().redirects().follow(false).get("/switch").then().statusCode(302);
    }

    @Test
    void shouldTakeTheSearchTextLiterallyAndRefuseForeignSections() {
        String page = agency.request().queryParam("q", "100%_").queryParam("section", "/../admin").get("/switch").then()
                .statusCode(200).extract().asString();
        assertTrue(page.contains("找到 1 个公众号"), "% and _ are plain characters");
        assertTrue(page.contains("href=\"/t/" + tenants.get(ACCOUNTS) + "\""), "an unknown section opens the overview");
        String english = agency.request().cookie("kaquan-lang", "en").queryParam("q", "100%_").get("/switch").then()
                .statusCode(200).extract().asString();
        assertTrue(english.contains("1 accounts found") && english.contains("Switch account"));
    }
}
