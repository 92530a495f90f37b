package io.kaquan.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** §6: daily quotas (45009), per-minute limits (45011), quota/get, clear_quota; and the faults of issue 3. */
@QuarkusTest
class SandboxQuotaTest {

    static final String CALLBACK_IP = "/cgi-bin/getcallbackip";
    static final String QUOTA = "/sandbox/wechat/cgi-bin/openapi/quota/get";
    static final String CLEAR = "/sandbox/wechat/cgi-bin/clear_quota";

    @Test
    void shouldStopAnApiForTheDayOnceItsQuotaIsUsed() {
        JsonPath account = SandboxFixtures.account();
        String token = SandboxFixtures.token(account);
        SandboxFixtures.limits(account, CALLBACK_IP, 2, null);
        call(token).body("ip_list.size()", equalTo(1));
        call(token).body("ip_list.size()", equalTo(1));
        call(token).body("errcode", equalTo(45009)).body("errmsg", startsWith("reach max api daily quota limit rid: "));
        call(token).body("errcode", equalTo(45009));
        quota(token, CALLBACK_IP).body("quota.daily_limit", equalTo(2)).body("quota.used", equalTo(2))
                .body("quota.remain", equalTo(0));
    }

    @Test
    void shouldPointToStableTokenWhenTheTokenQuotaIsUsed() {
        JsonPath account = SandboxFixtures.account();
        SandboxFixtures.limits(account, "/cgi-bin/token", 1, null);
        SandboxFixtures.token(account);
        given().queryParam("grant_type", "client_credential").queryParam("appid", account.getString("appid"))
                .queryParam("secret", account.getString("secret")).get("/sandbox/wechat/cgi-bin/token").then()
                .body("errcode", equalTo(45009)).body("errmsg", startsWith(
                        "reach max api daily quota limit, could get access_token by getStableAccessToken"));
    }

    @Test
    void shouldLimitCallsPerMinute() {
        JsonPath account = SandboxFixtures.account();
        String token = SandboxFixtures.token(account);
        SandboxFixtures.limits(account, CALLBACK_IP, null, 1);
        call(token).body("ip_list.size()", equalTo(1));
        ValidatableResponse second = call(token);
        // Unless the minute turned between the two calls, the second one is refused.
        if (second.extract().path("errcode") != null) {
            second.body("errcode", equalTo(45011))
                    .body("errmsg", startsWith("api minute-quota reach limit, must slower, retry next minute rid: "));
        }
        call(token);
        call(token).body("errcode", equalTo(45011));
    }

    @Test
    void shouldReportTheStableTokenRateLimit() {
        JsonPath account = SandboxFixtures.account();
        quota(SandboxFixtures.token(account), "/cgi-bin/stable_token").body("quota.daily_limit", equalTo(500000))
                .body("rate_limit.call_count", equalTo(10000)).body("rate_limit.refresh_second", equalTo(60));
    }

    @Test
    void shouldClearTheDaysQuotaTenTimesAMonth() {
        JsonPath account = SandboxFixtures.account();
        String token = SandboxFixtures.token(account);
        SandboxFixtures.limits(account, CALLBACK_IP, 1, null);
        call(token).body("ip_list.size()", equalTo(1));
        call(token).body("errcode", equalTo(45009));
        given().queryParam("access_token", token).contentType(ContentType.JSON).body(Map.of("appid", "wx_other"))
                .post(CLEAR).then().body("errcode", equalTo(40013));
        clear(token, account).body("errcode", equalTo(0)).body("errmsg", equalTo("ok"));
        call(token).body("ip_list.size()", equalTo(1));
        for (int i = 2; i <= 10; i++) {
            clear(token, account).body("errcode", equalTo(0));
        }
        clear(token, account).body("errcode", equalTo(48006))
                .body("errmsg", startsWith("forbid to clear quota because of reaching the limit"));
        // v2 shares the monthly budget.
        given().contentType(ContentType.JSON).body(Map.of("appid", account.getString("appid"), "appsecret",
                account.getString("secret"))).post(CLEAR + "/v2").then().body("errcode", equalTo(48006));
    }

    @Test
    void shouldClearQuotaWithTheSecretWhenNoTokenCanBeHad() {
        JsonPath account = SandboxFixtures.account();
        SandboxFixtures.limits(account, "/cgi-bin/token", 1, null);
        SandboxFixtures.token(account);
        given().contentType(ContentType.JSON).body(Map.of("appid", account.getString("appid"), "appsecret", "nope"))
                .post(CLEAR + "/v2").then().body("errcode", equalTo(40125));
        given().contentType(ContentType.JSON).body(Map.of("appid", account.getString("appid"), "appsecret",
                account.getString("secret"))).post(CLEAR + "/v2").then().body("errcode", equalTo(0));
        SandboxFixtures.token(account);
    }

    @Test
    void shouldAnswerSystemErrorForTheErrorShareFault() {
        JsonPath account = SandboxFixtures.account();
        String token = SandboxFixtures.token(account);
        SandboxFixtures.faults(account, Map.of("errorShare", 1));
        call(token).body("errcode", equalTo(-1)).body("errmsg", startsWith("system error rid: "));
        SandboxFixtures.faults(account, Map.of("errorShare", 0));
        call(token).body("ip_list.size()", equalTo(1));
    }

    @Test
    void shouldEndTheCallBudgetWithDailyQuotaErrors() {
        JsonPath account = SandboxFixtures.account();
        String token = SandboxFixtures.token(account);
        SandboxFixtures.faults(account, Map.of("callBudget", 2));
        call(token).body("ip_list.size()", equalTo(1));
        call(token).body("ip_list.size()", equalTo(1));
        call(token).body("errcode", equalTo(45009));
        // The token endpoint is an API call too.
        given().queryParam("grant_type", "client_credential").queryParam("appid", account.getString("appid"))
                .queryParam("secret", account.getString("secret")).get("/sandbox/wechat/cgi-bin/token").then()
                .body("errcode", equalTo(45009));
        Map<String, Object> noBudget = new HashMap<>();
        noBudget.put("callBudget", null);
        SandboxFixtures.faults(account, noBudget);
        call(token).body("ip_list.size()", equalTo(1));
    }

    @Test
    void shouldStillAnswerWithAddedLatency() {
        JsonPath account = SandboxFixtures.account();
        String token = SandboxFixtures.token(account);
        SandboxFixtures.faults(account, Map.of("latencyMs", 200));
        call(token).body("ip_list.size()", equalTo(1));
    }

    private static ValidatableResponse call(String token) {
        return given().queryParam("access_token", token).get("/sandbox/wechat" + CALLBACK_IP).then().statusCode(200);
    }

    private static ValidatableResponse quota(String token, String api) {
        return given().queryParam("access_token", token).contentType(ContentType.JSON).body(Map.of("cgi_path", api))
                .post(QUOTA).then().statusCode(200);
    }

    private static ValidatableResponse clear(String token, JsonPath account) {
        return given().queryParam("access_token", token).contentType(ContentType.JSON)
                .body(Map.of("appid", account.getString("appid"))).post(CLEAR).then().statusCode(200);
    }
}
