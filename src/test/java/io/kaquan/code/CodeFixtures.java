package io.kaquan.code;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.kaquan.account.AuditEntry;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.UserCardStatus;
import io.kaquan.wechat.WeChatCodes;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A tenant with its WeChat side (a sandbox account), cards and codes received by simulated users, and the readings
 * the code tests need: WeChat's view of a code (code/get through the product's gateway), the mirror, the operations
 * and the audit log.
 */
final class CodeFixtures {

    final long tenant;
    final String appid;

    private CodeFixtures(long tenant, String appid) {
        this.tenant = tenant;
        this.appid = appid;
    }

    static CodeFixtures tenant(Session owner, String name) {
        Map<String, String> form = TestTenants.validForm(name);
        return new CodeFixtures(TestTenants.register(owner, form), form.get("appid"));
    }

    /**
     * A tenant whose sandbox account pushes its events to this app's callback (same token, key and mode), so that
     * user_get_card and user_consume_card reach the inbox and the event log.
     */
    static CodeFixtures pushingTenant(Session owner, String name) {
        Map<String, String> form = TestTenants.validForm(name);
        String token = TestTenants.hex(32);
        String aesKey = TestTenants.hex(43);
        form.put("callbackToken", token);
        form.put("aesKey", aesKey);
        long tenant = TestTenants.register(owner, form);
        Map<String, Object> sandbox = new HashMap<>();
        sandbox.put("secret", form.get("appsecret"));
        sandbox.put("originalId", form.get("originalId"));
        sandbox.put("callbackUrl", Session.appUrl().resolve("/wechat/callback?t=" + form.get("originalId")).toString());
        sandbox.put("callbackToken", token);
        sandbox.put("encodingAesKey", aesKey);
        sandbox.put("messageMode", form.get("messageMode"));
        given().contentType(ContentType.JSON).body(sandbox).put("/sandbox/admin/accounts/" + form.get("appid")).then()
                .statusCode(200);
        return new CodeFixtures(tenant, form.get("appid"));
    }

    /** An approved card (WeChat's own codes, or custom codes). */
    String card(boolean customCode) {
        String cardId = TestCards.create(tenant, "CASH",
                card -> ((com.fasterxml.jackson.databind.node.ObjectNode) card.get("cash").get("base_info"))
                        .put("use_custom_code", customCode).put("can_give_friend", true));
        TestCards.review(cardId, true, null);
        TestCards.mirror(tenant, cardId);
        return cardId;
    }

    /** An approved card whose codes are valid for {@code term} days, starting {@code beginIn} days after receipt. */
    String fixedTermCard(int beginIn, int term) {
        String cardId = TestCards.create(tenant, "CASH", card -> ((com.fasterxml.jackson.databind.node.ObjectNode) card
                .get("cash").get("base_info")).putObject("date_info").put("type", "DATE_TYPE_FIX_TERM")
                .put("fixed_term", term).put("fixed_begin_term", beginIn));
        TestCards.review(cardId, true, null);
        TestCards.mirror(tenant, cardId);
        return cardId;
    }

    /** A user received the card {@code daysAgo} days ago. */
    static String receivedDaysAgo(String cardId, int daysAgo) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("at", Instant.now().minus(Duration.ofDays(daysAgo)).getEpochSecond()))
                .post("/sandbox/admin/cards/" + cardId + "/receive").then().statusCode(201).extract().path("code");
    }

    /** A user receives the card: code, openid and encrypt_code. */
    static JsonPath receive(String cardId, String openid) {
        Map<String, Object> request = new HashMap<>();
        if (openid != null) {
            request.put("openid", openid);
        }
        return given().contentType(ContentType.JSON).body(request).post("/sandbox/admin/cards/" + cardId + "/receive")
                .then().statusCode(201).extract().jsonPath();
    }

    static String receive(String cardId) {
        return receive(cardId, null).getString("code");
    }

    /** The code's owner does something with it in WeChat: consume, delete, gift (answers the friend's new code). */
    String user(String action, String code) {
        return given().contentType(ContentType.JSON).queryParam("appid", appid).body(Map.of())
                .post("/sandbox/admin/codes/" + code + "/" + action).then().statusCode(200).extract().path("code");
    }

    void faults(Map<String, Object> faults) {
        given().contentType(ContentType.JSON).body(faults).put("/sandbox/admin/accounts/" + appid + "/faults").then()
                .statusCode(200);
    }

    /** WeChat's status of the code (check_consume=false), or null when WeChat does not know it (40056). */
    UserCardStatus wechatStatus(String cardId, String code) {
        try {
            WeChatCodes.Info info = Arc.container().instance(WeChatGateway.class).get().forTenant(tenant)
                    .codeGet(cardId, code, false);
            return info.userCardStatus();
        } catch (WeChatException e) {
            if (e.errcode() == 40056) {
                return null;
            }
            throw e;
        }
    }

    CardCode mirrored(String cardId, String code) {
        return QuarkusTransaction.requiringNew().call(() -> CardCode.of(tenant, cardId, code).orElse(null));
    }

    List<CodeOperation> operations() {
        return QuarkusTransaction.requiringNew()
                .call(() -> CodeOperation.<CodeOperation> list("tenantId = ?1 order by id", tenant));
    }

    List<CodeLookup> lookups() {
        return QuarkusTransaction.requiringNew()
                .call(() -> CodeLookup.<CodeLookup> list("tenantId = ?1 order by id", tenant));
    }

    List<AuditEntry> audit(String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry
                .<AuditEntry> list("tenantId = ?1 and action = ?2 order by id", tenant, action));
    }

    io.kaquan.card.Card mirroredCard(String cardId) {
        return QuarkusTransaction.requiringNew().call(() -> io.kaquan.card.Card.of(tenant, cardId).orElseThrow());
    }

    /** The user_consume_card pushes of a code that reached Kaquan's inbox, with their processing status. */
    List<io.kaquan.callback.WeChatEvent> consumeEvents(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> io.kaquan.callback.WeChatEvent.<io.kaquan.callback.WeChatEvent> list(
                        "tenantId = ?1 and eventType = ?2 and userCardCode = ?3",
                        tenant, "user_consume_card", code));
    }

    /** How many user_consume_card pushes the sandbox sent for the code: one per redemption WeChat carried out. */
    long consumesPushed(String code) {
        List<Map<String, Object>> pushes = given().queryParam("limit", 500)
                .get("/sandbox/admin/accounts/" + appid + "/pushes").then().statusCode(200).extract().jsonPath()
                .getList("$");
        return pushes.stream().filter(p -> "user_consume_card".equals(p.get("eventType"))
                && String.valueOf(p.get("body")).contains("[CDATA[" + code + "]]")).count();
    }

    long codeRows() {
        return QuarkusTransaction.requiringNew().call(() -> CardCode.count("tenantId", tenant));
    }
}
