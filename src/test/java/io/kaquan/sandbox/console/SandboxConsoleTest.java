package io.kaquan.sandbox.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.SandboxFixtures;
import io.kaquan.sandbox.tokens.SandboxTokenTest;
import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The sandbox console: signed-in users see accounts, create them (Post/Redirect/Get), drive faults and see pushes. */
@QuarkusTest
class SandboxConsoleTest {

    static final String FLASH = "kaquan-flash";
    static final String AES_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    static Session alice;

    @BeforeAll
    static void signIn() {
        alice = Session.login("alice");
    }

    @Test
    void shouldRequireASignedInUser() {
        given().redirects().follow(false).get("/sandbox").then().statusCode(302);
    }

    @Test
    void shouldListAccountsInChineseAndEnglish() {
        String appid = SandboxFixtures.account().getString("appid");
        alice.request().get("/sandbox").then().statusCode(200).body(containsString("微信沙箱"))
                .body(containsString("/sandbox/wechat")).body(containsString("/sandbox/accounts/" + appid));
        alice.request().cookie("kaquan-lang", "en").get("/sandbox").then().statusCode(200)
                .body(containsString("WeChat sandbox")).body(containsString("New sandbox account"));
    }

    @Test
    void shouldCreateAnAccountAndShowIt() {
        String appid = SandboxFixtures.appid();
        Response redirect = alice.request().contentType("application/x-www-form-urlencoded")
                .formParam("appid", appid).formParam("messageMode", "PLAIN").formParam("tokenTtlSeconds", "60")
                .formParam("cardEnabled", "true").post("/sandbox/accounts");
        redirect.then().statusCode(303).header("Location", endsWith("/sandbox/accounts/" + appid));
        alice.request().cookie(FLASH, redirect.getCookie(FLASH)).get("/sandbox/accounts/" + appid).then()
                .statusCode(200).body(containsString("已新建沙箱账号 " + appid))
                .body(containsString("/sandbox/accounts/" + appid + "/cards"))
                .body(containsString("/sandbox/accounts/" + appid + "/codes"));
        given().get("/sandbox/admin/accounts/" + appid).then().body("messageMode", equalTo("PLAIN"))
                .body("tokenTtlSeconds", equalTo(60)).body("cardEnabled", equalTo(true))
                .body("payEnabled", equalTo(false));
    }

    @Test
    void shouldSendAnInvalidFormBackWithItsErrors() {
        Response redirect = alice.request().contentType("application/x-www-form-urlencoded")
                .formParam("appid", "no spaces allowed").formParam("encodingAesKey", "short")
                .formParam("messageMode", "SAFE").post("/sandbox/accounts");
        redirect.then().statusCode(303).header("Location", endsWith("/sandbox"));
        alice.request().cookie(FLASH, redirect.getCookie(FLASH)).get("/sandbox").then().statusCode(200)
                .body(containsString("AppID 应为 3–32 位字母、数字或下划线。"))
                .body(containsString("EncodingAESKey 应为 43 位字母或数字。"))
                .body(containsString("value=\"no spaces allowed\""));
    }

    @Test
    void shouldSaveSettingsAndFaults() {
        String appid = SandboxFixtures.account().getString("appid");
        String page = "/sandbox/accounts/" + appid;
        alice.request().contentType("application/x-www-form-urlencoded")
                .formParam("callbackUrl", "http://127.0.0.1:9/wechat/callback").formParam("callbackToken", "AAAAA")
                .formParam("encodingAesKey", AES_KEY).formParam("messageMode", "COMPAT")
                .formParam("tokenTtlSeconds", "120").formParam("allowedIps", "127.0.0.1")
                .formParam("cardEnabled", "true").post(page + "/settings").then().statusCode(303);
        given().get("/sandbox/admin/accounts/" + appid).then().body("messageMode", equalTo("COMPAT"))
                .body("callbackToken", equalTo("AAAAA")).body("tokenTtlSeconds", equalTo(120))
                .body("customCodeEnabled", equalTo(false));
        Response saved = alice.request().contentType("application/x-www-form-urlencoded")
                .formParam("errorShare", "0.5").formParam("latencyMs", "10").formParam("callBudget", "7")
                .formParam("dropPushes", "true").post(page + "/faults");
        saved.then().statusCode(303);
        given().get("/sandbox/admin/accounts/" + appid).then().body("faults.errorShare", equalTo(0.5f))
                .body("faults.latencyMs", equalTo(10)).body("faults.callBudget", equalTo(7))
                .body("faults.dropPushes", equalTo(true)).body("faults.duplicatePushes", equalTo(false));
        alice.request().cookie(FLASH, saved.getCookie(FLASH)).get(page).then().statusCode(200)
                .body(containsString("故障设置已保存。"));
        Response refused = alice.request().contentType("application/x-www-form-urlencoded")
                .formParam("errorShare", "2").post(page + "/faults");
        alice.request().cookie(FLASH, refused.getCookie(FLASH)).get(page).then()
                .body(containsString("比例应为 0 到 1 之间的数字。"));
    }

    @Test
    void shouldShowTokensMaskedAndInvalidateThem() {
        JsonPath account = SandboxFixtures.account();
        String token = SandboxFixtures.token(account);
        String page = "/sandbox/accounts/" + account.getString("appid");
        alice.request().get(page).then().statusCode(200)
                .body(containsString(token.substring(0, 6) + "…" + token.substring(token.length() - 4)))
                .body(not(containsString(token))).body(containsString("/cgi-bin/token"));
        alice.request().post(page + "/invalidate-tokens").then().statusCode(303);
        SandboxTokenTest.business(token).body("errcode", equalTo(40001));
    }

    @Test
    void shouldShowPushesWithTheirOutcome() {
        JsonPath account = SandboxFixtures.account();
        String page = "/sandbox/accounts/" + account.getString("appid");
        alice.request().post(page + "/test-push").then().statusCode(303);
        // No callback URL: the push is recorded as failed at once.
        alice.request().get(page).then().statusCode(200).body(containsString("debug_demo"))
                .body(containsString("no callback URL")).body(containsString("失败"));
        given().get("/sandbox/admin/accounts/" + account.getString("appid") + "/pushes").then()
                .body("[0].status", equalTo("FAILED"));
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownAccount() {
        alice.request().get("/sandbox/accounts/wx_nobody").then().statusCode(404);
        alice.request().post("/sandbox/accounts/wx_nobody/faults").then().statusCode(404);
    }

    @Test
    void shouldKeepAdminAndWeChatPathsPublic() {
        given().get("/sandbox/admin/accounts").then().statusCode(200);
        given().queryParam("access_token", "").get("/sandbox/wechat/cgi-bin/getcallbackip").then().statusCode(200)
                .body("errcode", equalTo(41001));
        // Sanity of the fixture used above.
        SandboxFixtures.account(Map.of());
    }
}
