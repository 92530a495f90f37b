package io.kaquan.testing;

import static org.hamcrest.Matchers.matchesPattern;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Registers tenants through the real form, with fresh identifiers so that tests never collide. */
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

    /** A complete, valid registration form for a real (non-sandbox) account. */
    public static Map<String, String> validForm(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("displayName", name);
        form.put("appid", appid());
        form.put("appsecret", hex(32));
        form.put("originalId", originalId());
        form.put("messageMode", "SAFE");
        form.put("callbackToken", "");
        form.put("aesKey", "");
        return form;
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

    /** Makes {@code member} (who must have signed in once) a member of the tenant with the given role. */
    public static void addMember(Session owner, long tenantId, String email, String role) {
        owner.request().formParam("email", email).formParam("role", role)
                .post("/t/" + tenantId + "/members").then().statusCode(303);
    }
}
