package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.await;
import static io.kaquan.callback.CallbackFixtures.count;
import static io.kaquan.callback.CallbackFixtures.eventXml;
import static io.kaquan.callback.CallbackFixtures.rows;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallbackCrypto;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The official crypto vectors of the protocol reference (§2.6) sent to the endpoint exactly as published (query and
 * body), hostile XML inside a correctly signed and encrypted message, old timestamps and replayed requests, and the
 * bench-only bare endpoint being off. The vectors' unit tests are in io.kaquan.wechat.CallbackCryptoTest.
 */
@QuarkusTest
class CallbackVectorsTest {

    static Session owner;

    @Inject
    DataSource db;

    @BeforeAll
    static void signIn() {
        owner = Session.login("vectors-owner");
    }

    /** A tenant with the vector's appid, original id, token and key. */
    private static long tenant(String appid, String originalId, String token, String aesKey, String mode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("displayName", "Vector " + appid);
        form.put("appid", appid);
        form.put("appsecret", TestTenants.hex(32));
        form.put("originalId", originalId);
        form.put("messageMode", mode);
        form.put("callbackToken", token);
        form.put("aesKey", aesKey);
        form.put("sandbox", "true");
        return TestTenants.register(owner, form);
    }

    private static Response post(String query, String body) {
        return given().contentType("text/xml").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/wechat/callback?" + query);
    }

    @Test
    void shouldTakeVectorEASafeModePushAsPublished() {
        long tenant = tenant("wx134c8103faa5a59e", "gh_97417a04a28d", "AAAAA", "A".repeat(43), "SAFE");
        String encrypt = "D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==";
        String query = "signature=" + CallbackCrypto.signature("AAAAA", "1715943329", "1590219412")
                + "&timestamp=1715943329&nonce=1590219412&encrypt_type=aes"
                + "&msg_signature=6c12a4205838198b8fa631b3220723bb07f1015c";
        String body = "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><Encrypt><![CDATA[" + encrypt
                + "]]></Encrypt></xml>";
        post(query, body).then().statusCode(200).body(equalTo("success"));
        Map<String, Object> event = await(db, r -> !r.isEmpty() && "PROCESSED".equals(r.get(0).get("status")),
                "select * from wechat_event where tenant_id = ?", tenant).get(0);
        assertEquals("debug_demo", event.get("event_type"));
        assertEquals("SAFE", event.get("arrived_as"));
        assertEquals("o9AgO5Kd5ggOC-bXrbNODIiE3bGY", event.get("from_user"));
        assertEquals(1715943329L, ((Number) event.get("create_time")).longValue());
        assertTrue(event.get("raw_xml").toString().contains("<debug_str><![CDATA[hello world]]></debug_str>"));
        // A tampered msg_signature is refused and stores nothing more.
        post(query.replace("6c12a4205838198b8fa631b3220723bb07f1015c", "6c12a4205838198b8fa631b3220723bb07f1015d"),
                body).then().statusCode(403);
        assertEquals(1, count(db, "select count(*) from wechat_event where tenant_id = ?", tenant));
    }

    @Test
    void shouldTakeVectorCCompatibleModePushAsPublished() {
        long tenant = tenant("wx2c2769f8efd9abc2", "gh_10f6c3c3ac5a", "spamtest",
                "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "COMPAT");
        String encrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";
        String query = "signature=" + CallbackCrypto.signature("spamtest", "1409735669", "1320562132")
                + "&timestamp=1409735669&nonce=1320562132&encrypt_type=aes"
                + "&msg_signature=5d197aaffba7e9b25a30732f161a50dee96bd5fa";
        // Compatible mode: the plaintext fields beside the ciphertext; only the ciphertext is trusted.
        String body = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n"
                + "<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n"
                + "<CreateTime>1409735668</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n"
                + "<Content><![CDATA[tampered plaintext]]></Content>\n<MsgId>6054768590064713728</MsgId>\n"
                + "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt>\n</xml>";
        post(query, body).then().statusCode(200).body(equalTo("success"));
        Map<String, Object> event = await(db, r -> !r.isEmpty() && "IGNORED".equals(r.get(0).get("status")),
                "select * from wechat_event where tenant_id = ?", tenant).get(0);
        assertEquals("text", event.get("event_type"));
        assertEquals("COMPAT", event.get("arrived_as"));
        assertEquals("msg|6054768590064713728", event.get("dedupe_key"));
        assertTrue(event.get("raw_xml").toString().contains("<Content><![CDATA[abcdteT]]></Content>\n"));
        // The same push again (WeChat's retry): answered, stored once.
        post(query, body).then().statusCode(200).body(equalTo("success"));
        assertEquals(1, count(db, "select count(*) from wechat_event where tenant_id = ?", tenant));
    }

    @Test
    void shouldParkVectorAWhoseMessageIsNotXml() {
        long tenant = tenant("wxb11529c136998cb6", TestTenants.originalId(), "pamtest",
                "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "SAFE");
        String originalId = (String) rows(db, "select original_id from tenant where id = ?", tenant).get(0)
                .get("original_id");
        String query = "signature=76480565cbe296026c53aaacd1ad523a1ddba24f&timestamp=1409304348&nonce=xxxxxx"
                + "&encrypt_type=aes&msg_signature=82c962d39941aa48552f90ef55aa323dc620cc10";
        String body = "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><Encrypt><![CDATA["
                + "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=="
                + "]]></Encrypt></xml>";
        // Signed with the token and opened with the key, but "我是中文abcd123" is no event: kept apart, not processed.
        post(query, body).then().statusCode(200).body(equalTo("success"));
        assertEquals(0, count(db, "select count(*) from wechat_event where tenant_id = ?", tenant));
        assertEquals("UNDECRYPTABLE", rows(db, "select reason from unroutable_event where tenant_id = ?", tenant).get(0)
                .get("reason"));
    }

    @Test
    void shouldParkHostileXmlInsideACorrectlySignedMessage() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        for (String inner : List.of(CallbackEndpointTest.XXE, CallbackEndpointTest.BILLION_LAUGHS)) {
            CallbackFixtures.postSafe(account.token(), account.aesKey(), account.appid(), account.originalId(), inner)
                    .then().statusCode(200).body(equalTo("success"));
        }
        assertEquals(0, count(db, "select count(*) from wechat_event where tenant_id = ?", account.tenantId()));
        List<Map<String, Object>> parked = rows(db, "select reason, detail from unroutable_event where tenant_id = ?",
                account.tenantId());
        assertEquals(2, parked.size());
        assertTrue(parked.stream().allMatch(p -> "UNDECRYPTABLE".equals(p.get("reason"))), parked.toString());
        assertTrue(parked.stream().noneMatch(p -> String.valueOf(p.get("detail")).contains("root:")), parked.toString());
    }

    /**
     * The plain signature covers token, timestamp and nonce only: a triple seen once must not sign other XML later, so
     * a plaintext push is taken within the timestamp window only. A fresh request replayed is stored once (dedupe key).
     */
    @Test
    void shouldRefuseAPlaintextPushWithAnOldTimestampAndStoreAReplayedRequestOnce() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        long now = Instant.now().getEpochSecond();
        String card = "pOld" + CallbackFixtures.hex(20);
        for (long stale : List.of(now - 3 * 24 * 3600, now - 6 * 60, now + 6 * 60)) {
            String timestamp = Long.toString(stale);
            String query = "signature=" + CallbackCrypto.signature(account.token(), timestamp, "77")
                    + "&timestamp=" + timestamp + "&nonce=77";
            post(query, eventXml(account, "oOld" + CallbackFixtures.hex(20), now, "user_view_card", "CardId", card))
                    .then().statusCode(403);
        }
        assertEquals(0, count(db, "select count(*) from wechat_event where tenant_id = ?", account.tenantId()));

        String timestamp = Long.toString(now);
        String query = "signature=" + CallbackCrypto.signature(account.token(), timestamp, "78")
                + "&timestamp=" + timestamp + "&nonce=78";
        // CreateTime may be old (a back-dated event): only the URL timestamp counts.
        String xml = eventXml(account, "oOld" + CallbackFixtures.hex(20), now - 3 * 24 * 3600, "user_view_card",
                "CardId", card);
        post(query, xml).then().statusCode(200).body(equalTo("success"));
        post(query, xml).then().statusCode(200).body(equalTo("success"));
        await(db, r -> !r.isEmpty() && "PROCESSED".equals(r.get(0).get("status")),
                "select status from wechat_event where tenant_id = ?", account.tenantId());
        assertEquals(1, count(db, "select count(*) from wechat_event where tenant_id = ?", account.tenantId()));
        assertEquals(1, count(db, "select coalesce(sum(count), 0) from card_event_count where tenant_id = ?",
                account.tenantId()));
    }

    /** msg_signature covers the encrypted body: an old encrypted push is WeChat's however late it comes. */
    @Test
    void shouldAcceptAnOldEncryptedPush() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        long threeDaysAgo = Instant.now().minusSeconds(3 * 24 * 3600).getEpochSecond();
        String timestamp = Long.toString(threeDaysAgo);
        String xml = eventXml(account, "oOldSafe" + CallbackFixtures.hex(16), threeDaysAgo, "user_view_card", "CardId",
                "pOldSafe" + CallbackFixtures.hex(16));
        String encrypted = CallbackCrypto.encrypt(account.aesKey(), account.appid(), xml,
                "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        String query = "signature=" + CallbackCrypto.signature(account.token(), timestamp, "79") + "&timestamp="
                + timestamp + "&nonce=79&encrypt_type=aes&msg_signature="
                + CallbackCrypto.signature(account.token(), timestamp, "79", encrypted);
        post(query, "<xml><ToUserName><![CDATA[" + account.originalId() + "]]></ToUserName><Encrypt><![CDATA["
                + encrypted + "]]></Encrypt></xml>").then().statusCode(200).body(equalTo("success"));
        await(db, r -> !r.isEmpty() && "PROCESSED".equals(r.get(0).get("status")),
                "select status from wechat_event where tenant_id = ?", account.tenantId());
    }

    @Test
    void shouldKeepTheBenchOnlyBareEndpointOffByDefault() {
        given().contentType("text/xml").body("<xml/>").post("/wechat/callback/bare").then().statusCode(404);
    }
}
