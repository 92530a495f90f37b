package io.kaquan.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.restassured.http.ContentType;

/**
 * Registers tenants through the real form, with fresh identifiers so that tests never collide. Registration checks the
 * appid and secret with WeChat; tests have no internet, so "real" accounts live in the built-in sandbox
 * ({@code %test.kaquan.wechat.api-base-url}), created here over its admin API as WeChat's side of the account.
 */
public final class TestTenants {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTenants() {
    }

    public static String hex(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    public static String appid() {
        return "wx" + hex(16);
    }

    public static String originalId() {
        return "gh_" + hex(12);
    }

    /** A complete, valid registration form for a real (non-sandbox) account that WeChat (the sandbox) knows. */
    public static Map<String, String> validForm(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("displayName", name);
        form.put("appid", appid());
        form.put("appsecret", hex(32));
        form.put("originalId", originalId());
        wechatAccount(form.get("appid"), form.get("appsecret"), form.get("originalId"));
        form.put("messageMode", "SAFE");
        form.put("callbackToken", "");
        form.put("aesKey", "");
        return form;
    }

    /** Creates WeChat's side of an account (in the sandbox, which stands for WeChat in tests). */
    public static void wechatAccount(String appid, String appsecret, String originalId) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("appid", appid);
        account.put("secret", appsecret);
        account.put("originalId", originalId);
        // The app's URL explicitly: this also runs in @BeforeAll, before REST Assured knows the test port.
        given().baseUri(Session.appUrl().toString()).contentType(ContentType.JSON).body(account)
                .post("/sandbox/admin/accounts").then().statusCode(201);
    }

    /** Registers a tenant owned by the session's user and returns its id. */
    public static long register(Session owner, String name) {
        return register(owner, validForm(name));
    }

    public static long register(Session owner, Map<String, String> form) {
        String location = owner.request().formParams(form).post("/tenants")
                .then().statusCode(303).header("Location", matchesPattern(".*/t/\\d+/settings$"))
                .extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/t/(\\d+)/settings$", "$1"));
    }

    /**
     * Invites {@code email} with the given role; a user who signed in before (as the e-mail's local part) then accepts
     * through the invitation link, as in the app, and is a member on return.
     */
    public static void addMember(Session owner, long tenantId, String email, String role) {
        owner.request().formParam("email", email).formParam("role", role)
                .post("/t/" + tenantId + "/members").then().statusCode(303);
        String address = email.toLowerCase(Locale.ROOT);
        if (io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> io.kaquan.account.AppUser.findByEmail(address).isPresent())) {
            Session.login(address.substring(0, address.indexOf('@'))).request()
                    .post("/invitations/" + invitationToken(tenantId, address) + "/accept").then().statusCode(303);
        }
    }

    /** The link token of the tenant's pending invitation for the address. */
    public static String invitationToken(long tenantId, String email) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> io.kaquan.account.Invitation.<io.kaquan.account.Invitation> find("tenantId = ?1 and email = ?2",
                        tenantId,
                        email.toLowerCase(Locale.ROOT)).firstResult().token);
    }
}
