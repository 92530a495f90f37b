package io.kaquan.sandbox.push;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

import io.kaquan.sandbox.CallbackReceiver;
import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxCrypto;
import io.kaquan.sandbox.SandboxFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * §2: pushes signed and encrypted like WeChat in the three message modes, verified and decrypted by a receiver
 * outside the app; retries on errors and silence; every attempt recorded; the push faults.
 */
@QuarkusTest
class SandboxPushTest {

    static final String TOKEN = "pushToken123";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String OPENID = "oUserOpenid0000000000000001";
    static final String CARD_ID = "pCardId000000000000000001";
    static final Duration WAIT = Duration.ofSeconds(20);

    static CallbackReceiver receiver;

    @Inject
    PushSender pushSender;

    @Inject
    EntityManager em;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = new CallbackReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldSignPlaintextPushes() throws Exception {
        JsonPath account = account("/plain", "PLAIN");
        pushPassCheck(account);
        CallbackReceiver.Received push = receiver.await("/plain", 1, WAIT).get(0);
        assertSigned(push);
        assertFalse(push.query().containsKey("encrypt_type"));
        assertFalse(push.query().containsKey("msg_signature"));
        assertEquals(OPENID, push.query().get("openid"));
        assertEquals("text/xml", push.contentType());
        assertPassCheck(push.body(), account);
        awaitStatus(account, "DELIVERED").body("[0].attempts", equalTo(1))
                .body("[0].attemptList[0].outcome", equalTo("OK")).body("[0].attemptList[0].httpStatus", equalTo(200))
                .body("[0].reply", equalTo("success"));
    }

    @Test
    void shouldEncryptSafeModePushes() throws Exception {
        JsonPath account = account("/safe", "SAFE");
        pushPassCheck(account);
        CallbackReceiver.Received push = receiver.await("/safe", 1, WAIT).get(0);
        assertSigned(push);
        assertEquals("aes", push.query().get("encrypt_type"));
        Document envelope = xml(push.body());
        String encrypted = text(envelope, "Encrypt");
        assertEquals(account.getString("originalId"), text(envelope, "ToUserName"));
        assertEquals("", text(envelope, "Event"), "safe mode carries no plaintext fields");
        assertEquals(SandboxCrypto.signature(TOKEN, push.query().get("timestamp"), push.query().get("nonce"), encrypted),
                push.query().get("msg_signature"));
        SandboxCrypto.Plain plain = SandboxCrypto.decrypt(AES_KEY, encrypted);
        assertEquals(account.getString("appid"), plain.appid());
        assertPassCheck(plain.message(), account);
        awaitStatus(account, "DELIVERED");
    }

    @Test
    void shouldSendPlaintextAndCiphertextSideBySideInCompatibleMode() throws Exception {
        JsonPath account = account("/compat", "COMPAT");
        pushPassCheck(account);
        CallbackReceiver.Received push = receiver.await("/compat", 1, WAIT).get(0);
        assertSigned(push);
        assertEquals("aes", push.query().get("encrypt_type"));
        Document body = xml(push.body());
        assertEquals("card_pass_check", text(body, "Event"));
        assertEquals(CARD_ID, text(body, "CardId"));
        String encrypted = text(body, "Encrypt");
        assertEquals(SandboxCrypto.signature(TOKEN, push.query().get("timestamp"), push.query().get("nonce"), encrypted),
                push.query().get("msg_signature"));
        SandboxCrypto.Plain plain = SandboxCrypto.decrypt(AES_KEY, encrypted);
        assertEquals(account.getString("appid"), plain.appid());
        assertPassCheck(plain.message(), account);
        awaitStatus(account, "DELIVERED");
    }

    @Test
    void shouldRetryAfterAnErrorStatusAndRecordEveryAttempt() throws Exception {
        receiver.script("/retry", new CallbackReceiver.Answer(503, "busy", Duration.ZERO));
        JsonPath account = account("/retry", "SAFE");
        pushPassCheck(account);
        List<CallbackReceiver.Received> pushes = receiver.await("/retry", 2, WAIT);
        assertEquals(2, pushes.size());
        // Both deliveries carry the same event.
        assertEquals(SandboxCrypto.decrypt(AES_KEY, text(xml(pushes.get(0).body()), "Encrypt")).message(),
                SandboxCrypto.decrypt(AES_KEY, text(xml(pushes.get(1).body()), "Encrypt")).message());
        awaitStatus(account, "DELIVERED").body("[0].attempts", equalTo(2))
                .body("[0].attemptList[0].outcome", equalTo("HTTP_ERROR"))
                .body("[0].attemptList[0].httpStatus", equalTo(503)).body("[0].attemptList[0].reply", equalTo("busy"))
                .body("[0].attemptList[1].outcome", equalTo("OK"));
    }

    @Test
    void shouldRetryWhenTheCallbackDoesNotAnswerInFiveSeconds() throws Exception {
        receiver.script("/slow", new CallbackReceiver.Answer(200, "success", Duration.ofSeconds(7)));
        JsonPath account = account("/slow", "PLAIN");
        pushPassCheck(account);
        receiver.await("/slow", 2, WAIT);
        awaitStatus(account, "DELIVERED").body("[0].attempts", equalTo(2))
                .body("[0].attemptList[0].outcome", equalTo("TIMEOUT"))
                .body("[0].attemptList[1].outcome", equalTo("OK"));
    }

    @Test
    void shouldGiveUpAfterThreeAttemptsWithoutAnswer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JsonPath account = SandboxFixtures.account(Map.of("callbackUrl", "http://127.0.0.1:" + closedPort + "/gone",
                "callbackToken", TOKEN, "encodingAesKey", AES_KEY, "messageMode", "PLAIN"));
        pushPassCheck(account);
        awaitStatus(account, "FAILED").body("[0].attempts", equalTo(3)).body("[0].attemptList.size()", equalTo(3))
                .body("[0].attemptList.outcome", equalTo(List.of("NO_ANSWER", "NO_ANSWER", "NO_ANSWER")))
                .body("[0].attemptList[2].nextRetryAt", equalTo(null));
    }

    @Test
    void shouldRecordAnInvalidReplyAsAFailureWithoutRetrying() throws Exception {
        receiver.script("/junk", new CallbackReceiver.Answer(200, "{\"ok\":true}", Duration.ZERO));
        JsonPath account = account("/junk", "PLAIN");
        pushPassCheck(account);
        awaitStatus(account, "FAILED").body("[0].attempts", equalTo(1))
                .body("[0].attemptList[0].outcome", equalTo("BAD_REPLY"))
                .body("[0].attemptList[0].reply", equalTo("{\"ok\":true}"));
        assertEquals(1, receiver.receivedAt("/junk").size());
    }

    @Test
    void shouldAcceptAnEmptyReply() throws Exception {
        receiver.script("/empty", new CallbackReceiver.Answer(200, "", Duration.ZERO));
        JsonPath account = account("/empty", "PLAIN");
        pushPassCheck(account);
        awaitStatus(account, "DELIVERED").body("[0].attemptList[0].outcome", equalTo("OK"));
    }

    @Test
    void shouldDropPushesWhenTheFaultIsOn() throws Exception {
        JsonPath account = account("/dropped", "PLAIN");
        SandboxFixtures.faults(account, Map.of("dropPushes", true));
        pushPassCheck(account);
        awaitStatus(account, "DROPPED").body("[0].attempts", equalTo(0));
        Awaitility.await("nothing delivered").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.receivedAt("/dropped").isEmpty());
    }

    @Test
    void shouldDeliverTwiceWhenTheDuplicateFaultIsOn() throws Exception {
        JsonPath account = account("/twice", "PLAIN");
        SandboxFixtures.faults(account, Map.of("duplicatePushes", true));
        pushPassCheck(account);
        List<CallbackReceiver.Received> pushes = receiver.await("/twice", 2, WAIT);
        assertEquals(2, pushes.size());
        assertEquals(pushes.get(0).body(), pushes.get(1).body());
        awaitStatus(account, "DELIVERED").body("size()", equalTo(2));
    }

    @Test
    void shouldPushRawXmlFromTheAdminApi() throws Exception {
        JsonPath account = account("/raw", "PLAIN");
        String xml = "<xml><ToUserName><![CDATA[" + account.getString("originalId") + "]]></ToUserName>\n"
                + "<FromUserName><![CDATA[" + OPENID + "]]></FromUserName>\n<CreateTime>1472551036</CreateTime>\n"
                + "<MsgType><![CDATA[event]]></MsgType>\n<Event><![CDATA[user_del_card]]></Event>\n</xml>";
        given().contentType(ContentType.JSON).body(Map.of("xml", xml))
                .post("/sandbox/admin/accounts/" + account.getString("appid") + "/pushes").then().statusCode(202)
                .body("eventType", equalTo("user_del_card"));
        assertEquals(xml, receiver.await("/raw", 1, WAIT).get(0).body());
    }

    @Test
    void shouldDeliverOnlyWhatTheCallersTransactionCommitted() throws Exception {
        JsonPath account = account("/transactional", "PLAIN");
        SandboxAccount entity = SandboxAccount.byAppid(account.getString("appid")).orElseThrow();
        String rolledBack = SandboxEvents.event(entity, OPENID, "user_del_card").text("CardId", "pRolledBack").xml();
        String committed = SandboxEvents.event(entity, OPENID, "user_del_card").text("CardId", "pCommitted").xml();
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                pushSender.push(entity, rolledBack);
                throw new IllegalStateException("the caller fails after pushing");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> pushSender.push(entity, committed));
        List<CallbackReceiver.Received> received = receiver.await("/transactional", 1, WAIT);
        Awaitility.await("the rolled-back push is never delivered").during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3)).until(() -> receiver.receivedAt("/transactional").size() == 1);
        assertTrue(received.get(0).body().contains("pCommitted"));
        awaitStatus(account, "DELIVERED").body("size()", equalTo(1));
    }

    @Test
    void shouldTakeOverAPushWhoseSenderStopped() throws Exception {
        JsonPath account = account("/takeover", "PLAIN");
        SandboxAccount entity = SandboxAccount.byAppid(account.getString("appid")).orElseThrow();
        String xml = SandboxEvents.event(entity, OPENID, "card_pass_check").text("CardId", CARD_ID).xml();
        // As a node that claimed the push and then died would leave it: SENDING, its lease run out.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "insert into sbx_push (account_id, event_type, body, status, attempts, next_attempt_at, lease_until) "
                        + "values (?1, 'card_pass_check', ?2, 'SENDING', 1, now() - interval '1 minute', "
                        + "now() - interval '1 second')")
                .setParameter(1, entity.id).setParameter(2, xml).executeUpdate());
        assertEquals(xml, receiver.await("/takeover", 1, WAIT).get(0).body());
        awaitStatus(account, "DELIVERED").body("[0].attempts", equalTo(2))
                .body("[0].attemptList.attempt", equalTo(List.of(2)));
    }

    // Helpers

    private static JsonPath account(String path, String mode) {
        return SandboxFixtures.account(Map.of("callbackUrl", receiver.url(path), "callbackToken", TOKEN,
                "encodingAesKey", AES_KEY, "messageMode", mode));
    }

    private static void pushPassCheck(JsonPath account) {
        given().contentType(ContentType.JSON).body(Map.of("event", "card_pass_check", "fromUserName", OPENID,
                "fields", Map.of("CardId", CARD_ID))).post("/sandbox/admin/accounts/" + account.getString("appid")
                        + "/pushes")
                .then().statusCode(202);
    }

    private static void assertSigned(CallbackReceiver.Received push) {
        Map<String, String> query = push.query();
        assertTrue(query.get("timestamp").matches("[0-9]{10}"));
        assertTrue(query.get("nonce").matches("[0-9]+"));
        assertEquals(SandboxCrypto.signature(TOKEN, query.get("timestamp"), query.get("nonce")), query.get("signature"));
    }

    private static void assertPassCheck(String eventXml, JsonPath account) throws Exception {
        Document event = xml(eventXml);
        assertEquals(account.getString("originalId"), text(event, "ToUserName"));
        assertEquals(OPENID, text(event, "FromUserName"));
        assertEquals("event", text(event, "MsgType"));
        assertEquals("card_pass_check", text(event, "Event"));
        assertEquals(CARD_ID, text(event, "CardId"));
        long created = Long.parseLong(text(event, "CreateTime"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - created) < 120);
    }

    private static io.restassured.response.ValidatableResponse awaitStatus(JsonPath account, String status) {
        String url = "/sandbox/admin/accounts/" + account.getString("appid") + "/pushes";
        Awaitility.await("every push " + status).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<String> statuses = given().get(url).then().extract().path("status");
            return !statuses.isEmpty() && statuses.stream().allMatch(status::equals);
        });
        return given().get(url).then().statusCode(200).body("[0].status", equalTo(status));
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    private static String text(Document document, String element) {
        var nodes = document.getElementsByTagName(element);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
