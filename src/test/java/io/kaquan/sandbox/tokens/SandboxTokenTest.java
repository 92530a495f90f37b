package io.kaquan.sandbox.tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.SandboxFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** §1 of the protocol reference: /cgi-bin/token, /cgi-bin/stable_token and the token checks of business APIs. */
@QuarkusTest
public class SandboxTokenTest {

    static final String TOKEN = "/sandbox/wechat/cgi-bin/token";
    static final String STABLE = "/sandbox/wechat/cgi-bin/stable_token";
    /** A business API of the core that only checks the token: the token checks of every API go through the same gate. */
    static final String BUSINESS = "/sandbox/wechat/cgi-bin/getcallbackip";
    static final String RID = ".* rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}";

    @Test
    void shouldIssueClassicTokenWithoutErrcode() {
        JsonPath account = SandboxFixtures.account(Map.of("tokenTtlSeconds", 7000));
        given().queryParam("grant_type", "client_credential").queryParam("appid", account.getString("appid"))
                .queryParam("secret", account.getString("secret")).get(TOKEN).then().statusCode(200)
                .header("Content-Type", "application/json; encoding=utf-8")
                .body("access_token", matchesPattern("[0-9A-Za-z_-]{136}")).body("expires_in", equalTo(7000))
                .body("$", not(hasKey("errcode")));
    }

    @Test
    void shouldKeepThePreviousClassicTokenWorkingAfterARotation() {
        JsonPath account = SandboxFixtures.account();
        String first = SandboxFixtures.token(account);
        String second = SandboxFixtures.token(account);
        String third = SandboxFixtures.token(account);
        assertNotEquals(first, second);
        assertNotEquals(second, third);
        for (String token : new String[] { first, second, third }) {
            business(token).body("ip_list", org.hamcrest.Matchers.hasItem("127.0.0.1"));
        }
    }

    @Test
    void shouldExpireTokensAfterTheAccountsLifetime() {
        JsonPath account = SandboxFixtures.account(Map.of("tokenTtlSeconds", 1));
        String token = SandboxFixtures.token(account);
        Awaitility.await("the token expires").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> business(token).extract().<Integer> path("errcode"), equalTo(42001));
        business(token).body("errcode", equalTo(42001)).body("errmsg", startsWith("access_token expired rid: "));
    }

    @Test
    void shouldMapTokenProblemsOfBusinessApisLikeWeChat() {
        given().get(BUSINESS).then().statusCode(200).body("errcode", equalTo(41001))
                .body("errmsg", matchesPattern("access_token missing" + RID));
        business("ACCESS_TOKEN").body("errcode", equalTo(40014)).body("errmsg", startsWith("invalid access_token"));
        business("x".repeat(136)).body("errcode", equalTo(40001))
                .body("errmsg", startsWith("invalid credential, access_token is invalid or not latest"));
    }

    @Test
    void shouldInvalidateTokensOnDemand() {
        JsonPath account = SandboxFixtures.account();
        String classic = SandboxFixtures.token(account);
        String stable = stable(account, false).extract().path("access_token");
        given().contentType(ContentType.JSON).body(Map.of("invalidateToken", true))
                .put("/sandbox/admin/accounts/" + account.getString("appid") + "/faults").then().statusCode(200)
                .body("invalidatedTokens", equalTo(2));
        business(classic).body("errcode", equalTo(40001));
        business(stable).body("errcode", equalTo(40001));
        // A new token works again.
        business(SandboxFixtures.token(account)).body("ip_list.size()", equalTo(1));
    }

    @Test
    void shouldAnswerTheSameStableTokenUntilItsLastMinutes() {
        // Lifetime 4 s: the refresh window shrinks to half of it (2 s) for such short tokens.
        JsonPath account = SandboxFixtures.account(Map.of("tokenTtlSeconds", 4));
        String first = stable(account, false).body("expires_in", lessThanOrEqualTo(4)).extract().path("access_token");
        String again = stable(account, false).extract().path("access_token");
        assertEquals(first, again);
        // Once inside the window, the next request gets a new token with a full lifetime.
        JsonPath renewal = Awaitility.await("a renewed stable token").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(100)).until(() -> stable(account, false).extract().jsonPath(),
                        answer -> !first.equals(answer.getString("access_token")));
        assertEquals(4, renewal.getInt("expires_in"));
        String renewed = renewal.getString("access_token");
        // The old one keeps working until its own expiry.
        business(first).body("ip_list.size()", equalTo(1));
        business(renewed).body("ip_list.size()", equalTo(1));
    }

    @Test
    void shouldReplaceTheStableTokenAtOnceOnForcedRefresh() {
        JsonPath account = SandboxFixtures.account();
        String first = stable(account, false).body("$", not(hasKey("errcode"))).extract().path("access_token");
        String forced = stable(account, true).extract().path("access_token");
        assertNotEquals(first, forced);
        business(first).body("errcode", equalTo(40001));
        business(forced).body("ip_list.size()", equalTo(1));
        // Within 30 s of the last forced refresh nothing is refreshed: the current token comes back.
        assertEquals(forced, stable(account, true).extract().path("access_token"));
    }

    @Test
    void shouldLimitForcedRefreshesPerDay() {
        JsonPath account = SandboxFixtures.account();
        SandboxFixtures.limits(account, "/cgi-bin/stable_token#force_refresh", 1, null);
        stable(account, true).body("access_token", matchesPattern("[0-9A-Za-z_-]+"));
        stable(account, true).body("errcode", equalTo(45009));
        // Normal calls are not affected.
        stable(account, false).body("access_token", matchesPattern("[0-9A-Za-z_-]+"));
    }

    @Test
    void shouldKeepClassicAndStableTokensApart() {
        JsonPath account = SandboxFixtures.account();
        String stable = stable(account, false).extract().path("access_token");
        SandboxFixtures.token(account);
        SandboxFixtures.token(account);
        assertEquals(stable, stable(account, false).extract().path("access_token"));
        business(stable).body("ip_list.size()", equalTo(1));
    }

    @Test
    void shouldRefuseBadCredentialsWithWeChatsCodes() {
        JsonPath account = SandboxFixtures.account();
        String appid = account.getString("appid");
        String secret = account.getString("secret");
        classic("authorization_code", appid, secret).body("errcode", equalTo(40002))
                .body("errmsg", startsWith("invalid grant_type rid: "));
        classic(null, appid, secret).body("errcode", equalTo(40002));
        classic("client_credential", null, secret).body("errcode", equalTo(41002))
                .body("errmsg", startsWith("appid missing"));
        classic("client_credential", appid, null).body("errcode", equalTo(41004))
                .body("errmsg", startsWith("appsecret missing"));
        classic("client_credential", "wx0000000000000000", secret).body("errcode", equalTo(40013))
                .body("errmsg", startsWith("invalid appid"));
        classic("client_credential", appid, "wrong").body("errcode", equalTo(40125))
                .body("errmsg", startsWith("invalid appsecret"));
        stableBody(Map.of("grant_type", "client_credential", "appid", appid, "secret", "wrong"))
                .body("errcode", equalTo(40125));
        stableBody(Map.of("grant_type", "client_credential", "appid", "unknown_appid", "secret", secret))
                .body("errcode", equalTo(40013));
        stableBody(Map.of("grant_type", "client_credential", "secret", secret)).body("errcode", equalTo(41002));
    }

    @Test
    void shouldRefuseCallersOutsideTheWhitelist() {
        JsonPath outside = SandboxFixtures.account(Map.of("allowedIps", "10.1.2.3"));
        classic("client_credential", outside.getString("appid"), outside.getString("secret"))
                .body("errcode", equalTo(40164))
                .body("errmsg", startsWith("invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist rid: "));
        JsonPath inside = SandboxFixtures.account(Map.of("allowedIps", List.of("10.1.2.3", "127.0.0.1")));
        String token = SandboxFixtures.token(inside);
        business(token).body("ip_list.size()", equalTo(1));
        // Taking this machine off the list stops its business calls too.
        given().contentType(ContentType.JSON).body(Map.of("allowedIps", "10.1.2.3"))
                .put("/sandbox/admin/accounts/" + inside.getString("appid")).then().statusCode(200);
        business(token).body("errcode", equalTo(40164));
    }

    @Test
    void shouldIgnoreUnknownFieldsAndAcceptStringBooleans() {
        JsonPath account = SandboxFixtures.account();
        given().body("{\"grant_type\":\"client_credential\",\"appid\":\"" + account.getString("appid")
                + "\",\"secret\":\"" + account.getString("secret") + "\",\"force_refresh\":\"false\",\"extra\":{\"x\":1}}")
                .post(STABLE).then().statusCode(200).body("access_token", matchesPattern("[0-9A-Za-z_-]+"));
    }

    private static ValidatableResponse classic(String grantType, String appid, String secret) {
        var request = given();
        if (grantType != null) {
            request.queryParam("grant_type", grantType);
        }
        if (appid != null) {
            request.queryParam("appid", appid);
        }
        if (secret != null) {
            request.queryParam("secret", secret);
        }
        return request.get(TOKEN).then().statusCode(200);
    }

    static ValidatableResponse stable(JsonPath account, boolean force) {
        return stableBody(Map.of("grant_type", "client_credential", "appid", account.getString("appid"), "secret",
                account.getString("secret"), "force_refresh", force));
    }

    private static ValidatableResponse stableBody(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(STABLE).then().statusCode(200);
    }

    public static ValidatableResponse business(String token) {
        return given().queryParam("access_token", token).get(BUSINESS).then().statusCode(200);
    }
}
