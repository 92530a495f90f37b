package io.kaquan.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountsTest {

    /** The one test of the real login itself (other tests share one login per user and run). */
    @Test
    void shouldCreateTheUserRecordAtFirstLogin() {
        String name = "erin" + TestTenants.hex(6);
        Session erin = Session.fresh(name);
        erin.request().get("/").then().statusCode(200);
        AppUser user = QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(name + "@example.com")).orElseThrow();
        assertEquals(name, user.subject);
        assertTrue(user.name.equalsIgnoreCase(name));
        assertEquals("zh-CN", user.locale);
        // a second request does not create a second record
        erin.request().get("/").then().statusCode(200);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AppUser.count("subject", name)));
    }

    @Test
    void shouldRememberTheLanguageAsPreference() {
        String name = "frank" + TestTenants.hex(6);
        Session frank = Session.login(name);
        frank.request().formParam("lang", "en").formParam("back", "/").post("/locale").then().statusCode(303);
        assertEquals("en", QuarkusTransaction.requiringNew().call(() -> AppUser.findBySubject(name)).orElseThrow().locale);
    }

    @Test
    void shouldMarkPlatformAdminsOnly() {
        Session.login("alice").request().get("/").then().body(containsString("平台管理员"));
        Session.login("bob").request().get("/").then().body(not(containsString("平台管理员")));
    }

    @Test
    void shouldRecordEveryActionInTheAuditLogAndPageThroughIt() {
        Session alice = Session.login("alice");
        long tenant = TestTenants.register(alice, "审计");
        for (int i = 0; i < 55; i++) {
            alice.request().formParam("displayName", "审计" + i).formParam("messageMode", "SAFE")
                    .post("/t/" + tenant + "/settings").then().statusCode(303);
        }
        String first = alice.request().get("/t/" + tenant + "/audit").then().statusCode(200)
                .body(containsString("修改设置")).body(containsString("名称：审计53 → 审计54"))
                .body(containsString("消息加解密方式：安全模式（推荐） → 安全模式（推荐）"))
                .body(not(containsString("tenant.settings-changed"))).body(not(containsString("name:")))
                .body(not(containsString("SAFE")))
                .body(containsString("Alice")).extract().asString();
        Matcher next = Pattern.compile("href=\"\\?before=(\\d+)\" id=\"next-page\"").matcher(first);
        assertTrue(next.find(), "a second page is offered");
        alice.request().get("/t/" + tenant + "/audit?before=" + next.group(1)).then().statusCode(200)
                .body(containsString("接入公众号")).body(not(containsString("id=\"next-page\"")))
                .body(not(containsString("tenant.registered")));
        alice.request().cookie("kaquan-lang", "en").get("/t/" + tenant + "/audit").then().statusCode(200)
                .body(containsString("Changed settings")).body(containsString("Name: 审计53 → 审计54"))
                .body(containsString("Message mode: Safe (recommended) → Safe (recommended)"));
        assertEquals(56L, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("tenantId", tenant)));
    }
}
