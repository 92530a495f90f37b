package io.kaquan.sandbox.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.SandboxFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** §0 wire conventions: always HTTP 200, WeChat's codes for a wrong method, an empty body, bad JSON and bad types. */
@QuarkusTest
class SandboxWireTest {

    static final String TOKEN = "/sandbox/wechat/cgi-bin/token";
    static final String STABLE = "/sandbox/wechat/cgi-bin/stable_token";
    static final String QUOTA = "/sandbox/wechat/cgi-bin/openapi/quota/get";

    @Test
    void shouldRequireGetOnGetApis() {
        given().post(TOKEN).then().statusCode(200).header("Content-Type", "application/json; encoding=utf-8")
                .body("errcode", equalTo(43001)).body("errmsg", startsWith("require GET method rid: "));
    }

    @Test
    void shouldRequirePostOnPostApis() {
        given().get(STABLE).then().statusCode(200).body("errcode", equalTo(43002))
                .body("errmsg", startsWith("require POST method rid: "));
        given().queryParam("access_token", "whatever").get(QUOTA).then().statusCode(200)
                .body("errcode", equalTo(43002));
    }

    @Test
    void shouldAnswerEmptyPostData() {
        given().post(STABLE).then().statusCode(200).body("errcode", equalTo(44002))
                .body("errmsg", startsWith("empty post data rid: "));
        given().contentType(ContentType.JSON).body("  ").post(STABLE).then().body("errcode", equalTo(44002));
    }

    @Test
    void shouldAnswerDataFormatErrorForMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"grant_type\":").post(STABLE).then().statusCode(200)
                .body("errcode", equalTo(47001)).body("errmsg", startsWith("data format error rid: "));
        given().contentType(ContentType.JSON).body("[1,2]").post(STABLE).then().body("errcode", equalTo(47001));
        // Sent as a form, still not JSON.
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credential").post(STABLE).then()
                .body("errcode", equalTo(47001));
    }

    @Test
    void shouldAnswerDataFormatErrorForWrongTypes() {
        JsonPath account = SandboxFixtures.account();
        given().contentType(ContentType.JSON).body(Map.of("grant_type", "client_credential", "appid",
                account.getString("appid"), "secret", account.getString("secret"), "force_refresh", "maybe"))
                .post(STABLE).then().body("errcode", equalTo(47001));
        given().contentType(ContentType.JSON).body(Map.of("grant_type", "client_credential", "appid",
                Map.of("nested", true), "secret", account.getString("secret"))).post(STABLE).then()
                .body("errcode", equalTo(47001));
    }

    @Test
    void shouldAcceptRealUtf8AndIgnoreUnknownFieldsInBusinessApis() {
        JsonPath account = SandboxFixtures.account();
        String token = SandboxFixtures.token(account);
        given().queryParam("access_token", token).contentType("application/json; charset=utf-8")
                .body("{\"cgi_path\":\"/card/create\",\"备注\":\"中文字段\",\"extra\":[1,2,3]}").post(QUOTA).then()
                .statusCode(200).body("errcode", equalTo(0)).body("errmsg", equalTo("ok"))
                .body("quota.daily_limit", equalTo(100000)).body("quota.used", equalTo(0));
    }
}
