package io.kaquan.callback;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.microprofile.config.ConfigProvider;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallbackCrypto;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A tenant registered through the real form and a sandbox account with the same appid, original id, token, key and
 * mode whose callback URL is this app's own /wechat/callback; plus signed requests made by hand and database reads.
 */
public final class CallbackFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CallbackFixtures() {
    }

    public record Account(long tenantId, String appid, String originalId, String token, String aesKey, String mode) {
    }

    static String baseUrl() {
        return ConfigProvider.getConfig().getValue("test.url", String.class);
    }

    /** Registers a tenant owned by the session's user, bound to a new sandbox account pushing to our callback. */
    public static Account account(Session owner, String mode) {
        String appid = TestTenants.appid();
        String originalId = TestTenants.originalId();
        String secret = TestTenants.hex(32);
        String token = TestTenants.hex(32);
        String aesKey = TestTenants.hex(43);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("displayName", "Callback " + mode + " " + originalId);
        form.put("appid", appid);
        form.put("appsecret", secret);
        form.put("originalId", originalId);
        form.put("messageMode", mode);
        form.put("callbackToken", token);
        form.put("aesKey", aesKey);
        form.put("sandbox", "true");
        long tenantId = TestTenants.register(owner, form);
        // Registration may have created the sandbox account itself; either way it ends up pushing to our callback
        // with the tenant hint, the same token, key and mode.
        Map<String, Object> sandbox = new HashMap<>();
        sandbox.put("secret", secret);
        sandbox.put("originalId", originalId);
        sandbox.put("callbackUrl", baseUrl() + "/wechat/callback?t=" + originalId);
        sandbox.put("callbackToken", token);
        sandbox.put("encodingAesKey", aesKey);
        sandbox.put("messageMode", mode);
        if (given().get("/sandbox/admin/accounts/" + appid).statusCode() == 404) {
            sandbox.put("appid", appid);
            given().contentType(ContentType.JSON).body(sandbox).post("/sandbox/admin/accounts").then().statusCode(201);
        } else {
            given().contentType(ContentType.JSON).body(sandbox).put("/sandbox/admin/accounts/" + appid).then()
                    .statusCode(200);
        }
        return new Account(tenantId, appid, originalId, token, aesKey, mode);
    }

    /** Asks the sandbox to push an event (built by the sandbox, like WeChat) to the account's callback. */
    static void push(Account account, String event, String openid, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("event", event);
        body.put("fromUserName", openid);
        body.put("fields", fields);
        given().contentType(ContentType.JSON).body(body).post("/sandbox/admin/accounts/" + account.appid() + "/pushes")
                .then().statusCode(202);
    }

    /** Asks the sandbox to push the given XML as it is. */
    public static void pushXml(Account account, String xml) {
        given().contentType(ContentType.JSON).body(Map.of("xml", xml))
                .post("/sandbox/admin/accounts/" + account.appid() + "/pushes").then().statusCode(202);
    }

    public static String eventXml(Account account, String openid, long createTime, String event, String... fields) {
        StringBuilder xml = new StringBuilder("<xml><ToUserName><![CDATA[").append(account.originalId())
                .append("]]></ToUserName>\n<FromUserName><![CDATA[").append(openid).append("]]></FromUserName>\n")
                .append("<CreateTime>").append(createTime).append("</CreateTime>\n<MsgType><![CDATA[event]]></MsgType>\n")
                .append("<Event><![CDATA[").append(event).append("]]></Event>\n");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            xml.append('<').append(fields[i]).append("><![CDATA[").append(fields[i + 1]).append("]]></")
                    .append(fields[i]).append(">\n");
        }
        return xml.append("</xml>").toString();
    }

    /** POSTs a plaintext-mode push signed with the given token. */
    static Response postPlain(String token, String xml) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Integer.toString(RANDOM.nextInt(1_000_000_000));
        return given().queryParam("signature", CallbackCrypto.signature(token, timestamp, nonce))
                .queryParam("timestamp", timestamp).queryParam("nonce", nonce).contentType("text/xml")
                .body(xml.getBytes(StandardCharsets.UTF_8)).post("/wechat/callback");
    }

    /** POSTs a safe-mode push encrypted with the given key for the given appid and signed with the token. */
    static Response postSafe(String token, String aesKey, String appid, String originalId, String xml) throws Exception {
        String encrypted = CallbackCrypto.encrypt(aesKey, appid, xml, "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        return postEncrypted(token, originalId, encrypted, null);
    }

    static Response postEncrypted(String token, String originalId, String encrypted, String msgSignature) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Integer.toString(RANDOM.nextInt(1_000_000_000));
        String body = "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>";
        return given().queryParam("signature", CallbackCrypto.signature(token, timestamp, nonce))
                .queryParam("timestamp", timestamp).queryParam("nonce", nonce).queryParam("encrypt_type", "aes")
                .queryParam("msg_signature",
                        msgSignature != null ? msgSignature : CallbackCrypto.signature(token, timestamp, nonce, encrypted))
                .contentType("text/xml").body(body.getBytes(StandardCharsets.UTF_8)).post("/wechat/callback");
    }

    // The database, read and written like an operator with psql would

    static List<Map<String, Object>> rows(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                        row.put(r.getMetaData().getColumnLabel(i), r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int update(DataSource db, String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(DataSource db, String sql, Object... params) {
        return ((Number) rows(db, sql, params).get(0).values().iterator().next()).longValue();
    }

    /** Polls a query until its rows satisfy the condition (pushes and processing are asynchronous). */
    public static List<Map<String, Object>> await(DataSource db, Predicate<List<Map<String, Object>>> condition, String sql,
            Object... params) {
        AtomicReference<List<Map<String, Object>>> last = new AtomicReference<>();
        try {
            return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        last.set(rows(db, sql, params));
                        return last.get();
                    }, condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Timed out waiting; last rows of [" + sql + "]: " + last.get(), e);
        }
    }

    /** Waits until the sandbox has delivered (answered "success" to) at least this many pushes of the account. */
    static void awaitDelivered(Account account, int deliveries) {
        Awaitility.await("the sandbox delivers " + deliveries + " pushes").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().get("/sandbox/admin/accounts/" + account.appid() + "/pushes").jsonPath()
                        .getList("findAll { it.status == 'DELIVERED' }").size() >= deliveries);
    }

    public static String hex(int length) {
        return TestTenants.hex(length);
    }
}
