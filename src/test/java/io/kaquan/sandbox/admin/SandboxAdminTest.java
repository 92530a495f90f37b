package io.kaquan.sandbox.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.SandboxFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The sandbox's own JSON admin API (accounts, faults, limits, pushes). */
@QuarkusTest
class SandboxAdminTest {

    static final String ACCOUNTS = "/sandbox/admin/accounts";
    static final String AES_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void shouldGenerateEveryMissingValue() {
        given().contentType(ContentType.JSON).body("{}").post(ACCOUNTS).then().statusCode(201)
                .header("Location", containsString("/sandbox/admin/accounts/wx"))
                .body("appid", matchesPattern("wxsbx[0-9a-f]{13}")).body("secret", matchesPattern("[0-9A-Za-z]{32}"))
                .body("originalId", matchesPattern("gh_sbx[0-9a-f]{9}"))
                .body("callbackToken", matchesPattern("[0-9A-Za-z]{32}"))
                .body("encodingAesKey", matchesPattern("[0-9A-Za-z]{43}")).body("messageMode", equalTo("SAFE"))
                .body("tokenTtlSeconds", equalTo(7200)).body("callbackUrl", nullValue())
                .body("allowedIps", empty()).body("cardEnabled", equalTo(true)).body("payEnabled", equalTo(true))
                .body("customCodeEnabled", equalTo(true)).body("faults.errorShare", equalTo(0.0f))
                .body("faults.callBudget", nullValue()).body("apiBaseUrl", endsWith("/sandbox/wechat"));
    }

    @Test
    void shouldCreateAnAccountWithTheGivenValues() {
        String appid = SandboxFixtures.appid();
        given().contentType(ContentType.JSON).body(Map.of("appid", appid, "secret", "s3cret", "originalId",
                "gh_" + appid.substring(2), "callbackUrl", "http://127.0.0.1:9/wechat/callback", "callbackToken",
                "AAAAA", "encodingAesKey", AES_KEY, "messageMode", "compat", "tokenTtlSeconds", 60, "payEnabled", false))
                .post(ACCOUNTS).then().statusCode(201).body("appid", equalTo(appid)).body("secret", equalTo("s3cret"))
                .body("callbackToken", equalTo("AAAAA")).body("encodingAesKey", equalTo(AES_KEY))
                .body("messageMode", equalTo("COMPAT")).body("tokenTtlSeconds", equalTo(60))
                .body("payEnabled", equalTo(false));
        given().get(ACCOUNTS + "/" + appid).then().statusCode(200).body("callbackUrl",
                equalTo("http://127.0.0.1:9/wechat/callback"));
    }

    @Test
    void shouldRefuseATakenAppid() {
        String appid = SandboxFixtures.account().getString("appid");
        given().contentType(ContentType.JSON).body(Map.of("appid", appid)).post(ACCOUNTS).then().statusCode(409)
                .body("fields.appid", equalTo("This AppID is already used."));
    }

    @Test
    void shouldExplainInvalidValues() {
        given().contentType(ContentType.JSON).body(Map.of("messageMode", "LOUD", "encodingAesKey", "short",
                "callbackUrl", "ftp://example.com/x", "tokenTtlSeconds", 0, "allowedIps", "1.2.3.4, nope"))
                .post(ACCOUNTS).then().statusCode(400).body("error", equalTo("invalid request"))
                .body("fields.messageMode", equalTo("Choose PLAIN, COMPAT or SAFE."))
                .body("fields.encodingAesKey", containsString("43"))
                .body("fields.callbackUrl", containsString("/wechat/callback"))
                .body("fields.tokenTtlSeconds", containsString("7200"))
                .body("fields.allowedIps", containsString("nope"));
    }

    @Test
    void shouldRefuseMalformedJsonAndWrongTypesWithBadRequest() {
        given().contentType(ContentType.JSON).body("{\"appid\":").post(ACCOUNTS).then().statusCode(400)
                .contentType(ContentType.JSON).body("error", containsString("malformed JSON"));
        given().contentType(ContentType.JSON).body(Map.of("tokenTtlSeconds", "soon")).post(ACCOUNTS).then()
                .statusCode(400).body("fields.tokenTtlSeconds", equalTo("tokenTtlSeconds must be a number"));
        given().contentType(ContentType.JSON).body(List.of(1)).post(ACCOUNTS).then().statusCode(400);
    }

    @Test
    void shouldAnswerNotFoundForUnknownAccounts() {
        given().get(ACCOUNTS + "/wx_nobody").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("No such sandbox account."));
        given().contentType(ContentType.JSON).body("{}").put(ACCOUNTS + "/wx_nobody/faults").then().statusCode(404);
    }

    @Test
    void shouldUpdateSettingsButNotTheIdentity() {
        String appid = SandboxFixtures.account().getString("appid");
        given().contentType(ContentType.JSON).body(Map.of("callbackUrl", "https://example.com/cb", "messageMode",
                "PLAIN", "tokenTtlSeconds", 30, "allowedIps", List.of("127.0.0.1"))).put(ACCOUNTS + "/" + appid)
                .then().statusCode(200).body("callbackUrl", equalTo("https://example.com/cb"))
                .body("messageMode", equalTo("PLAIN")).body("tokenTtlSeconds", equalTo(30))
                .body("allowedIps", equalTo(List.of("127.0.0.1")));
        given().contentType(ContentType.JSON).body(Map.of("callbackUrl", "")).put(ACCOUNTS + "/" + appid).then()
                .statusCode(200).body("callbackUrl", nullValue()).body("messageMode", equalTo("PLAIN"));
        given().contentType(ContentType.JSON).body(Map.of("appid", "wx_changed")).put(ACCOUNTS + "/" + appid).then()
                .statusCode(400).body("fields", hasKey("appid"));
    }

    @Test
    void shouldSetAndValidateFaults() {
        String appid = SandboxFixtures.account().getString("appid");
        given().contentType(ContentType.JSON).body(Map.of("errorShare", 0.25, "latencyMs", 100, "callBudget", 5,
                "dropPushes", true, "duplicatePushes", true)).put(ACCOUNTS + "/" + appid + "/faults").then()
                .statusCode(200).body("faults.errorShare", equalTo(0.25f)).body("faults.latencyMs", equalTo(100))
                .body("faults.callBudget", equalTo(5)).body("faults.dropPushes", equalTo(true))
                .body("faults.duplicatePushes", equalTo(true)).body("invalidatedTokens", equalTo(0));
        given().contentType(ContentType.JSON).body(Map.of("errorShare", 1.5, "latencyMs", -1))
                .put(ACCOUNTS + "/" + appid + "/faults").then().statusCode(400)
                .body("fields.errorShare", containsString("0 to 1")).body("fields.latencyMs", containsString("60000"));
        given().contentType(ContentType.JSON).body(Map.of("dropPushes", "yes")).put(ACCOUNTS + "/" + appid + "/faults")
                .then().statusCode(400).body("fields.dropPushes", equalTo("dropPushes must be true or false"));
    }

    @Test
    void shouldListNoPushesForANewAccount() {
        String appid = SandboxFixtures.account().getString("appid");
        given().get(ACCOUNTS + "/" + appid + "/pushes").then().statusCode(200).body("$", empty());
    }
}
