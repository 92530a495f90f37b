package io.kaquan.agency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.SandboxFixtures;
import io.kaquan.tenant.Tenant;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.TokenMode;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * 授权接入 against the sandbox's open platform, over real HTTP: the ticket arrives, the link is made, a simulated
 * administrator authorizes, the tenant is created from WeChat's answers, its cards go through the authorizer token
 * and their events come back through the platform's message URL; then revoke, authorize again, a missing card
 * permission and a refresh token WeChat no longer accepts.
 */
@QuarkusTest
class AgencyFlowTest {

    static final String PLATFORM = TestPlatform.APPID;
    static final String ADMIN = TestPlatform.ADMIN;

    @BeforeAll
    static void sandboxPlatform() {
        TestPlatform.ensure();
    }

    @Test
    void shouldConnectAnAccountByAuthorizationAndRunItsCardsThroughThePlatform() {
        Session owner = Session.fresh("agency-owner");
        JsonPath account = SandboxFixtures.account(Map.of("owner", "agency-owner"));
        long tenantId = authorize(owner, account.getString("appid"), List.of(8, 13));

        Tenant tenant = tenant(tenantId);
        assertEquals(account.getString("originalId"), tenant.originalId);
        assertEquals(TokenMode.AUTHORIZED, tenant.tokenMode);
        assertEquals("8,13", tenant.permissionSets);
        assertEquals(PLATFORM, tenant.componentAppid);
        owner.request().get("/t/" + tenantId).then().statusCode(200);
        Session.login("carol").request().get("/t/" + tenantId).then().statusCode(404);

        // A card through the authorizer token; its review event comes back through the platform's message URL.
        String cardId = TestCards.create(tenantId, "GROUPON");
        TestCards.review(cardId, true, null);
        Awaitility.await("card_pass_check via /wechat/open/{appid}/callback").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> TestCards.stored(tenantId, cardId).status, status -> status == CardStatus.VERIFY_OK);
        owner.request().get("/t/" + tenantId + "/cards/" + cardId).then().statusCode(200);

        // The administrator revokes: the tenant stays, disconnected, and no call goes out.
        given().post(ADMIN + PLATFORM + "/authorizers/" + account.getString("appid") + "/unauthorize").then()
                .statusCode(200);
        Awaitility.await("disconnected").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> tenant(tenantId).disconnectedAt != null);
        WeChatException stopped = assertThrows(WeChatException.class, () -> gateway().forTenant(tenantId).cardColors());
        assertEquals(61003, stopped.errcode());
        assertNotNull(TestCards.stored(tenantId, cardId), "nothing is deleted");

        // Authorizing again re-binds the same tenant, with the new refresh token.
        assertEquals(tenantId, authorize(owner, account.getString("appid"), List.of(8)));
        assertNull(tenant(tenantId).disconnectedAt);
        assertEquals("8", tenant(tenantId).permissionSets);
        gateway().forTenant(tenantId).cardColors();

        // updateauthorized: the permissions are read again.
        given().contentType(ContentType.JSON).body(Map.of("grantedSets", List.of(8, 11)))
                .post(ADMIN + PLATFORM + "/authorizers/" + account.getString("appid") + "/update").then().statusCode(200);
        Awaitility.await("permissions read again").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> tenant(tenantId).permissionSets, "8,11"::equals);
    }

    @Test
    void shouldRefuseAnAuthorizationWithoutTheCardPermission() {
        Session owner = Session.fresh("agency-nocards");
        JsonPath account = SandboxFixtures.account(Map.of("owner", "agency-nocards"));
        String location = returnFromWeChat(owner, account.getString("appid"), List.of(11, 13));
        assertTrue(location.endsWith("/agency/authorize"), location);
        String page = owner.browse().get("/agency/authorize").then().statusCode(200).extract().asString();
        assertTrue(page.contains("微信卡券"), "the page says which permission is missing");
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> Tenant.count("appid", account.getString("appid"))));
    }

    @Test
    void shouldStopAndSayWhenWeChatNoLongerAcceptsTheRefreshToken() {
        Session owner = Session.fresh("agency-refresh");
        JsonPath account = SandboxFixtures.account(Map.of("owner", "agency-refresh"));
        long tenantId = authorize(owner, account.getString("appid"), List.of(8));
        gateway().forTenant(tenantId).cardColors();
        given().post(ADMIN + PLATFORM + "/authorizers/" + account.getString("appid") + "/replace-refresh-token").then()
                .statusCode(200);
        SandboxFixtures.faults(account, Map.of("invalidateToken", true));
        WeChatException e = assertThrows(WeChatException.class, () -> gateway().forTenant(tenantId).cardColors());
        assertEquals(61023, e.errcode());
        String overview = owner.browse().get("/t/" + tenantId + "/settings").then().statusCode(200).extract().asString();
        assertTrue(overview.contains("重新授权"), "the owner is told to authorize again");
    }

    @Test
    void shouldAcceptTheReturnOnlyFromTheUserTheLinkWasMadeFor() {
        Session owner = Session.fresh("agency-link");
        JsonPath account = SandboxFixtures.account(Map.of("owner", "agency-link"));
        String link = link(owner);
        String back = param(link, "redirect_uri");
        String code = given().contentType(ContentType.JSON).body(Map.of("preAuthCode", param(link, "pre_auth_code"),
                "authorizerAppid", account.getString("appid"), "grantedSets", List.of(8)))
                .post(ADMIN + PLATFORM + "/authorize").then().statusCode(200).extract().path("authCode");
        String path = URI.create(back).getRawPath() + "?" + URI.create(back).getRawQuery() + "&auth_code=" + code;
        String location = Session.login("carol").request().get(path).then().statusCode(303).extract().header("Location");
        assertTrue(location.endsWith("/agency/authorize"), location);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> Tenant.count("appid", account.getString("appid"))));
        given().redirects().follow(false).get("/agency/authorize").then().statusCode(302);
    }

    @Test
    void shouldKeepOnlyThisPlatformsTicket() {
        String before = platform().credentials().orElseThrow().ticket();
        given().contentType("text/xml").body("<xml><AppId><![CDATA[wxotherplatform01]]></AppId><Encrypt><![CDATA[x]]>"
                + "</Encrypt></xml>").queryParam("timestamp", "1").queryParam("nonce", "1")
                .queryParam("msg_signature", "x").post("/wechat/open/events").then().statusCode(403);
        given().contentType("text/xml").body("<xml><AppId><![CDATA[" + PLATFORM + "]]></AppId><Encrypt><![CDATA[x]]>"
                + "</Encrypt></xml>").queryParam("timestamp", "1").queryParam("nonce", "1")
                .queryParam("msg_signature", "x").post("/wechat/open/events").then().statusCode(403);
        assertEquals(before, platform().credentials().orElseThrow().ticket());
    }

    // Helpers

    /** Walks 授权接入 over HTTP (the administrator's page through the admin API); answers the tenant id. */
    static long authorize(Session owner, String authorizerAppid, List<Integer> sets) {
        String location = returnFromWeChat(owner, authorizerAppid, sets);
        Matcher m = Pattern.compile("/t/(\\d+)$").matcher(location);
        assertTrue(m.find(), location);
        return Long.parseLong(m.group(1));
    }

    /** Where Kaquan sends the browser after WeChat's redirect. */
    static String returnFromWeChat(Session owner, String authorizerAppid, List<Integer> sets) {
        String link = link(owner);
        String back = param(link, "redirect_uri");
        String code = given().contentType(ContentType.JSON).body(Map.of("preAuthCode", param(link, "pre_auth_code"),
                "authorizerAppid", authorizerAppid, "grantedSets", sets)).post(ADMIN + PLATFORM + "/authorize").then()
                .statusCode(200).extract().path("authCode");
        URI uri = URI.create(back);
        return owner.request().queryParam("auth_code", code).queryParam("expires_in", 3600)
                .get(uri.getRawPath() + "?" + uri.getRawQuery()).then().statusCode(303).extract().header("Location");
    }

    static String link(Session owner) {
        String page = owner.request().get("/agency/authorize").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<svg"), "a QR code");
        Matcher m = Pattern.compile("id=\"authorize-open\"|href=\"([^\"]*componentloginpage[^\"]*)\"").matcher(page);
        String href = null;
        while (m.find()) {
            if (m.group(1) != null) {
                href = m.group(1).replace("&amp;", "&");
            }
        }
        assertNotNull(href, page);
        assertFalse(href.isBlank());
        return href;
    }

    static String param(String url, String name) {
        Matcher m = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(url);
        assertTrue(m.find(), name + " in " + url);
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    static Tenant tenant(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> findById(id));
    }

    static AgencyPlatform platform() {
        return TestPlatform.platform();
    }

    static WeChatGateway gateway() {
        return Arc.container().instance(WeChatGateway.class).get();
    }
}
