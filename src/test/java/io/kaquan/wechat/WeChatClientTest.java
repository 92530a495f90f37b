package io.kaquan.wechat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.tenant.SecretBox;
import io.kaquan.tenant.Tenant;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The typed client of a sandbox tenant against the sandbox: every endpoint the card features need, with WeChat's wire
 * shapes (requests the sandbox accepts, answers read back into records).
 */
@QuarkusTest
class WeChatClientTest {

    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    private static final String TITLE = "双人套餐券";

    static Session alice;
    static long tenantId;
    static String appid;

    @Inject
    WeChatGateway gateway;

    @Inject
    SecretBox secretBox;

    @BeforeAll
    static void registerASandboxTenant() {
        alice = Session.login("alice");
        tenantId = TestTenants.register(alice, Map.of("displayName", "沙箱客户端", "sandbox", "true",
                "messageMode", "COMPAT"));
        appid = QuarkusTransaction.requiringNew().call(() -> ((Tenant) Tenant.findById(tenantId)).appid);
    }

    @Test
    void shouldCreateTheSandboxAccountOfASandboxTenantPushingToOurCallback() {
        JsonPath account = given().get("/sandbox/admin/accounts/" + appid).then().statusCode(200).extract().jsonPath();
        Tenant tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.findById(tenantId));
        assertTrue(account.getString("callbackUrl").matches("http://localhost:\\d+/wechat/callback\\?t=gh_sbx[0-9a-f]{9}"),
                account.getString("callbackUrl"));
        assertEquals("COMPAT", account.getString("messageMode"));
        assertEquals(tenant.originalId, account.getString("originalId"));
        assertEquals(tenant.appsecret(secretBox), account.getString("secret"));
        assertEquals(tenant.callbackToken(secretBox), account.getString("callbackToken"));
        assertEquals(tenant.aesKey(secretBox), account.getString("encodingAesKey"));
    }

    @Test
    void shouldManageACardThroughItsLife() {
        WeChatClient wechat = gateway.forTenant(tenantId);
        String logo = wechat.uploadImage("logo.png", PNG, "image/png");
        assertTrue(logo.startsWith("http"), logo);

        String cardId = wechat.cardCreate(groupon(logo));
        WeChatCards.Detail card = wechat.cardGet(cardId);
        assertEquals(cardId, card.cardId());
        assertEquals("GROUPON", card.cardType());
        assertEquals(TITLE, card.title(), "Chinese text survives the round trip");
        assertEquals(CardStatus.NOT_VERIFY, card.status());
        assertEquals(1000, card.quantity());
        assertTrue(wechat.cardBatchget(0, 50, List.of()).cardIdList().contains(cardId));
        assertTrue(wechat.cardBatchget(0, 50, List.of(CardStatus.NOT_VERIFY)).cardIdList().contains(cardId));

        ObjectNode changes = WeChatJson.MAPPER.createObjectNode();
        changes.putObject("groupon").putObject("base_info").put("service_phone", "020-12345678");
        wechat.cardUpdate(cardId, changes);
        wechat.cardModifyStock(cardId, 10);
        wechat.cardModifyStock(cardId, -5);
        assertEquals(1005, wechat.cardGet(cardId).quantity());

        wechat.cardDelete(cardId);
        assertEquals(CardStatus.DELETE, wechat.cardGet(cardId).status());
    }

    @Test
    void shouldLookUpRedeemAndInvalidateCodes() {
        WeChatClient wechat = gateway.forTenant(tenantId);
        String cardId = wechat.cardCreate(groupon(wechat.uploadImage("logo.png", PNG, "image/png")));
        given().contentType(ContentType.JSON).body(Map.of("pass", true))
                .post("/sandbox/admin/cards/" + cardId + "/review").then().statusCode(200);
        JsonPath received = receive(cardId);
        String code = received.getString("code");
        String openid = received.getString("openid");

        WeChatCodes.Info info = wechat.codeGet(cardId, code, true);
        assertTrue(info.canConsume());
        assertEquals(openid, info.openid());
        assertEquals(UserCardStatus.NORMAL, info.userCardStatus());
        assertEquals(cardId, info.card().cardId());
        assertEquals(code, wechat.codeDecrypt(received.getString("encrypt_code")));
        assertTrue(wechat.userCardList(openid, null).cardList().contains(new WeChatCodes.UserCard(code, cardId)));

        assertEquals(openid, wechat.codeConsume(cardId, code).openid());
        WeChatException consumed = assertThrows(WeChatException.class, () -> wechat.codeGet(cardId, code, true));
        assertEquals(40099, consumed.errcode());
        assertEquals("err_40099", consumed.messageKey());

        String other = receive(cardId).getString("code");
        wechat.codeUnavailable(cardId, other, "测试作废");
        assertEquals(UserCardStatus.UNAVAILABLE, wechat.codeGet(cardId, other, false).userCardStatus());
    }

    @Test
    void shouldReadColorsStoresAndStatistics() {
        WeChatClient wechat = gateway.forTenant(tenantId);
        List<WeChatCards.Color> colors = wechat.cardColors();
        assertTrue(colors.contains(new WeChatCards.Color("Color010", "#63b359")), colors.toString());

        WeChatStores.Page stores = wechat.poiList(0, 10);
        assertFalse(stores.businessList().isEmpty());
        assertTrue(stores.businessList().stream().anyMatch(b -> b.baseInfo().approved()));

        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        wechat.statsOfAccount(yesterday.minusDays(6), yesterday, 1);
        wechat.statsOfCards(yesterday.minusDays(6), yesterday, 1, null);
        WeChatException range = assertThrows(WeChatException.class,
                () -> wechat.statsOfAccount(yesterday.minusDays(90), yesterday, 1));
        assertEquals(61501, range.errcode());
    }

    private static JsonPath receive(String cardId) {
        return given().contentType(ContentType.JSON).body(Map.of()).post("/sandbox/admin/cards/" + cardId + "/receive")
                .then().statusCode(201).extract().jsonPath();
    }

    private static ObjectNode groupon(String logo) {
        ObjectNode card = WeChatJson.MAPPER.createObjectNode();
        card.put("card_type", "GROUPON");
        ObjectNode groupon = card.putObject("groupon");
        groupon.put("deal_detail", "双人火锅套餐");
        ObjectNode base = groupon.putObject("base_info");
        base.put("logo_url", logo);
        base.put("code_type", "CODE_TYPE_QRCODE");
        base.put("brand_name", "沙箱餐厅");
        base.put("title", TITLE);
        base.put("color", "Color010");
        base.put("notice", "使用时向服务员出示此券");
        base.put("description", "不可与其他优惠同享");
        base.putObject("sku").put("quantity", 1000);
        long now = Instant.now().getEpochSecond();
        base.putObject("date_info").put("type", "DATE_TYPE_FIX_TIME_RANGE").put("begin_timestamp", now - 86400)
                .put("end_timestamp", now + 86400 * 30);
        return card;
    }
}
