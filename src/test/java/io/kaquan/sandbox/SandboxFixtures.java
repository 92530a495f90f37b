package io.kaquan.sandbox;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Sandbox accounts and tokens for tests, made through the admin API and the token endpoint, like a client would. */
public final class SandboxFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SandboxFixtures() {
    }

    /** A new account with generated values plus the given settings; answers the admin API's account JSON. */
    public static JsonPath account(Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(settings);
        return given().contentType(ContentType.JSON).body(body).post("/sandbox/admin/accounts").then()
                .statusCode(201).extract().jsonPath();
    }

    public static JsonPath account() {
        return account(Map.of());
    }

    /** A unique appid for tests that choose their own. */
    public static String appid() {
        return String.format("wxtest%06d%06d", ProcessHandle.current().pid() % 1_000_000,
                SEQUENCE.incrementAndGet());
    }

    public static String token(JsonPath account) {
        return given().queryParam("grant_type", "client_credential").queryParam("appid", account.getString("appid"))
                .queryParam("secret", account.getString("secret")).get("/sandbox/wechat/cgi-bin/token").then()
                .statusCode(200).extract().path("access_token");
    }

    public static void faults(JsonPath account, Map<String, Object> faults) {
        given().contentType(ContentType.JSON).body(faults)
                .put("/sandbox/admin/accounts/" + account.getString("appid") + "/faults").then().statusCode(200);
    }

    public static void limits(JsonPath account, String api, Integer daily, Integer perMinute) {
        Map<String, Object> body = new HashMap<>();
        body.put("api", api);
        body.put("dailyLimit", daily);
        body.put("minuteLimit", perMinute);
        given().contentType(ContentType.JSON).body(body)
                .put("/sandbox/admin/accounts/" + account.getString("appid") + "/limits").then().statusCode(200);
    }
}
