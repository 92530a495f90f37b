package io.kaquan.wechat;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/**
 * A tenant registered through the real form, WeChat's side of its account in the sandbox (which stands for WeChat in
 * tests), and the two ways to see what happened: the sandbox's own counts (over HTTP, like any outside observer) and
 * Kaquan's api_usage.
 */
final class WeChatSide {

    final String appid;
    final String secret;
    final String originalId;
    final long tenantId;

    private WeChatSide(String appid, String secret, String originalId, long tenantId) {
        this.appid = appid;
        this.secret = secret;
        this.originalId = originalId;
        this.tenantId = tenantId;
    }

    /**
     * Creates the account on WeChat's side with the given sandbox settings (e.g. tokenTtlSeconds), then registers it
     * as a real account through the form, as the session's user.
     */
    static WeChatSide register(Session owner, String name, Map<String, Object> settings) {
        String appid = TestTenants.appid();
        String secret = TestTenants.hex(32);
        String originalId = TestTenants.originalId();
        Map<String, Object> account = new HashMap<>(settings);
        account.put("appid", appid);
        account.put("secret", secret);
        account.put("originalId", originalId);
        given().contentType(ContentType.JSON).body(account).post("/sandbox/admin/accounts").then().statusCode(201);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("displayName", name);
        form.put("appid", appid);
        form.put("appsecret", secret);
        form.put("originalId", originalId);
        form.put("messageMode", "SAFE");
        return new WeChatSide(appid, secret, originalId, TestTenants.register(owner, form));
    }

    static WeChatSide register(Session owner, String name) {
        return register(owner, name, Map.of());
    }

    /**
     * Calls of one API that the sandbox counted today (it counts calls it admitted: a call refused for its token
     * or by a fault is not counted). Asks like a client: a classic token, then openapi/quota/get.
     */
    int upstream(String api) {
        String token = given().queryParam("grant_type", "client_credential").queryParam("appid", appid)
                .queryParam("secret", secret).get("/sandbox/wechat/cgi-bin/token").then().statusCode(200).extract()
                .path("access_token");
        return given().contentType(ContentType.JSON).queryParam("access_token", token).body(Map.of("cgi_path", api))
                .post("/sandbox/wechat/cgi-bin/openapi/quota/get").then().statusCode(200).extract()
                .path("quota.used");
    }

    void faults(Map<String, Object> faults) {
        given().contentType(ContentType.JSON).body(faults).put("/sandbox/admin/accounts/" + appid + "/faults").then()
                .statusCode(200);
    }

    void settings(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put("/sandbox/admin/accounts/" + appid).then()
                .statusCode(200);
    }

    /** The allowedIps whitelist of the account; none for every IP. */
    void whitelist(List<String> ips) {
        Map<String, Object> body = new HashMap<>();
        body.put("allowedIps", ips);
        settings(body);
    }

    void dailyLimit(String api, Integer daily) {
        Map<String, Object> body = new HashMap<>();
        body.put("api", api);
        body.put("dailyLimit", daily);
        given().contentType(ContentType.JSON).body(body).put("/sandbox/admin/accounts/" + appid + "/limits").then()
                .statusCode(200);
    }

    void minuteLimit(String api, Integer perMinute) {
        Map<String, Object> body = new HashMap<>();
        body.put("api", api);
        body.put("minuteLimit", perMinute);
        given().contentType(ContentType.JSON).body(body).put("/sandbox/admin/accounts/" + appid + "/limits").then()
                .statusCode(200);
    }

    /** Kaquan's own count of today's attempts of an API (api_usage, after this node stored what it counted). */
    int counted(String api) {
        Arc.container().instance(ApiQuotas.class).get().flush();
        return QuarkusTransaction.requiringNew().call(() -> ApiUsage.<ApiUsage> find("tenantId = ?1 and api = ?2 "
                + "and day = ?3", tenantId, api, LocalDate.now(ZoneId.of("Asia/Shanghai"))).firstResultOptional()
                .map(u -> u.calls).orElse(0));
    }

    /** Points the tenant at another API host (a stand-in WeChat) and forgets its token. */
    void apiHost(EntityManager em, WeChatGateway gateway, String baseUrl) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update tenant set api_base_url = ?1 where id = ?2").setParameter(1, baseUrl)
                    .setParameter(2, tenantId).executeUpdate();
            gateway.credentialsChanged(tenantId);
        });
    }

    /** Forgets the tenant's token everywhere, as if it had never been fetched. */
    void forgetToken(WeChatGateway gateway) {
        QuarkusTransaction.requiringNew().run(() -> gateway.credentialsChanged(tenantId));
    }
}
