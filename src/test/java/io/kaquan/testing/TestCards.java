package io.kaquan.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.card.Card;
import io.kaquan.card.CardMirror;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/**
 * Cards of a registered test tenant, made the way Kaquan makes them: card/create through the product's gateway (so in
 * the sandbox account behind the tenant), then the mirror from card/get. Simulated users and review decisions go
 * through the sandbox's admin API. For tests of pages that need cards; the wizard has its own tests.
 */
public final class TestCards {

    /** A 1×1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestCards() {
    }

    /** A valid card/create body of the type (stock 1000, valid from 10 days ago for 30 days); edit it in {@code edit}. */
    public static ObjectNode body(long tenantId, String type, Consumer<ObjectNode> edit) {
        ObjectNode card = JSON.createObjectNode();
        card.put("card_type", type);
        ObjectNode typed = card.putObject(type.toLowerCase());
        ObjectNode base = typed.putObject("base_info");
        base.put("logo_url", gateway().forTenant(tenantId).uploadImage("logo.png", PNG, "image/png"));
        base.put("code_type", "CODE_TYPE_QRCODE");
        base.put("brand_name", "测试餐厅");
        base.put("title", "双人套餐券");
        base.put("color", "Color010");
        base.put("notice", "使用时向服务员出示此券");
        base.put("description", "不可与其他优惠同享");
        base.putObject("sku").put("quantity", 1000);
        long now = Instant.now().getEpochSecond();
        base.putObject("date_info").put("type", "DATE_TYPE_FIX_TIME_RANGE").put("begin_timestamp", now - 86400 * 10)
                .put("end_timestamp", now + 86400 * 30);
        switch (type) {
            case "GROUPON" -> typed.put("deal_detail", "双人火锅套餐");
            case "CASH" -> typed.put("least_cost", 10000).put("reduce_cost", 1000);
            case "DISCOUNT" -> typed.put("discount", 30);
            case "GIFT" -> typed.put("gift", "可兑换音乐木盒一个");
            case "GENERAL_COUPON" -> typed.put("default_detail", "音乐木盒");
            default -> throw new IllegalArgumentException(type);
        }
        edit.accept(card);
        return card;
    }

    /** Creates a card in WeChat (the sandbox) for the tenant and mirrors it; answers the card_id. */
    public static String create(long tenantId, String type, Consumer<ObjectNode> edit) {
        String cardId = gateway().forTenant(tenantId).cardCreate(body(tenantId, type, edit));
        mirror(tenantId, cardId);
        return cardId;
    }

    public static String create(long tenantId, String type) {
        return create(tenantId, type, card -> {
        });
    }

    /** A card approved by WeChat's review (the sandbox pushes card_pass_check too), mirrored after the decision. */
    public static String approved(long tenantId, String type) {
        String cardId = create(tenantId, type);
        review(cardId, true, null);
        mirror(tenantId, cardId);
        return cardId;
    }

    /** Reads card/get into the mirror, as a refresh would. */
    public static Card mirror(long tenantId, String cardId) {
        var detail = gateway().forTenant(tenantId).cardGet(cardId);
        return QuarkusTransaction.requiringNew()
                .call(() -> Arc.container().instance(CardMirror.class).get()
                        .refreshed(tenantId, detail, Card.Origin.KAQUAN));
    }

    /** The mirror row as it is in the database now. */
    public static Card stored(long tenantId, String cardId) {
        return QuarkusTransaction.requiringNew().call(() -> Card.of(tenantId, cardId).orElse(null));
    }

    /** WeChat's review decides now (and pushes the result to the tenant's callback URL, if it has one). */
    public static void review(String cardId, boolean pass, String reason) {
        Map<String, Object> decision = pass ? Map.of("pass", true) : Map.of("pass", false, "reason", reason);
        given().contentType(ContentType.JSON).body(decision).post("/sandbox/admin/cards/" + cardId + "/review")
                .then().statusCode(200);
    }

    /** A simulated user receives the card; answers the code. */
    public static String receive(String cardId) {
        return given().contentType(ContentType.JSON).body(Map.of()).post("/sandbox/admin/cards/" + cardId + "/receive")
                .then().statusCode(201).extract().jsonPath().getString("code");
    }

    private static WeChatGateway gateway() {
        return Arc.container().instance(WeChatGateway.class).get();
    }
}
