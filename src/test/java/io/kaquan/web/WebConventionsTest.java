package io.kaquan.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;

/** CSRF, error pages, the language switch, health and metrics: what every page relies on. */
@QuarkusTest
class WebConventionsTest {

    static Session alice;

    @BeforeAll
    static void signIn() {
        alice = Session.login("alice");
    }

    @Test
    void shouldRefuseACrossSitePost() {
        alice.request().header("Sec-Fetch-Site", "cross-site").formParams(TestTenants.validForm("跨站"))
                .post("/tenants").then().statusCode(403);
        alice.request().header("Sec-Fetch-Site", "same-site").formParam("lang", "en").formParam("back", "/")
                .post("/locale").then().statusCode(403);
    }

    @Test
    void shouldRefuseAPostFromAForeignOrigin() {
        given().redirects().follow(false).cookies(alice.cookies()).header("Origin", "https://evil.example")
                .formParams(TestTenants.validForm("外站")).post("/tenants").then().statusCode(403);
    }

    @Test
    void shouldAcceptASameOriginPost() {
        alice.request().header("Sec-Fetch-Site", "same-origin").formParams(TestTenants.validForm("同源"))
                .post("/tenants").then().statusCode(303);
    }

    @Test
    void shouldShowA404PageWithoutStackTrace() {
        alice.request().get("/no/such/page").then().statusCode(404)
                .body(containsString("页面不存在")).body(not(containsString("Exception")))
                .body(not(containsString("at io.")));
    }

    @Test
    void shouldShowA500PageWithAnIncidentNumberAndNoDetails() {
        alice.request().get("/test-only/failing-page").then().statusCode(500)
                .body(containsString("系统出错了")).body(containsString("编号"))
                .body(not(containsString("hunter2"))).body(not(containsString("IllegalStateException")));
    }

    @Test
    void shouldServeHtmxFromItsWebjar() {
        given().get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").then().statusCode(200)
                .body(containsString("htmx"));
    }

    @Test
    void shouldShowA405PageForAWrongMethod() {
        alice.request().delete("/tenants/new").then().statusCode(405).body(containsString("不支持的操作"));
    }

    @Test
    void shouldAnswerMalformedParametersWithoutA500() {
        long tenant = TestTenants.register(alice, "坏参数");
        alice.request().get("/t/" + tenant + "/audit?before=notanumber").then().statusCode(404);
        alice.request().post("/t/" + tenant + "/members/notanumber/remove").then().statusCode(404);
        alice.request().contentType("application/json").body("{").post("/tenants").then().statusCode(303)
                .header("Location", endsWith("/tenants/new"));
    }

    @Test
    void shouldSwitchToEnglishAndBack() {
        alice.request().formParam("lang", "en").formParam("back", "/tenants/new").post("/locale").then()
                .statusCode(303).header("Location", endsWith("/tenants/new"))
                .cookie("kaquan-lang", "en");
        alice.request().cookie("kaquan-lang", "en").get("/tenants/new").then().statusCode(200)
                .body(containsString("Connect an official account")).body(containsString("lang=\"en\""))
                .body(containsString("中文"));
        alice.request().cookie("kaquan-lang", "en").get("/no/such/page").then().statusCode(404)
                .body(containsString("Page not found"));
        alice.request().formParam("lang", "zh").formParam("back", "/").post("/locale").then()
                .statusCode(303).cookie("kaquan-lang", "zh");
        alice.request().cookie("kaquan-lang", "zh").get("/").then().body(containsString("我的公众号"));
    }

    @Test
    void shouldNeverRedirectOffSiteAfterTheLanguageSwitch() {
        for (String back : new String[] { "https://evil.example/", "//evil.example/", "/\\evil.example" }) {
            alice.request().formParam("lang", "en").formParam("back", back).post("/locale").then()
                    .statusCode(303).header("Location", not(containsString("evil")));
        }
    }

    @Test
    void shouldRedirectAnonymousVisitorsToTheLoginPage() {
        given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Location", containsString("/authorize"));
    }

    @Test
    void shouldReportHealthWithTheDatabaseCheckOnTheManagementInterface() {
        given().baseUri(managementUrl()).get("/q/health").then().statusCode(200)
                .body(containsString("\"status\": \"UP\"")).body(containsString("Database connections health check"));
        given().baseUri(managementUrl()).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void shouldExposePrometheusMetricsOnlyOnTheManagementInterface() {
        given().baseUri(managementUrl()).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes")).body(containsString("http_server_requests"));
        given().redirects().follow(false).get("/q/metrics").then().statusCode(not(200));
        alice.request().get("/q/metrics").then().statusCode(not(200));
    }

    @Test
    void shouldCountPushesAndTheInboxBacklogForOperators() {
        // A push for an account nobody registered: parked for admins, answered "success", counted as not stored.
        given().contentType("text/xml").body("<xml><ToUserName><![CDATA[gh_0000000000ab]]></ToUserName>"
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[user_view_card]]></Event></xml>")
                .post("/wechat/callback?timestamp=1&nonce=2&signature=x").then().statusCode(200);
        given().baseUri(managementUrl()).get("/q/metrics").then().statusCode(200)
                .body(containsString("kaquan_callback_pushes_total{result=\"not-stored\"}"))
                .body(containsString("kaquan_inbox_backlog"));
    }

    @Test
    void shouldSignOutThroughTheProviderOnlyWithAPost() {
        Session dave = Session.fresh("dave"); // its own session: signing out must not end one that tests share
        dave.request().get("/logout").then().statusCode(405).header("Allow", "POST");
        dave.request().get("/").then().statusCode(200).body(containsString("id=\"current-user\""));
        dave.request().post("/logout").then().statusCode(302)
                .header("Location", startsWith("http")).header("Location", containsString("logout"));
    }

    private static String managementUrl() {
        // Quarkus gives the management interface's root (…/q); the tests name full paths
        return ConfigProvider.getConfig().getValue("test.management.url", String.class).replaceAll("/q/?$", "");
    }
}
