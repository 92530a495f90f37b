package io.kaquan.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Production defaults at the edge: security headers, CSRF without browser headers, TLS behind a proxy. */
@QuarkusTest
class SecurityDefaultsTest {

    static Session alice;

    @BeforeAll
    static void signIn() {
        alice = Session.login("alice");
    }

    private static String base() {
        return Session.appUrl().toString().replaceAll("/$", "");
    }

    @Test
    void shouldSendSecurityHeadersOnPagesAndNoHstsOverPlainHttp() {
        alice.request().get("/tenants/new").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Strict-Transport-Security", nullValue());
        given().redirects().follow(false).get("/").then().statusCode(302)
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        given().get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void shouldSendHstsAndSecureCookiesBehindATlsProxy() {
        Response response = given().redirects().follow(false).cookies(alice.cookies())
                .header("X-Forwarded-Proto", "https").header("Sec-Fetch-Site", "same-origin")
                .formParam("lang", "en").formParam("back", "/").post("/locale");
        response.then().statusCode(303).header("Strict-Transport-Security", containsString("max-age="));
        List<String> cookies = response.headers().getValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("kaquan-lang=")), cookies.toString());
        assertTrue(cookies.stream().allMatch(c -> c.toLowerCase().contains("; secure")), cookies.toString());

        // The login provider's state cookie, set by Quarkus OIDC on the way to the login page.
        List<String> login = given().redirects().follow(false).header("X-Forwarded-Proto", "https").get("/")
                .then().statusCode(302).extract().headers().getValues("Set-Cookie");
        assertTrue(!login.isEmpty() && login.stream().allMatch(c -> c.toLowerCase().contains("secure")), login.toString());
    }

    @Test
    void shouldCheckTheRefererWhenABrowserSendsNeitherOriginNorFetchMetadata() {
        // no Origin, no Sec-Fetch-Site, no Referer: refused, nothing registered
        given().redirects().follow(false).cookies(alice.cookies()).formParams(TestTenants.validForm("无来源"))
                .post("/tenants").then().statusCode(403);
        given().redirects().follow(false).cookies(alice.cookies()).header("Referer", "https://evil.example/form")
                .formParams(TestTenants.validForm("外站来源")).post("/tenants").then().statusCode(403);
        given().redirects().follow(false).cookies(alice.cookies()).header("Referer", base() + "/tenants/new")
                .formParams(TestTenants.validForm("同源来源")).post("/tenants").then().statusCode(303)
                .header("Location", endsWith("/settings"));
    }

    @Test
    void shouldLetWeChatAndTheSandboxApiPostWithoutBrowserHeaders() {
        given().contentType("text/xml").body("<xml></xml>").post("/wechat/callback").then()
                .statusCode(lessThan(500)).body(not(containsString("Cross-site")));
        given().contentType("application/json").body("{}").post("/sandbox/wechat/cgi-bin/stable_token").then()
                .statusCode(200).body(containsString("errcode"));
    }
}
