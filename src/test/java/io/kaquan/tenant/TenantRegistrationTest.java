package io.kaquan.tenant;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class TenantRegistrationTest {

    private static final String SHOP = "测试门店";
    /** A well-formed AppSecret that WeChat does not accept for any account of these tests. */
    private static final String STALE_SECRET = "0123456789abcdefABCDEF0123456789";
    private static final Pattern REVEALED_TOKEN = Pattern.compile("id=\"revealed-token\" class=\"secret\">([A-Za-z0-9]+)<");
    private static final Pattern REVEALED_KEY = Pattern.compile("id=\"revealed-aes-key\" class=\"secret\">([A-Za-z0-9]+)<");

    static Session alice;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void signIn() {
        alice = Session.login("alice");
    }

    @Test
    void shouldShowTheRegistrationFormInChinese() {
        alice.request().get("/tenants/new").then().statusCode(200)
                .body(containsString("接入公众号"))
                .body(containsString("name=\"appid\""))
                .body(containsString("安全模式（推荐）"));
    }

    @Test
    void shouldRegisterARealAccountAndMakeTheRegistrantOwner() {
        Map<String, String> form = TestTenants.validForm(SHOP);
        long id = TestTenants.register(alice, form);

        alice.request().get("/").then().statusCode(200)
                .body(containsString(SHOP))
                .body(containsString(form.get("appid")))
                .body(containsString("正式账号"))
                .body(containsString("回调未验证"))
                .body(containsString("您的角色：所有者"));
        alice.request().get("/t/" + id).then().statusCode(200)
                .body(containsString(form.get("originalId")));
        alice.request().get("/t/" + id + "/settings").then().statusCode(200)
                .body(containsString("/wechat/callback"));
    }

    @Test
    void shouldShowGeneratedTokenAndKeyOnlyOnce() {
        Map<String, String> form = TestTenants.validForm("一次性展示");
        Response redirect = alice.request().formParams(form).post("/tenants");
        redirect.then().statusCode(303);
        String flashCookie = redirect.getCookie("kaquan-flash");
        Response afterRegister = alice.request().cookie("kaquan-flash", flashCookie)
                .get(java.net.URI.create(redirect.getHeader("Location")).getPath());
        String page = afterRegister.asString();
        Matcher token = REVEALED_TOKEN.matcher(page);
        Matcher key = REVEALED_KEY.matcher(page);
        assertTrue(token.find(), "the callback token is shown right after registering");
        assertTrue(key.find(), "the AES key is shown right after registering");
        assertTrue(token.group(1).length() >= 3 && token.group(1).length() <= 32);
        assertEquals(43, key.group(1).length());
        assertTrue(page.contains("以下密钥只显示这一次"));
        assertEquals("no-store", afterRegister.getHeader("Cache-Control"), "no cache keeps the page with the secrets");

        // The secrets were in no cookie: the flash carries only a random id, which opens them once, server-side.
        String cookies = redirect.getHeaders().getValues("Set-Cookie").toString();
        assertFalse(cookies.contains(token.group(1)), "not in the flash cookie");
        assertFalse(cookies.contains(key.group(1)), "not in the flash cookie");
        assertFalse(decoded(flashCookie).contains(token.group(1)));
        assertFalse(decoded(flashCookie).contains(key.group(1)));

        // The page that showed them also forgot them: the flash cookie is cleared and the next visit shows them masked.
        assertEquals("", afterRegister.getCookie("kaquan-flash"));
        String again = alice.request().get(settingsPathOf(page)).asString();
        assertFalse(again.contains(token.group(1)), "the token is never shown again");
        assertFalse(again.contains(key.group(1)), "the AES key is never shown again");
        assertTrue(again.contains("已保存（已隐藏）"));
        // Replaying the old flash cookie shows nothing either: the server-side record is gone.
        String replayed = alice.request().cookie("kaquan-flash", flashCookie).get(settingsPathOf(page)).asString();
        assertFalse(replayed.contains(token.group(1)));
        assertFalse(replayed.contains(key.group(1)));
        assertEquals(0L, ((Number) entityManager.createNativeQuery("select count(*) from secret_reveal r "
                + "join tenant t on t.id = r.tenant_id where t.display_name = ?1").setParameter(1, "一次性展示")
                .getSingleResult()).longValue());
    }

    /** The flash cookie's text (base64url of JSON). */
    private static String decoded(String cookie) {
        return new String(java.util.Base64.getUrlDecoder().decode(cookie), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void shouldKeepTheMerchantsTokenAndKeyWhenGiven() {
        Map<String, String> form = TestTenants.validForm("自带密钥");
        String token = "MyToken123";
        String aesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
        form.put("callbackToken", token);
        form.put("aesKey", aesKey);
        long id = TestTenants.register(alice, form);
        Tenant tenant = Tenant.findById(id);
        assertEquals(token, tenant.callbackToken(secretBox()));
        assertEquals(aesKey, tenant.aesKey(secretBox()));
        assertEquals(form.get("appsecret"), tenant.appsecret(secretBox()));
    }

    @Test
    void shouldStoreNoSecretInPlaintext() {
        Map<String, String> form = TestTenants.validForm("加密存储");
        form.put("callbackToken", "PlainTokenValue42");
        form.put("aesKey", "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg");
        long id = TestTenants.register(alice, form);
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select appsecret_enc, callback_token_enc, aes_key_enc from tenant where id = ?1")
                .setParameter(1, id).getSingleResult();
        String stored = row[0] + "|" + row[1] + "|" + row[2];
        assertFalse(stored.contains(form.get("appsecret")));
        assertFalse(stored.contains("PlainTokenValue42"));
        assertFalse(stored.contains("ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg"));
        assertTrue(row[0].toString().startsWith("v2:"));
        // and no page shows the appsecret
        alice.request().get("/t/" + id + "/settings").then().statusCode(200)
                .body(not(containsString(form.get("appsecret"))))
                .body(not(containsString("PlainTokenValue42")));
    }

    @Test
    void shouldNotOpenASecretCopiedIntoAnotherTenantsRow() {
        long a = TestTenants.register(alice, TestTenants.validForm("密文甲"));
        long b = TestTenants.register(alice, TestTenants.validForm("密文乙"));
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update tenant set appsecret_enc = (select appsecret_enc from tenant where id = ?1) where id = ?2")
                .setParameter(1, a).setParameter(2, b).executeUpdate());
        Tenant copied = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Tenant.findById(b));
        assertThrows(IllegalStateException.class, () -> copied.appsecret(secretBox()));
    }

    @Test
    void shouldResealSecretsOfTheOldFormBoundToTheirTenant() {
        long id = TestTenants.register(alice, TestTenants.validForm("旧密文"));
        String token = "OldFormToken123";
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update tenant set callback_token_enc = ?1 where id = ?2")
                .setParameter(1, secretBox().sealLegacy(Tenant.CALLBACK_TOKEN, token)).setParameter(2, id)
                .executeUpdate());
        SecretResealing resealing = io.quarkus.arc.Arc.container().instance(SecretResealing.class).get();
        int resealed = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(resealing::resealTenantSecrets);
        assertTrue(resealed >= 1);
        Tenant after = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Tenant.findById(id));
        assertTrue(after.callbackTokenSealed.startsWith("v2:"));
        assertEquals(token, after.callbackToken(secretBox()));
        assertEquals(0, (int) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(resealing::resealTenantSecrets), "nothing left of the old form");
    }

    /** V33: an authorized tenant's refresh token moves out of the AppSecret column, sealed for its tenant. */
    @Test
    void shouldMoveAnAuthorizerRefreshTokenIntoItsOwnSealedColumn() {
        long id = TestTenants.register(alice, TestTenants.validForm("刷新令牌搬家"));
        long other = TestTenants.register(alice, TestTenants.validForm("刷新令牌邻居"));
        String refreshToken = "refreshtoken@@@beforeV33";
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update tenant set token_mode = 'AUTHORIZED', appsecret_enc = ?1, refresh_token_enc = null where id = ?2")
                .setParameter(1, secretBox().seal(Tenant.APPSECRET, id, refreshToken)).setParameter(2, id)
                .executeUpdate());
        SecretResealing resealing = io.quarkus.arc.Arc.container().instance(SecretResealing.class).get();
        assertTrue(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(resealing::moveRefreshTokens) >= 1);

        Tenant moved = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Tenant.findById(id));
        assertEquals(refreshToken, moved.refreshToken(secretBox()).orElseThrow());
        assertEquals("", moved.appsecretSealed, "no refresh token left in the AppSecret column");
        assertFalse(moved.refreshTokenSealed.contains(refreshToken), "sealed, not in clear");
        assertEquals(0, (int) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(resealing::moveRefreshTokens), "moved once");
        // Bound to its tenant: copied into another tenant's row it does not open.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update tenant set refresh_token_enc = (select refresh_token_enc from tenant where id = ?1) where id = ?2")
                .setParameter(1, id).setParameter(2, other).executeUpdate());
        Tenant copied = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Tenant.findById(other));
        assertThrows(IllegalStateException.class, () -> copied.refreshToken(secretBox()));
    }

    @Test
    void shouldGenerateCredentialsForASandboxAccount() {
        long id = TestTenants.register(alice, Map.of("displayName", "沙箱试用", "sandbox", "true",
                "messageMode", "SAFE"));
        Tenant tenant = Tenant.findById(id);
        assertTrue(tenant.sandbox);
        assertTrue(TenantForms.SANDBOX_APPID.matcher(tenant.appid).matches(), tenant.appid);
        assertTrue(TenantForms.SANDBOX_ORIGINAL_ID.matcher(tenant.originalId).matches(), tenant.originalId);
        assertEquals(32, tenant.appsecret(secretBox()).length());
        alice.request().get("/").then().body(containsString("沙箱账号"));
    }

    /** Over HTTP: the message in Chinese next to its field, values kept, secrets not. Every rule: TenantFormsTest. */
    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', value = {
            "displayName|''|请填写名称。",
            "appid|wx123|AppID 应为 wx 加 16 位十六进制字符",
            "appsecret|short|AppSecret 应为 32 位字母或数字。",
            "originalId|gh_123|原始ID 应为 gh_ 加 12 位十六进制字符",
            "messageMode|LOUD|请选择消息加解密方式。",
            "callbackToken|ab|令牌应为 3–32 位字母或数字。",
            "aesKey|tooshort|EncodingAESKey 应为 43 位字母或数字。",
    })
    void shouldRefuseAnInvalidFieldWithAMessageNextToIt(String field, String value, String message) {
        Map<String, String> form = TestTenants.validForm("校验");
        form.put(field, value);
        Response redirect = alice.request().formParams(form).post("/tenants");
        redirect.then().statusCode(303).header("Location", endsWith("/tenants/new"));
        String page = alice.browse().cookie("kaquan-flash", redirect.getCookie("kaquan-flash"))
                .get("/tenants/new").then().statusCode(200).extract().asString();
        assertTrue(page.contains(message), "message shown: " + message);
        assertTrue(page.contains("id=\"" + field + "-error\""), "the error sits next to " + field);
        assertTrue(page.contains("请检查标出的字段。"));
        // the non-secret values are kept, secrets never refilled
        assertTrue(page.contains("value=\"" + ("displayName".equals(field) ? "" : "校验")) || "displayName".equals(field));
        assertFalse(page.contains(form.get("appsecret")) && !"appsecret".equals(field), "the appsecret is not refilled");
    }

    @Test
    void shouldRefuseAnAccountThatIsAlreadyConnected() {
        Map<String, String> form = TestTenants.validForm("重复");
        form.put("callbackToken", "DuplicateToken1");
        TestTenants.register(alice, form);
        Session bob = Session.login("bob");
        Response redirect = bob.request().formParams(form).post("/tenants");
        redirect.then().statusCode(303).header("Location", endsWith("/tenants/new"));
        bob.browse().cookie("kaquan-flash", redirect.getCookie("kaquan-flash")).get("/tenants/new").then()
                .body(containsString("该 AppID 已在 Kaquan 中接入。"))
                .body(not(containsString("该原始ID 已在 Kaquan 中接入。"))); // an unproven claim blocks nobody

        // WeChat's URL verification proves the first claim: from then on the original id is taken.
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        io.restassured.RestAssured.given()
                .queryParam("signature", io.kaquan.wechat.CallbackCrypto.signature("DuplicateToken1", timestamp, "7"))
                .queryParam("timestamp", timestamp).queryParam("nonce", "7").queryParam("echostr", "ok")
                .queryParam("t", form.get("originalId")).get("/wechat/callback").then().statusCode(200);
        redirect = bob.request().formParams(form).post("/tenants");
        bob.browse().cookie("kaquan-flash", redirect.getCookie("kaquan-flash")).get("/tenants/new").then()
                .body(containsString("该 AppID 已在 Kaquan 中接入。"))
                .body(containsString("该原始ID 已在 Kaquan 中接入。"));
    }

    @Test
    void shouldUpdateSettingsAndReplaceSecrets() {
        Map<String, String> form = TestTenants.validForm("改名前");
        long id = TestTenants.register(alice, form);
        String settings = "/t/" + id + "/settings";
        alice.request().formParam("displayName", "改名后").formParam("messageMode", "COMPAT").post(settings)
                .then().statusCode(303).header("Location", endsWith(settings));
        Tenant tenant = Tenant.findById(id);
        assertEquals("改名后", tenant.displayName);
        assertEquals(MessageMode.COMPAT, tenant.messageMode);

        // The merchant reset the AppSecret in WeChat, so Kaquan holds one that WeChat no longer accepts; the new
        // one (WeChat's current secret) is checked with WeChat, then stored.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> ((Tenant) Tenant.findById(id)).sealAppsecret(secretBox(), STALE_SECRET));
        String newSecret = form.get("appsecret");
        alice.request().formParam("appsecret", newSecret).post(settings + "/appsecret").then().statusCode(303);
        alice.request().formParam("callbackToken", "").post(settings + "/callback-token").then().statusCode(303);
        String oldKey = tenant.aesKey(secretBox());
        alice.request().formParam("aesKey", "").post(settings + "/aes-key").then().statusCode(303);

        Tenant after = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Tenant.findById(id));
        assertEquals(newSecret, after.appsecret(secretBox()));
        assertFalse(oldKey.equals(after.aesKey(secretBox())));
        assertEquals(oldKey, secretBox().open(Tenant.AES_KEY, id, after.previousAesKeySealed),
                "the previous key is kept for pushes in flight");
    }

    @Test
    void shouldRefuseAWrongSecretWithAClearMessage() {
        Map<String, String> form = TestTenants.validForm("错误密码");
        form.put("appsecret", STALE_SECRET);
        Response redirect = alice.request().formParams(form).post("/tenants");
        redirect.then().statusCode(303).header("Location", endsWith("/tenants/new"));
        alice.browse().cookie("kaquan-flash", redirect.getCookie("kaquan-flash")).get("/tenants/new").then()
                .body(containsString("id=\"appsecret-error\""))
                .body(containsString("微信拒绝了这个 AppSecret（错误码 40125）"))
                .body(containsString("value=\"" + form.get("appid") + "\""));
        assertEquals(0, Tenant.count("appid", form.get("appid")), "nothing is saved");
    }

    @Test
    void shouldRefuseAnAppidThatWeChatDoesNotKnow() {
        Map<String, String> form = TestTenants.validForm("未知账号");
        form.put("appid", TestTenants.appid());
        Response redirect = alice.request().formParams(form).post("/tenants");
        redirect.then().statusCode(303).header("Location", endsWith("/tenants/new"));
        alice.browse().cookie("kaquan-flash", redirect.getCookie("kaquan-flash")).get("/tenants/new").then()
                .body(containsString("id=\"appid-error\""))
                .body(containsString("微信不认识这个 AppID（错误码 40013）"));
        assertEquals(0, Tenant.count("appid", form.get("appid")));
    }

    @Test
    void shouldRefuseAReplacementSecretThatWeChatRefuses() {
        Map<String, String> form = TestTenants.validForm("换错密码");
        long id = TestTenants.register(alice, form);
        String settings = "/t/" + id + "/settings";
        Response redirect = alice.request().formParam("appsecret", STALE_SECRET).post(settings + "/appsecret");
        redirect.then().statusCode(303).header("Location", endsWith(settings));
        alice.browse().cookie("kaquan-flash", redirect.getCookie("kaquan-flash")).get(settings).then()
                .body(containsString("微信拒绝了这个 AppSecret（错误码 40125）"));
        Tenant after = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Tenant.findById(id));
        assertEquals(form.get("appsecret"), after.appsecret(secretBox()), "the working secret is kept");
    }

    @Test
    void shouldRefuseInvalidReplacementSecrets() {
        long id = TestTenants.register(alice, "坏密钥");
        String settings = "/t/" + id + "/settings";
        Response redirect = alice.request().formParam("appsecret", "nope").post(settings + "/appsecret");
        redirect.then().statusCode(303).header("Location", endsWith(settings));
        alice.browse().cookie("kaquan-flash", redirect.getCookie("kaquan-flash")).get(settings).then()
                .body(containsString("AppSecret 应为 32 位字母或数字。"));
        alice.request().formParam("aesKey", "short").post(settings + "/aes-key").then().statusCode(303);
        alice.request().formParam("displayName", "").formParam("messageMode", "SAFE").post(settings)
                .then().statusCode(303);
        assertEquals("坏密钥", ((Tenant) Tenant.findById(id)).displayName);
    }

    private Response postAndFollow(Map<String, String> form) {
        Response redirect = alice.request().formParams(form).post("/tenants");
        redirect.then().statusCode(303);
        String location = redirect.getHeader("Location");
        return alice.request().cookie("kaquan-flash", redirect.getCookie("kaquan-flash"))
                .get(java.net.URI.create(location).getPath());
    }

    private static String settingsPathOf(String page) {
        Matcher m = Pattern.compile("action=\"(/t/\\d+/settings)\"").matcher(page);
        assertTrue(m.find());
        return m.group(1);
    }

    private static SecretBox secretBox() {
        return io.quarkus.arc.Arc.container().instance(SecretBox.class).get();
    }
}
