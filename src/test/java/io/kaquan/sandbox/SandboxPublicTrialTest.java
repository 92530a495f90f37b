package io.kaquan.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The sandbox switched on for public trials, as in production (issue 13 §2): the admin API needs a credential, each
 * user sees only their own accounts, pushes go only to this app's callback, and ids stay in the sandbox's namespace.
 * The only test with this profile (each profile restarts Quarkus).
 */
@QuarkusTest
@TestProfile(SandboxPublicTrialTest.PublicTrial.class)
class SandboxPublicTrialTest {

    /** Production's sandbox settings; the test master key is kept, so the derived admin token is known. */
    public static class PublicTrial implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kaquan.sandbox.admin-open", "false", "kaquan.sandbox.stands-for-wechat", "false");
        }
    }

    static final String ACCOUNTS = "/sandbox/admin/accounts";

    static Session bob;
    static Session carol;

    @BeforeAll
    static void signIn() {
        bob = Session.login("bob");
        carol = Session.login("carol");
    }

    static String adminToken() {
        return "Bearer " + SandboxAccess.derivedToken(
                ConfigProvider.getConfig().getValue("kaquan.secrets.master-key", String.class));
    }

    static JsonPath create(Map<String, Object> settings) {
        return given().header("Authorization", adminToken()).contentType(ContentType.JSON).body(settings)
                .post(ACCOUNTS).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void shouldRefuseAnonymousAdminCallsWithoutShowingAnySecret() {
        JsonPath account = create(Map.of("owner", "bob"));
        String appid = account.getString("appid");
        String secret = account.getString("secret");
        List<Response> answers = List.of(given().get(ACCOUNTS), given().get(ACCOUNTS + "/" + appid),
                given().get(ACCOUNTS + "/" + appid + "/pushes"),
                given().contentType(ContentType.JSON).body("{}").post(ACCOUNTS),
                given().contentType(ContentType.JSON).body("{\"latencyMs\":1}").put(ACCOUNTS + "/" + appid + "/faults"),
                given().contentType(ContentType.JSON).body("{\"event\":\"x\"}").post(ACCOUNTS + "/" + appid + "/pushes"),
                given().header("Authorization", "Bearer wrong").get(ACCOUNTS),
                bob.request().get(ACCOUNTS)); // a signed-in user who is no platform admin
        for (Response answer : answers) {
            assertEquals(401, answer.statusCode(), answer.asString());
            String body = answer.asString();
            assertFalse(body.contains(secret) || body.contains(account.getString("callbackToken"))
                    || body.contains(account.getString("encodingAesKey")), body);
        }
        given().header("Authorization", adminToken()).get(ACCOUNTS + "/" + appid).then().statusCode(200)
                .body("owner", equalTo("bob"));
    }

    @Test
    void shouldShowAndChangeOnlyTheUsersOwnAccounts() {
        String mine = create(Map.of("owner", "bob")).getString("appid");
        String theirs = create(Map.of("owner", "carol")).getString("appid");
        bob.request().get("/sandbox").then().statusCode(200).body(containsString(mine))
                .body(not(containsString(theirs)));
        bob.request().get("/sandbox/accounts/" + mine).then().statusCode(200);
        for (String path : List.of("", "/cards", "/codes")) {
            bob.request().get("/sandbox/accounts/" + theirs + path).then().statusCode(404);
        }
        for (String action : List.of("settings", "faults", "invalidate-tokens", "test-push")) {
            bob.request().formParam("latencyMs", "5000").post("/sandbox/accounts/" + theirs + "/" + action).then()
                    .statusCode(404);
        }
        given().header("Authorization", adminToken()).get(ACCOUNTS + "/" + theirs).then()
                .body("faults.latencyMs", equalTo(0));
        carol.request().get("/sandbox").then().body(containsString(theirs)).body(not(containsString(mine)));
    }

    @Test
    void shouldCreateConsoleAccountsForTheirCreator() {
        bob.request().formParam("messageMode", "SAFE").post("/sandbox/accounts").then().statusCode(303);
        JsonPath all = given().header("Authorization", adminToken()).get(ACCOUNTS).then().statusCode(200).extract()
                .jsonPath();
        List<Map<String, Object>> bobs = all.getList("findAll { it.owner == 'bob' }");
        assertFalse(bobs.isEmpty());
        String appid = (String) bobs.get(0).get("appid");
        assertTrue(appid.startsWith("wxsbx"), appid);
        carol.request().get("/sandbox/accounts/" + appid).then().statusCode(404);
    }

    @Test
    void shouldPushOnlyToThisApplicationsCallback() {
        for (String elsewhere : List.of("http://169.254.169.254/latest/meta-data", "http://127.0.0.1:5432/",
                "https://example.com/wechat/callback/../admin", "file:///etc/passwd", "/other")) {
            given().header("Authorization", adminToken()).contentType(ContentType.JSON)
                    .body(Map.of("callbackUrl", elsewhere)).post(ACCOUNTS).then().statusCode(400)
                    .body("fields", hasKey("callbackUrl"));
        }
        String appid = create(Map.of("callbackUrl", "https://attacker.example/wechat/callback?t=gh_x"))
                .getString("appid");
        // The host is dropped: the sandbox pushes to its own server only.
        given().header("Authorization", adminToken()).get(ACCOUNTS + "/" + appid).then()
                .body("callbackUrl", equalTo("/wechat/callback?t=gh_x"));
        given().header("Authorization", adminToken()).contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", "http://10.0.0.1:8080/steal")).put(ACCOUNTS + "/" + appid).then()
                .statusCode(400);
    }

    @Test
    void shouldKeepSandboxIdsApartFromRealOnes() {
        Map<String, Object> realAppid = new HashMap<>(Map.of("appid", "wx1234567890abcdef"));
        given().header("Authorization", adminToken()).contentType(ContentType.JSON).body(realAppid).post(ACCOUNTS)
                .then().statusCode(400).body("fields", hasKey("appid"));
        given().header("Authorization", adminToken()).contentType(ContentType.JSON)
                .body(Map.of("originalId", "gh_0123456789ab")).post(ACCOUNTS).then().statusCode(400)
                .body("fields", hasKey("originalId"));
        JsonPath generated = create(Map.of());
        assertTrue(generated.getString("appid").matches("wxsbx[0-9a-f]{13}"), generated.getString("appid"));
        assertTrue(generated.getString("originalId").matches("gh_sbx[0-9a-f]{9}"), generated.getString("originalId"));
    }

    @Test
    void shouldRegisterASandboxTenantEndToEndWithTheProductsOwnCredential() {
        String location = bob.request().formParams(Map.of("displayName", "公开试用", "sandbox", "true",
                "messageMode", "SAFE", "appid", "", "appsecret", "", "originalId", "", "callbackToken", "",
                "aesKey", "")).post("/tenants").then().statusCode(303).extract().header("Location");
        assertTrue(location.matches(".*/t/\\d+/settings$"), location);
        // The product created the sandbox account over the admin API, for bob.
        bob.request().get("/sandbox").then().statusCode(200).body(containsString("wxsbx"));
        // A real (non-sandbox) tenant cannot take the sandbox's namespace.
        bob.request().formParams(Map.of("displayName", "冒充", "appid", "wxsbx0123456789abc", "appsecret",
                "0123456789abcdef0123456789abcdef", "originalId", "gh_sbx012345678", "messageMode", "SAFE",
                "callbackToken", "", "aesKey", "")).post("/tenants").then().statusCode(303)
                .header("Location", containsString("/tenants/new"));
    }
}
