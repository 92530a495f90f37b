package io.kaquan.agency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.account.AuditEntry;
import io.kaquan.sandbox.SandboxFixtures;
import io.kaquan.tenant.AuthorizedAccounts;
import io.kaquan.tenant.Tenant;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.TokenMode;
import io.kaquan.wechat.WeChatAccounts;
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
        String revoked = owner.request().get("/t/" + tenantId + "/settings").then().statusCode(200).extract().asString();
        assertTrue(revoked.contains("已取消授权") && revoked.contains("请重新授权")
                && revoked.contains("id=\"reauthorize-link\""), "the owner is told and given the way back");

        // Authorizing again re-binds the same tenant, with the new refresh token.
        assertEquals(tenantId, authorize(owner, account.getString("appid"), List.of(8)));
        assertNull(tenant(tenantId).disconnectedAt);
        assertEquals("8", tenant(tenantId).permissionSets);
        gateway().forTenant(tenantId).cardColors();

        // WeChat retries the earlier unauthorized push late: made before this authorization, it changes nothing.
        Arc.container().instance(AuthorizedAccounts.class).get().revoked(PLATFORM, account.getString("appid"),
                Instant.now().minusSeconds(120));
        assertNull(tenant(tenantId).disconnectedAt, "a late revocation does not undo a newer authorization");

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
    void shouldShowTheAuthorizationInsteadOfAppSecretTokenModeAndCallback() {
        Session owner = Session.fresh("agency-settings");
        JsonPath account = SandboxFixtures.account(Map.of("owner", "agency-settings"));
        long tenantId = authorize(owner, account.getString("appid"), List.of(8, 13));
        gateway().forTenant(tenantId).cardColors(); // an authorizer token is fetched

        String page = owner.request().get("/t/" + tenantId + "/settings").then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"authorization\""), "the authorization panel");
        assertTrue(page.contains(account.getString("originalId")), "the original id");
        for (String words : List.of("服务号", "微信认证", "沙箱模拟主体", "微信卡券", "微信门店", "已连接",
                "第三方平台 " + PLATFORM)) {
            assertTrue(page.contains(words), words);
        }
        assertFalse(page.contains("id=\"authorizer-token-refreshed\"><span class=\"muted\">"),
                "the last refresh of the authorizer token is shown");
        for (String gone : List.of("/settings/appsecret", "/settings/callback-token", "/settings/aes-key",
                "/settings/token-mode", "id=\"callback-url\"", "id=\"reauthorize\"")) {
            assertFalse(page.contains(gone), gone);
        }
        assertFalse(page.contains("refreshtoken@@@"), "the refresh token is never shown");
        // Posted anyway (an old tab): refused, and the callback stays verified.
        owner.request().formParam("callbackToken", "").post("/t/" + tenantId + "/settings/callback-token").then()
                .statusCode(303);
        owner.request().formParam("aesKey", "").post("/t/" + tenantId + "/settings/aes-key").then().statusCode(303);
        assertNotNull(tenant(tenantId).callbackVerifiedAt, "the platform's pushes still count as verified");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "tenantId = ?1 and action in ?2", tenantId, List.of("tenant.callback-token-replaced",
                        "tenant.aes-key-replaced"))));
        String english = owner.request().cookie("kaquan-lang", "en").get("/t/" + tenantId + "/settings").then()
                .statusCode(200).extract().asString();
        for (String words : List.of("Third-party platform authorization", "Service account", "Cards and offers",
                "Stores", "Connected")) {
            assertTrue(english.contains(words), words);
        }

        // The refresh token lives sealed in its own column, bound to the tenant; the AppSecret column is empty.
        Object[] columns = QuarkusTransaction.requiringNew().call(() -> (Object[]) Tenant.getEntityManager()
                .createNativeQuery("select appsecret_enc, refresh_token_enc from tenant where id = ?1")
                .setParameter(1, tenantId).getSingleResult());
        assertEquals("", columns[0]);
        assertTrue(((String) columns[1]).startsWith("v2:"), "sealed");

        // A viewer reads it and is told to ask an owner; a stranger gets nothing.
        Session viewer = Session.login("bob"); // signed in once: the invitation is accepted at once
        TestTenants.addMember(owner, tenantId, "bob@example.com", "VIEWER");
        String viewed = viewer.request().get("/t/" + tenantId + "/settings").then().statusCode(200).extract().asString();
        assertTrue(viewed.contains(account.getString("originalId")));
        assertFalse(viewed.contains("id=\"settings-form\""), "no form for a viewer");
        viewer.request().formParam("displayName", "改名").formParam("messageMode", "SAFE")
                .post("/t/" + tenantId + "/settings").then().statusCode(403);
        Session stranger = Session.login("carol");
        stranger.request().get("/t/" + tenantId + "/settings").then().statusCode(404);
        stranger.request().formParam("displayName", "改名").formParam("messageMode", "SAFE")
                .post("/t/" + tenantId + "/settings").then().statusCode(404);
        // Its name can still be changed by the owner (the message mode of the platform stays as it is).
        owner.request().formParam("displayName", "客户甲的服务号").formParam("messageMode", "SAFE")
                .post("/t/" + tenantId + "/settings").then().statusCode(303);
        assertEquals("客户甲的服务号", tenant(tenantId).displayName);
    }

    @Test
    void shouldRecoverARefreshTokenWeChatReplacedFromTheAuthorizerInfo() {
        Session owner = Session.fresh("agency-refresh");
        JsonPath account = SandboxFixtures.account(Map.of("owner", "agency-refresh"));
        long tenantId = authorize(owner, account.getString("appid"), List.of(8));
        gateway().forTenant(tenantId).cardColors();
        String before = sealedRefreshToken(tenantId);
        given().post(ADMIN + PLATFORM + "/authorizers/" + account.getString("appid") + "/replace-refresh-token").then()
                .statusCode(200);
        SandboxFixtures.faults(account, Map.of("invalidateToken", true));

        gateway().forTenant(tenantId).cardColors(); // 40001 → 61023 → api_get_authorizer_info → a working token
        assertNotEquals(before, sealedRefreshToken(tenantId), "the recovered refresh token is kept");
        assertTrue(auditActions(tenantId).contains("tenant.refresh-token-recovered"));
        assertNull(tenant(tenantId).authorizationLostAt);
        String page = owner.request().get("/t/" + tenantId + "/settings").then().statusCode(200).extract().asString();
        assertTrue(page.contains("已连接") && !page.contains("id=\"reauthorize\""), "nothing to do for the owner");
    }

    @Test
    void shouldKeepANewRefreshTokenWhenTheTokenRefreshFailsToCommit() {
        Session owner = Session.fresh("agency-rollback");
        JsonPath account = SandboxFixtures.account(Map.of("owner", "agency-rollback"));
        long tenantId = authorize(owner, account.getString("appid"), List.of(8));
        String before = sealedRefreshToken(tenantId);
        WeChatAccounts accounts = Arc.container().instance(WeChatAccounts.class).get();

        // As inside the broker's refresh: rows that reference the tenant are key-share locked (call counts), WeChat's
        // new refresh token is stored, then the refresh fails to commit. The store neither waits for its caller's
        // locks nor goes down with its caller's rollback: WeChat no longer accepts the old one.
        assertThrows(IllegalStateException.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    Tenant.getEntityManager().createNativeQuery("select 1 from tenant where id = ?1 for key share")
                            .setParameter(1, tenantId).getResultList();
                    accounts.refreshTokenChanged(tenantId, "refreshtoken@@@after-a-failed-commit");
                    throw new IllegalStateException("the refresh transaction fails to commit");
                })));
        assertNotEquals(before, sealedRefreshToken(tenantId));
        assertEquals("refreshtoken@@@after-a-failed-commit", accounts.find(tenantId).orElseThrow().appsecret());
    }

    @Test
    void shouldAskForANewAuthorizationWhenNothingRecoversTheRefreshToken() {
        Session owner = Session.fresh("agency-lost");
        JsonPath account = SandboxFixtures.account(Map.of("owner", "agency-lost"));
        long tenantId = authorize(owner, account.getString("appid"), List.of(8));
        gateway().forTenant(tenantId).cardColors();
        // The administrator revoked, and the unauthorized push never arrived: WeChat answers 61003 everywhere.
        given().queryParam("push", false)
                .post(ADMIN + PLATFORM + "/authorizers/" + account.getString("appid") + "/unauthorize").then()
                .statusCode(200);
        SandboxFixtures.faults(account, Map.of("invalidateToken", true));

        WeChatException e = assertThrows(WeChatException.class, () -> gateway().forTenant(tenantId).cardColors());
        assertEquals(61003, e.errcode());
        assertNotNull(tenant(tenantId).authorizationLostAt);
        assertTrue(auditActions(tenantId).contains("tenant.authorization-lost"));
        String page = owner.request().get("/t/" + tenantId + "/settings").then().statusCode(200).extract().asString();
        assertTrue(page.contains("授权已失效"), "the state in words");
        assertTrue(page.contains("请重新授权"), "what to do");
        assertTrue(page.contains("href=\"/agency/authorize\" id=\"reauthorize-link\""), "the way to do it");
        String accounts = owner.request().get("/accounts").then().statusCode(200).extract().asString();
        assertTrue(accounts.contains("授权已失效，请重新授权"), "told on the overview of all accounts too");
        String english = owner.request().cookie("kaquan-lang", "en").get("/t/" + tenantId + "/settings").then()
                .statusCode(200).extract().asString();
        assertTrue(english.contains("Authorization no longer works") && english.contains("Authorize again"));

        // Authorizing again connects it again.
        assertEquals(tenantId, authorize(owner, account.getString("appid"), List.of(8)));
        assertNull(tenant(tenantId).authorizationLostAt);
        gateway().forTenant(tenantId).cardColors();
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

    static String sealedRefreshToken(long tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) Tenant.getEntityManager()
                .createNativeQuery("select refresh_token_enc from tenant where id = ?1").setParameter(1, tenantId)
                .getSingleResult());
    }

    @SuppressWarnings("unchecked")
    static List<String> auditActions(long tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) Tenant.getEntityManager()
                .createNativeQuery("select action from audit_log where tenant_id = ?1").setParameter(1, tenantId)
                .getResultList());
    }

    static WeChatGateway gateway() {
        return Arc.container().instance(WeChatGateway.class).get();
    }
}
