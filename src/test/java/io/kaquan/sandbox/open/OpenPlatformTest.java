package io.kaquan.sandbox.open;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.kaquan.sandbox.CallbackReceiver;
import io.kaquan.sandbox.CardSandbox;
import io.kaquan.sandbox.SandboxCrypto;
import io.kaquan.sandbox.SandboxFixtures;
import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** The simulated open platform (open-platform-protocol.md §2–§7) over HTTP, as a third-party platform sees it. */
@QuarkusTest
public class OpenPlatformTest {

    static final String COMPONENT = "/sandbox/wechat/cgi-bin/component/";
    static final String ADMIN = "/sandbox/admin/open-platforms/";

    CallbackReceiver receiver;
    JsonPath platform;
    CardSandbox account;

    @BeforeEach
    void platformAndAccount() throws Exception {
        receiver = new CallbackReceiver();
        platform = platform(Map.of());
        account = CardSandbox.create();
    }

    @AfterEach
    void close() {
        receiver.close();
    }

    @Test
    void shouldPushAnEncryptedTicketThatOpensTheComponentToken() {
        CallbackReceiver.Received push = receiver.await("/events", 1, Duration.ofSeconds(10)).get(0);
        String body = push.body();
        assertTrue(body.contains("<AppId><![CDATA[" + appid() + "]]></AppId>"), body);
        String encrypted = element(body, "Encrypt");
        Map<String, String> q = push.query();
        assertEquals("aes", q.get("encrypt_type"));
        assertEquals(SandboxCrypto.signature(platform.getString("token"), q.get("timestamp"), q.get("nonce")),
                q.get("signature"));
        assertEquals(SandboxCrypto.signature(platform.getString("token"), q.get("timestamp"), q.get("nonce"), encrypted),
                q.get("msg_signature"));
        SandboxCrypto.Plain plain = SandboxCrypto.decrypt(platform.getString("encodingAesKey"), encrypted);
        assertEquals(appid(), plain.appid(), "the trailer is the platform's appid");
        assertEquals("component_verify_ticket", element(plain.message(), "InfoType"));
        assertEquals(q.get("timestamp"), element(plain.message(), "CreateTime"));
        String ticket = element(plain.message(), "ComponentVerifyTicket");
        assertTrue(ticket.startsWith("ticket@@@"), ticket);

        component("api_component_token", null, Map.of("component_appid", appid(), "component_appsecret",
                platform.getString("secret"), "component_verify_ticket", "ticket@@@unknown")).body("errcode", equalTo(61006));
        component("api_component_token", null, Map.of("component_appid", appid(), "component_appsecret", "wrong",
                "component_verify_ticket", ticket)).body("errcode", equalTo(40125));
        component("api_component_token", null, Map.of("component_appid", "wxnosuchplatform1", "component_appsecret",
                "x", "component_verify_ticket", ticket)).body("errcode", equalTo(61011))
                .body("errmsg", startsWith("invalid component rid: "));
        component("api_component_token", null, Map.of("component_appid", appid(), "component_appsecret",
                platform.getString("secret"), "component_verify_ticket", ticket)).body("$", not(hasKey("errcode")))
                .body("expires_in", equalTo(7200));
    }

    @Test
    void shouldHoldAPlatformsTokenToTheRuleOfAnAccountsCallbackToken() {
        // 3 to 32 letters or digits, like an account's Token (wechat-protocol.md §2.1).
        for (String wrong : List.of("ab", "x".repeat(33), "has space")) {
            given().contentType(ContentType.JSON).body(Map.of("token", wrong, "ticketsPaused", true)).post(ADMIN).then()
                    .statusCode(400).body("fields.token", notNullValue());
            given().contentType(ContentType.JSON).body(Map.of("callbackToken", wrong)).post("/sandbox/admin/accounts")
                    .then().statusCode(400).body("fields.callbackToken", notNullValue());
        }
        given().contentType(ContentType.JSON).body(Map.of("token", "abc", "ticketsPaused", true)).post(ADMIN).then()
                .statusCode(201).body("token", equalTo("abc"));
    }

    @Test
    void shouldRefuseAnExpiredTicket() throws Exception {
        JsonPath shortLived = platform(Map.of("ticketTtlSeconds", 1));
        String ticket = ticket(shortLived);
        Map<String, Object> body = Map.of("component_appid", shortLived.getString("appid"), "component_appsecret",
                shortLived.getString("secret"), "component_verify_ticket", ticket);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> component("api_component_token", null, body).extract().<Integer> path("errcode"),
                        code -> code != null && code == 61005);
    }

    @Test
    void shouldWalkTheWholeAuthorizationFlow() {
        String componentToken = componentToken(platform);
        assertEquals(40001, (int) component("api_create_preauthcode", "x".repeat(136), Map.of("component_appid", appid()))
                .extract().path("errcode"));
        component("api_create_preauthcode", componentToken, Map.of("component_appid", "wxother")).body("errcode",
                equalTo(40013));
        String preAuthCode = preAuthCode(componentToken);
        JsonPath authorized = authorize(preAuthCode, List.of(8, 13));
        assertEquals("authorized", authorized.getString("infoType"));
        given().contentType(ContentType.JSON).body(Map.of("preAuthCode", preAuthCode, "authorizerAppid", account.appid,
                "grantedSets", List.of(8))).post(ADMIN + appid() + "/authorize").then().statusCode(400);

        String event = eventOf("authorized");
        assertEquals(account.appid, element(event, "AuthorizerAppid"));
        assertEquals(authorized.getString("authCode"), element(event, "AuthorizationCode"));
        assertEquals(preAuthCode, element(event, "PreAuthCode"));

        JsonPath auth = component("api_query_auth", componentToken, Map.of("component_appid", appid(),
                "authorization_code", authorized.getString("authCode"))).body("$", not(hasKey("errcode"))).extract()
                .jsonPath();
        assertEquals(account.appid, auth.getString("authorization_info.authorizer_appid"));
        assertEquals(List.of(8, 13), auth.getList("authorization_info.func_info.funcscope_category.id", Integer.class));
        String accessToken = auth.getString("authorization_info.authorizer_access_token");
        String refreshToken = auth.getString("authorization_info.authorizer_refresh_token");
        component("api_query_auth", componentToken, Map.of("component_appid", appid(), "authorization_code",
                authorized.getString("authCode"))).body("errcode", equalTo(61009));

        card(accessToken, "/card/batchget", Map.of("offset", 0, "count", 10)).body("errcode", equalTo(0));

        JsonPath refreshed = component("api_authorizer_token", componentToken, Map.of("component_appid", appid(),
                "authorizer_appid", account.appid, "authorizer_refresh_token", refreshToken)).extract().jsonPath();
        assertEquals(refreshToken, refreshed.getString("authorizer_refresh_token"), "the refresh token does not rotate");
        String newToken = refreshed.getString("authorizer_access_token");
        assertNotEquals(accessToken, newToken);
        card(accessToken, "/card/batchget", Map.of("offset", 0, "count", 10)).body("errcode", equalTo(40001));
        card(newToken, "/card/batchget", Map.of("offset", 0, "count", 10)).body("errcode", equalTo(0));
        component("api_authorizer_token", componentToken, Map.of("component_appid", appid(), "authorizer_appid",
                account.appid, "authorizer_refresh_token", "refreshtoken@@@wrong")).body("errcode", equalTo(61023));

        JsonPath info = component("api_get_authorizer_info", componentToken, Map.of("component_appid", appid(),
                "authorizer_appid", account.appid)).extract().jsonPath();
        assertEquals(account.originalId, info.getString("authorizer_info.user_name"));
        assertEquals(1, info.getInt("authorizer_info.business_info.open_card"));
        assertEquals(refreshToken, info.getString("authorization_info.authorizer_refresh_token"));
        component("api_get_authorizer_list", componentToken, Map.of("component_appid", appid(), "offset", 0, "count",
                500)).body("total_count", equalTo(1)).body("list[0].authorizer_appid", equalTo(account.appid))
                .body("list[0].refresh_token", equalTo(refreshToken));

        // 更新授权 without 微信卡券: the card APIs answer 61007.
        given().contentType(ContentType.JSON).body(Map.of("grantedSets", List.of(13)))
                .post(ADMIN + appid() + "/authorizers/" + account.appid + "/update").then().statusCode(200)
                .body("infoType", equalTo("updateauthorized"));
        eventOf("updateauthorized");
        card(newToken, "/card/batchget", Map.of("offset", 0, "count", 10)).body("errcode", equalTo(61007));

        // 取消授权: tokens stop, the platform hears of it, the account leaves the list.
        given().post(ADMIN + appid() + "/authorizers/" + account.appid + "/unauthorize").then().statusCode(200);
        assertEquals(account.appid, element(eventOf("unauthorized"), "AuthorizerAppid"));
        card(newToken, "/card/batchget", Map.of("offset", 0, "count", 10)).body("errcode", equalTo(40001));
        component("api_authorizer_token", componentToken, Map.of("component_appid", appid(), "authorizer_appid",
                account.appid, "authorizer_refresh_token", refreshToken)).body("errcode", equalTo(61003));
        component("api_get_authorizer_info", componentToken, Map.of("component_appid", appid(), "authorizer_appid",
                account.appid)).body("errcode", equalTo(61003));
        component("api_get_authorizer_list", componentToken, Map.of("component_appid", appid()))
                .body("total_count", equalTo(0));

        // Authorizing again gives a new refresh token; the old one is 61023.
        JsonPath again = authorize(preAuthCode(componentToken), List.of(8));
        assertEquals("authorized", again.getString("infoType"));
        String newRefresh = component("api_query_auth", componentToken, Map.of("component_appid", appid(),
                "authorization_code", again.getString("authCode"))).extract()
                .path("authorization_info.authorizer_refresh_token");
        assertNotEquals(refreshToken, newRefresh);
        component("api_authorizer_token", componentToken, Map.of("component_appid", appid(), "authorizer_appid",
                account.appid, "authorizer_refresh_token", refreshToken)).body("errcode", equalTo(61023));
    }

    @Test
    void shouldSendAnAuthorizersCardEventsToThePlatformsMessageUrl() {
        String componentToken = componentToken(platform);
        JsonPath authorized = authorize(preAuthCode(componentToken), List.of(8));
        String accessToken = component("api_query_auth", componentToken, Map.of("component_appid", appid(),
                "authorization_code", authorized.getString("authCode"))).extract()
                .path("authorization_info.authorizer_access_token");
        String cardId = card(accessToken, "/card/create", account.cardBody("GROUPON", base -> {
        }, typed -> {
        })).body("errcode", equalTo(0)).extract().path("card_id");
        CardSandbox.review(cardId, Map.of("pass", true)).statusCode(200);

        String path = "/msg/" + account.appid + "/callback";
        CallbackReceiver.Received push = receiver.await(path, 1, Duration.ofSeconds(10)).get(0);
        assertTrue(push.body().contains("<ToUserName><![CDATA[" + account.originalId + "]]></ToUserName>"), push.body());
        String encrypted = element(push.body(), "Encrypt");
        assertEquals(SandboxCrypto.signature(platform.getString("token"), push.query().get("timestamp"),
                push.query().get("nonce"), encrypted), push.query().get("msg_signature"));
        SandboxCrypto.Plain plain = SandboxCrypto.decrypt(platform.getString("encodingAesKey"), encrypted);
        assertEquals(appid(), plain.appid(), "the trailer is the platform's appid, not the account's");
        assertEquals("card_pass_check", element(plain.message(), "Event"));
        assertEquals(cardId, element(plain.message(), "CardId"));
    }

    @Test
    void shouldRefuseAComponentTokenOnAnAccountsApiAndTheStoresWithoutTheirSet() {
        String componentToken = componentToken(platform);
        // A platform's own token is not an account's: WeChat answers 48001, not 40001 (§7).
        card(componentToken, "/card/batchget", Map.of("offset", 0, "count", 10)).body("errcode", equalTo(48001));
        card(componentToken, "/cgi-bin/poi/getpoilist", Map.of("begin", 0, "limit", 10)).body("errcode",
                equalTo(48001));

        JsonPath authorized = authorize(preAuthCode(componentToken), List.of(8));
        String accessToken = component("api_query_auth", componentToken, Map.of("component_appid", appid(),
                "authorization_code", authorized.getString("authCode"))).extract()
                .path("authorization_info.authorizer_access_token");
        card(accessToken, "/card/batchget", Map.of("offset", 0, "count", 10)).body("errcode", equalTo(0));
        // 微信门店 (set 13) not granted: the store APIs answer 61007; granted, they answer.
        card(accessToken, "/cgi-bin/poi/getpoilist", Map.of("begin", 0, "limit", 10)).body("errcode",
                equalTo(61007));
        given().contentType(ContentType.JSON).body(Map.of("grantedSets", List.of(8, 13)))
                .post(ADMIN + appid() + "/authorizers/" + account.appid + "/update").then().statusCode(200);
        card(accessToken, "/cgi-bin/poi/getpoilist", Map.of("begin", 0, "limit", 10)).body("errcode", equalTo(0));
    }

    @Test
    void shouldLetTheSignedInAdministratorAuthorizeOneOfTheirAccountsOnThePage() {
        JsonPath own = SandboxFixtures.account(Map.of("owner", "bob"));
        Session bob = Session.login("bob");
        String code = preAuthCode(componentToken(platform));
        String back = receiver.url("/back?tenant=7");
        String page = bob.request().queryParam("component_appid", appid()).queryParam("pre_auth_code", code)
                .queryParam("redirect_uri", back).queryParam("category_id_list", "8|13")
                .get("/sandbox/open/componentloginpage").then().statusCode(200).extract().asString();
        assertTrue(page.contains(own.getString("appid")), "bob's own account is offered");
        assertTrue(!page.contains(account.appid), "another user's account is not offered");

        // Someone else's account cannot be chosen.
        bob.request().formParam("component_appid", appid()).formParam("pre_auth_code", code)
                .formParam("redirect_uri", back).formParam("authorizer", account.appid).formParam("sets", 8)
                .post("/sandbox/open/componentloginpage").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString("/sandbox/open/componentloginpage"));
        String location = bob.request().formParam("component_appid", appid()).formParam("pre_auth_code", code)
                .formParam("redirect_uri", back).formParam("authorizer", own.getString("appid")).formParam("sets", 8)
                .formParam("sets", 13).post("/sandbox/open/componentloginpage").then().statusCode(303).extract()
                .header("Location");
        assertTrue(location.startsWith(back + "&auth_code=queryauthcode%40%40%40"), location);
        assertTrue(location.endsWith("&expires_in=3600"), location);

        // A pre-auth code serves once.
        bob.request().queryParam("component_appid", appid()).queryParam("pre_auth_code", code)
                .queryParam("redirect_uri", back).get("/sandbox/open/componentloginpage").then().statusCode(400);
    }

    @Test
    void shouldListThePlatformsAnAccountAuthorizedOnTheAccountsPage() {
        String bobsAppid = SandboxFixtures.account(Map.of("owner", "bob")).getString("appid");
        Session bob = Session.login("bob");
        bob.request().get("/sandbox/accounts/" + bobsAppid).then().statusCode(200)
                .body(containsString("id=\"authorized-platforms-empty\""));
        given().contentType(ContentType.JSON).body(Map.of("preAuthCode", preAuthCode(componentToken(platform)),
                "authorizerAppid", bobsAppid, "grantedSets", List.of(8, 13))).post(ADMIN + appid() + "/authorize").then()
                .statusCode(200);
        bob.request().get("/sandbox/accounts/" + bobsAppid).then().statusCode(200)
                .body(containsString("data-platform=\"" + appid() + "\"")).body(containsString("微信卡券、微信门店"));

        given().post(ADMIN + appid() + "/authorizers/" + bobsAppid + "/unauthorize").then().statusCode(200);
        bob.request().get("/sandbox/accounts/" + bobsAppid).then().statusCode(200)
                .body(not(containsString("data-platform=\"" + appid() + "\"")));
    }

    @Test
    void shouldHideAPlatformsConsoleFromOtherUsers() {
        JsonPath bobs = given().contentType(ContentType.JSON).body(Map.of("owner", "bob", "ticketsPaused", true))
                .post(ADMIN).then().statusCode(201).extract().jsonPath();
        Session.login("bob").request().get("/sandbox/open/" + bobs.getString("appid")).then().statusCode(200);
        Session.login("carol").request().get("/sandbox/open/" + bobs.getString("appid")).then().statusCode(404);
        Session.login("carol").request().post("/sandbox/open/" + bobs.getString("appid") + "/ticket").then()
                .statusCode(404);
        Session.login("alice").request().get("/sandbox/open/" + bobs.getString("appid")).then().statusCode(200);
    }

    @Test
    void shouldLetOnlyTheAccountsAdministratorChangeOrRevokeItsAuthorization() {
        JsonPath carols = platform(Map.of("owner", "carol"));
        String carolsAppid = carols.getString("appid");
        String bobsAppid = SandboxFixtures.account(Map.of("owner", "bob")).getString("appid");
        String token = componentToken(carols);
        String code = component("api_create_preauthcode", token, Map.of("component_appid", carolsAppid)).extract()
                .path("pre_auth_code");
        given().contentType(ContentType.JSON).body(Map.of("preAuthCode", code, "authorizerAppid", bobsAppid,
                "grantedSets", List.of(1))).post(ADMIN + carolsAppid + "/authorize").then().statusCode(200);

        // Carol's platform sees Bob's account, but granting herself 微信卡券 is Bob's decision, not hers.
        Session carol = Session.login("carol");
        carol.request().get("/sandbox/open/" + carolsAppid).then().statusCode(200)
                .body(containsString("由该公众号的管理员操作"))
                .body(not(containsString("/authorizers/" + bobsAppid + "/update")));
        carol.request().formParam("sets", 8).post("/sandbox/open/" + carolsAppid + "/authorizers/" + bobsAppid
                + "/update").then().statusCode(404);
        carol.request().post("/sandbox/open/" + carolsAppid + "/authorizers/" + bobsAppid + "/unauthorize").then()
                .statusCode(404);
        assertEquals(List.of(1), component("api_get_authorizer_info", token, Map.of("component_appid", carolsAppid,
                "authorizer_appid", bobsAppid)).extract().jsonPath()
                .getList("authorization_info.func_info.funcscope_category.id", Integer.class));

        // A second click on 取消授权 says the account is gone, in words, not with an error page.
        Session alice = Session.login("alice"); // a platform admin administers every sandbox account
        alice.request().post("/sandbox/open/" + carolsAppid + "/authorizers/" + bobsAppid + "/unauthorize").then()
                .statusCode(303);
        alice.request().post("/sandbox/open/" + carolsAppid + "/authorizers/" + bobsAppid + "/unauthorize").then()
                .statusCode(303);
    }

    /**
     * WxJava's open-platform client ({@code weixin-java-open}, {@code WxOpenComponentServiceImpl}): the Maven
     * repository this build uses does not serve it, so its requests are sent here as it builds them — Gson's compact
     * JSON with its field names in its order, the token as {@code component_access_token} in the query, under both
     * content types its HTTP executors have sent — and the answers are read by the names its result beans map.
     */
    @ParameterizedTest(name = "Content-Type {0}")
    @ValueSource(strings = { "application/json; charset=utf-8", "text/plain; charset=UTF-8" })
    void shouldServeWxJavasOpenPlatformRequestsAsItSendsThem(String contentType) {
        String appid = appid();
        // getComponentAccessToken(false)
        JsonPath token = wxJava(contentType, "api_component_token", null, "{\"component_appid\":\"" + appid
                + "\",\"component_appsecret\":\"" + platform.getString("secret") + "\",\"component_verify_ticket\":\""
                + ticket(platform) + "\"}");
        String componentToken = token.getString("component_access_token");
        assertTrue(componentToken != null && token.getInt("expires_in") > 0, token.prettify());
        // getPreAuthUrl(redirectUri)
        String preAuthCode = wxJava(contentType, "api_create_preauthcode", componentToken,
                "{\"component_appid\":\"" + appid + "\"}").getString("pre_auth_code");
        String authCode = authorize(preAuthCode, List.of(8, 13)).getString("authCode");
        // getQueryAuth(authorizationCode)
        JsonPath auth = wxJava(contentType, "api_query_auth", componentToken, "{\"component_appid\":\"" + appid
                + "\",\"authorization_code\":\"" + authCode + "\"}");
        assertEquals(account.appid, auth.getString("authorization_info.authorizer_appid"));
        assertTrue(auth.getString("authorization_info.authorizer_access_token").length() > 0);
        assertTrue(auth.getInt("authorization_info.expires_in") > 0);
        assertEquals(List.of(8, 13), auth.getList("authorization_info.func_info.funcscope_category.id"));
        String refreshToken = auth.getString("authorization_info.authorizer_refresh_token");
        // getAuthorizerAccessToken(appid, true)
        JsonPath refreshed = wxJava(contentType, "api_authorizer_token", componentToken, "{\"component_appid\":\""
                + appid + "\",\"authorizer_appid\":\"" + account.appid + "\",\"authorizer_refresh_token\":\""
                + refreshToken + "\"}");
        assertTrue(refreshed.getString("authorizer_access_token").length() > 0);
        assertTrue(refreshed.getInt("expires_in") > 0);
        assertEquals(refreshToken, refreshed.getString("authorizer_refresh_token"));
        // getAuthorizerInfo(appid)
        JsonPath info = wxJava(contentType, "api_get_authorizer_info", componentToken, "{\"component_appid\":\"" + appid
                + "\",\"authorizer_appid\":\"" + account.appid + "\"}");
        assertEquals(account.originalId, info.getString("authorizer_info.user_name"));
        assertTrue(info.getString("authorizer_info.nick_name").length() > 0);
        assertEquals(2, info.getInt("authorizer_info.service_type_info.id"));
        assertEquals(0, info.getInt("authorizer_info.verify_type_info.id"));
        assertEquals(1, info.getInt("authorizer_info.business_info.open_card"));
        assertEquals(account.appid, info.getString("authorization_info.authorizer_appid"));
        assertEquals(refreshToken, info.getString("authorization_info.authorizer_refresh_token"));
        // getAuthorizerList(0, 0): WxJava asks for 10 when given 0
        JsonPath list = wxJava(contentType, "api_get_authorizer_list", componentToken, "{\"component_appid\":\"" + appid
                + "\",\"offset\":0,\"count\":10}");
        assertEquals(1, list.getInt("total_count"));
        assertEquals(account.appid, list.getString("list[0].authorizer_appid"));
        assertEquals(refreshToken, list.getString("list[0].refresh_token"));
        assertTrue(list.getLong("list[0].auth_time") > 0);
        // startPushTicket()
        assertEquals(0, wxJava(contentType, "api_start_push_ticket", null, "{\"component_appid\":\"" + appid
                + "\",\"component_secret\":\"" + platform.getString("secret") + "\"}").getInt("errcode"));
    }

    /** One request as WxJava's SimplePostRequestExecutor sends it; a WeChat error in the answer fails the test. */
    static JsonPath wxJava(String contentType, String api, String componentToken, String json) {
        var request = given().contentType(contentType).body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (componentToken != null) {
            request.queryParam("component_access_token", componentToken);
        }
        JsonPath answer = request.post(COMPONENT + api).then().statusCode(200).extract().jsonPath();
        int errcode = answer.get("errcode") == null ? 0 : answer.getInt("errcode");
        assertTrue(errcode == 0 || api.equals("api_start_push_ticket"), api + ": " + answer.prettify());
        return answer;
    }

    // Helpers

    JsonPath platform(Map<String, Object> settings) {
        Map<String, Object> body = new HashMap<>(settings);
        body.put("authEventUrl", receiver.url("/events"));
        body.put("messageUrl", receiver.url("/msg/$APPID$/callback"));
        return given().contentType(ContentType.JSON).body(body).post(ADMIN).then().statusCode(201).extract().jsonPath();
    }

    String appid() {
        return platform.getString("appid");
    }

    /** The latest ticket pushed to that platform (its first one comes at once). */
    String ticket(JsonPath of) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (CallbackReceiver.Received push : receiver.receivedAt("/events")) {
                if (push.body().contains("<AppId><![CDATA[" + of.getString("appid") + "]]>")) {
                    String message = SandboxCrypto.decrypt(of.getString("encodingAesKey"), element(push.body(), "Encrypt"))
                            .message();
                    if (message.contains("component_verify_ticket")) {
                        return element(message, "ComponentVerifyTicket");
                    }
                }
            }
            return null;
        }, ticket -> ticket != null);
    }

    String componentToken(JsonPath of) {
        return component("api_component_token", null, Map.of("component_appid", of.getString("appid"),
                "component_appsecret", of.getString("secret"), "component_verify_ticket", ticket(of))).extract()
                .path("component_access_token");
    }

    String preAuthCode(String componentToken) {
        return component("api_create_preauthcode", componentToken, Map.of("component_appid", appid())).extract()
                .path("pre_auth_code");
    }

    JsonPath authorize(String preAuthCode, List<Integer> sets) {
        return given().contentType(ContentType.JSON).body(Map.of("preAuthCode", preAuthCode, "authorizerAppid",
                account.appid, "grantedSets", sets)).post(ADMIN + appid() + "/authorize").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The decrypted plaintext of the latest push of that InfoType. */
    String eventOf(String infoType) {
        return Awaitility.await(infoType).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<CallbackReceiver.Received> pushes = receiver.receivedAt("/events");
            for (int i = pushes.size() - 1; i >= 0; i--) {
                String message = SandboxCrypto.decrypt(platform.getString("encodingAesKey"),
                        element(pushes.get(i).body(), "Encrypt")).message();
                if (infoType.equals(element(message, "InfoType"))) {
                    return message;
                }
            }
            return null;
        }, message -> message != null);
    }

    static ValidatableResponse component(String api, String token, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.queryParam("component_access_token", token);
        }
        return request.post(COMPONENT + api).then().statusCode(200);
    }

    static ValidatableResponse card(String token, String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).queryParam("access_token", token)
                .post("/sandbox/wechat" + path).then().statusCode(200);
    }

    static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</" + name + ">", Pattern.DOTALL)
                .matcher(xml);
        return m.find() ? m.group(1) : null;
    }
}
