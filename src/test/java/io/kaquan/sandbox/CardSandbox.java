package io.kaquan.sandbox;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * A sandbox account for card tests, driven like a client would: created on the admin API, a token from
 * /cgi-bin/token, then WeChat's own paths. Simulated users and review decisions go through the admin API.
 */
public final class CardSandbox {

    /** A 1×1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public final String appid;
    final String secret;
    public final String originalId;
    public final String token;

    private CardSandbox(String appid, String secret, String originalId, String token) {
        this.appid = appid;
        this.secret = secret;
        this.originalId = originalId;
        this.token = token;
    }

    public static CardSandbox create() {
        return create(Map.of());
    }

    /** @param settings extra account settings, e.g. {"payEnabled": false} */
    public static CardSandbox create(Map<String, Object> settings) {
        JsonPath account = given().contentType(ContentType.JSON).body(settings).post("/sandbox/admin/accounts").then()
                .statusCode(201).extract().jsonPath();
        String appid = account.getString("appid");
        String secret = account.getString("secret");
        String token = given().queryParam("grant_type", "client_credential").queryParam("appid", appid)
                .queryParam("secret", secret).get("/sandbox/wechat/cgi-bin/token").then().statusCode(200).extract()
                .jsonPath().getString("access_token");
        return new CardSandbox(appid, secret, account.getString("originalId"), token);
    }

    /** POST to a WeChat path (e.g. "/card/get") with this account's token; WeChat always answers 200. */
    public ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).queryParam("access_token", token)
                .post("/sandbox/wechat" + path).then().statusCode(200);
    }

    public ValidatableResponse postRaw(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).queryParam("access_token", token)
                .post("/sandbox/wechat" + path).then().statusCode(200);
    }

    public String uploadLogo() {
        return given().multiPart("buffer", "logo.png", PNG, "image/png").queryParam("access_token", token)
                .post("/sandbox/wechat/cgi-bin/media/uploadimg").then().statusCode(200).extract().jsonPath()
                .getString("url");
    }

    /** A valid card/create body of the type, valid for 30 days from now; edit base_info or the type object. */
    public Map<String, Object> cardBody(String type, Consumer<Map<String, Object>> base, Consumer<Map<String, Object>> typed) {
        Map<String, Object> baseInfo = new LinkedHashMap<>();
        baseInfo.put("logo_url", uploadLogo());
        baseInfo.put("code_type", "CODE_TYPE_QRCODE");
        baseInfo.put("brand_name", "沙箱餐厅");
        baseInfo.put("title", "双人套餐券");
        baseInfo.put("color", "Color010");
        baseInfo.put("notice", "使用时向服务员出示此券");
        baseInfo.put("description", "不可与其他优惠同享");
        baseInfo.put("sku", Map.of("quantity", 1000));
        long now = Instant.now().getEpochSecond();
        baseInfo.put("date_info", Map.of("type", "DATE_TYPE_FIX_TIME_RANGE", "begin_timestamp", now - 86400 * 10,
                "end_timestamp", now + 86400 * 30));
        base.accept(baseInfo);
        Map<String, Object> typeObject = new LinkedHashMap<>();
        typeObject.put("base_info", baseInfo);
        switch (type) {
            case "GROUPON" -> typeObject.put("deal_detail", "双人火锅套餐");
            case "CASH" -> {
                typeObject.put("least_cost", 10000);
                typeObject.put("reduce_cost", 1000);
            }
            case "DISCOUNT" -> typeObject.put("discount", 30);
            case "GIFT" -> typeObject.put("gift", "可兑换音乐木盒一个");
            case "GENERAL_COUPON" -> typeObject.put("default_detail", "音乐木盒");
            default -> {
            }
        }
        typed.accept(typeObject);
        Map<String, Object> card = new HashMap<>();
        card.put("card_type", type);
        card.put(type.toLowerCase(), typeObject);
        return Map.of("card", card);
    }

    public String createCard(String type, Consumer<Map<String, Object>> base) {
        return post("/card/create", cardBody(type, base, typed -> {
        })).body("errcode", org.hamcrest.Matchers.is(0))
                .extract().jsonPath().getString("card_id");
    }

    public String createCard(String type) {
        return createCard(type, base -> {
        });
    }

    /** A created card, approved at once by the admin API. */
    public String approvedCard(String type, Consumer<Map<String, Object>> base) {
        String cardId = createCard(type, base);
        review(cardId, Map.of("pass", true)).statusCode(200);
        return cardId;
    }

    public String approvedCard(String type) {
        return approvedCard(type, base -> {
        });
    }

    public static ValidatableResponse review(String cardId, Map<String, Object> decision) {
        return given().contentType(ContentType.JSON).body(decision).post("/sandbox/admin/cards/" + cardId + "/review")
                .then();
    }

    public static ValidatableResponse receive(String cardId, Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).post("/sandbox/admin/cards/" + cardId + "/receive")
                .then();
    }

    /** A user receives the card; answers the code. */
    public static String receive(String cardId) {
        return receive(cardId, Map.of()).statusCode(201).extract().jsonPath().getString("code");
    }

    public ValidatableResponse user(String code, String action, Map<String, Object> request) {
        return given().contentType(ContentType.JSON).body(request).queryParam("appid", appid)
                .post("/sandbox/admin/codes/" + code + "/" + action).then();
    }

    /** The event XMLs pushed for this account so far, newest first. */
    public List<String> pushes() {
        return given().get("/sandbox/admin/accounts/" + appid + "/pushes").then().statusCode(200).extract().jsonPath()
                .getList("body", String.class);
    }

    /** The newest pushed event of the type. */
    public String pushed(String event) {
        return pushes().stream().filter(xml -> xml.contains("<Event><![CDATA[" + event + "]]></Event>")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " push in " + pushes()));
    }
}
