package io.kaquan.sandbox.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.CardSandbox;
import io.quarkus.test.junit.QuarkusTest;

/** The card template APIs over HTTP: card/create, get, batchget, update, modifystock, delete, cells, colors. */
@QuarkusTest
class CardApiTest {

    private static final List<String> TYPES = List.of("GROUPON", "CASH", "DISCOUNT", "GIFT", "GENERAL_COUPON");

    @Test
    void shouldCreateEveryCouponTypeAwaitingReview() {
        CardSandbox sandbox = CardSandbox.create();
        for (String type : TYPES) {
            String cardId = sandbox.createCard(type);
            assertTrue(cardId.matches("p[A-Za-z0-9_-]{27}"), cardId);
            String key = type.toLowerCase();
            sandbox.post("/card/get", Map.of("card_id", cardId)).body("errcode", is(0))
                    .body("card.card_type", is(type))
                    .body("card." + key + ".base_info.status", is("CARD_STATUS_NOT_VERIFY"));
        }
    }

    @Test
    void shouldAnswerCardDetailsAsWeChatDoes() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.createCard("CASH", base -> base.put("color", "Color020"));
        long before = Instant.now().getEpochSecond() - 5;
        sandbox.post("/card/get", Map.of("card_id", cardId)).body("errcode", is(0)).body("errmsg", is("ok"))
                .body("card.cash.base_info.id", is(cardId)).body("card.cash.base_info.appid", is(sandbox.appid))
                .body("card.cash.base_info.color", is("#2c9f67"))
                .body("card.cash.base_info.sku.quantity", is(1000))
                .body("card.cash.base_info.sku.total_quantity", is(1000))
                .body("card.cash.base_info.create_time", greaterThan((int) before))
                .body("card.cash.base_info.update_time", greaterThan((int) before))
                .body("card.cash.base_info.title", is("双人套餐券"))
                .body("card.cash.base_info.date_info.type", is("DATE_TYPE_FIX_TIME_RANGE"))
                .body("card.cash.least_cost", is(10000)).body("card.cash.reduce_cost", is(1000));
    }

    @Test
    void shouldRefuseInvalidCreateRequests() {
        CardSandbox sandbox = CardSandbox.create();
        sandbox.post("/card/create", sandbox.cardBody("GROUPON", base -> base.remove("title"), t -> {
        }))
                .body("errcode", is(41011)).body("errmsg", containsString(" rid: "));
        sandbox.post("/card/create", sandbox.cardBody("GROUPON", base -> base.put("title", "一二三四五六七八九十"), t -> {
        }))
                .body("errcode", is(45021));
        sandbox.post("/card/create", sandbox.cardBody("GROUPON", base -> base.put("logo_url",
                "http://mmbiz.qpic.cn/mmbiz/iaL1LJM1mF9aRKPZJkmG8xXhiaHqkKSVMMWeN3hLut7X7hicFNjakmxibMLGWpX/0"), t -> {
                }))
                .body("errcode", is(40035));
        sandbox.post("/card/create", sandbox.cardBody("GROUPON", base -> base.put("sku", Map.of("quantity", 100000001)),
                t -> {
                })).body("errcode", is(40122));
        sandbox.post("/card/create", sandbox.cardBody("GROUPON", t -> {
        }, typed -> typed.remove("deal_detail")))
                .body("errcode", is(41011));
        sandbox.post("/card/create", Map.of("card", Map.of("card_type", "BOARDING_PASS"))).body("errcode", is(40071));
        sandbox.postRaw("/card/create", "{not json").body("errcode", is(47001));
        sandbox.postRaw("/card/create", "").body("errcode", is(44002));
    }

    @Test
    void shouldRefuseCustomCodeWithoutPermission() {
        CardSandbox sandbox = CardSandbox.create(Map.of("customCodeEnabled", false));
        sandbox.post("/card/create", sandbox.cardBody("GIFT", base -> base.put("use_custom_code", true), t -> {
        }))
                .body("errcode", is(43009));
    }

    @Test
    void shouldCheckTokenMethodAndCardPermission() {
        given().body("{}").post("/sandbox/wechat/card/get").then().statusCode(200).body("errcode", is(41001));
        given().body("{}").queryParam("access_token", "x".repeat(40)).post("/sandbox/wechat/card/get").then()
                .statusCode(200).body("errcode", is(40001));
        CardSandbox sandbox = CardSandbox.create();
        given().queryParam("access_token", sandbox.token).get("/sandbox/wechat/card/get").then().statusCode(200)
                .body("errcode", is(43002));
        CardSandbox noCards = CardSandbox.create(Map.of("cardEnabled", false));
        noCards.post("/card/batchget", Map.of("offset", 0, "count", 10)).body("errcode", is(48001));
    }

    @Test
    void shouldAnswerUnknownCardIds() {
        CardSandbox sandbox = CardSandbox.create();
        sandbox.post("/card/get", Map.of()).body("errcode", is(41012));
        sandbox.post("/card/get", Map.of("card_id", "pNoSuchCard0000000000000000")).body("errcode", is(40073));
        String othersCard = CardSandbox.create().createCard("GIFT");
        sandbox.post("/card/get", Map.of("card_id", othersCard)).body("errcode", is(45030));
    }

    @Test
    void shouldListCardsInPagesFilteredByStatus() {
        CardSandbox sandbox = CardSandbox.create();
        String first = sandbox.createCard("GIFT");
        String second = sandbox.createCard("GIFT");
        String third = sandbox.approvedCard("GIFT");
        sandbox.post("/card/batchget", Map.of("offset", 0, "count", 10)).body("errcode", is(0))
                .body("total_num", is(3)).body("card_id_list", is(List.of(third, second, first)));
        sandbox.post("/card/batchget", Map.of("offset", 1, "count", 1)).body("card_id_list", is(List.of(second)));
        sandbox.post("/card/batchget", Map.of("offset", 0, "count", 50, "status_list",
                List.of("CARD_STATUS_VERIFY_OK", "CARD_STATUS_DISPATCH"))).body("total_num", is(1))
                .body("card_id_list", is(List.of(third)));
        sandbox.post("/card/batchget", Map.of("offset", 0, "count", 51)).body("errcode", is(40035));
        sandbox.post("/card/batchget", Map.of("count", 5)).body("errcode", is(41011));
    }

    @Test
    void shouldUpdateWithoutReviewForFreeFields() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("DISCOUNT");
        sandbox.post("/card/update", Map.of("card_id", cardId, "discount", Map.of("base_info",
                Map.of("service_phone", "020-12345678", "get_limit", 2, "can_give_friend", false))))
                .body("errcode", is(0)).body("send_check", is(false));
        sandbox.post("/card/get", Map.of("card_id", cardId))
                .body("card.discount.base_info.status", is("CARD_STATUS_VERIFY_OK"))
                .body("card.discount.base_info.service_phone", is("020-12345678"))
                .body("card.discount.base_info.get_limit", is(2))
                .body("card.discount.base_info.can_give_friend", is(false));
    }

    @Test
    void shouldSendReviewFieldsBackToReview() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("DISCOUNT");
        sandbox.post("/card/update", Map.of("card_id", cardId, "discount", Map.of("base_info",
                Map.of("notice", "请出示二维码", "color", "Color030")))).body("errcode", is(0)).body("send_check", is(true));
        sandbox.post("/card/get", Map.of("card_id", cardId))
                .body("card.discount.base_info.status", is("CARD_STATUS_NOT_VERIFY"))
                .body("card.discount.base_info.notice", is("请出示二维码"))
                .body("card.discount.base_info.color", is("#509fc9"));
    }

    @Test
    void shouldRefuseNonUpdatableFieldsAndNarrowerDates() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GROUPON");
        sandbox.post("/card/update", Map.of("card_id", cardId, "groupon", Map.of("base_info",
                Map.of("brand_name", "别的品牌")))).body("errcode", is(40035));
        sandbox.post("/card/update", Map.of("card_id", cardId, "groupon", Map.of("deal_detail", "新的")))
                .body("errcode", is(40035));
        long end = sandbox.post("/card/get", Map.of("card_id", cardId)).extract().jsonPath()
                .getLong("card.groupon.base_info.date_info.end_timestamp");
        sandbox.post("/card/update", Map.of("card_id", cardId, "groupon", Map.of("base_info", Map.of("date_info",
                Map.of("type", "DATE_TYPE_FIX_TIME_RANGE", "end_timestamp", end - 86400))))).body("errcode", is(40100));
        sandbox.post("/card/update", Map.of("card_id", cardId, "groupon", Map.of("base_info", Map.of("date_info",
                Map.of("type", "DATE_TYPE_FIX_TIME_RANGE", "end_timestamp", end + 86400))))).body("errcode", is(0))
                .body("send_check", is(false));
        sandbox.post("/card/get", Map.of("card_id", cardId))
                .body("card.groupon.base_info.date_info.end_timestamp", is((int) (end + 86400)));
        sandbox.post("/card/update", Map.of("card_id", cardId, "cash", Map.of())).body("errcode", is(40071));
    }

    @Test
    void shouldModifyStockButNeverBelowZero() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.createCard("GIFT");
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "increase_stock_value", 500)).body("errcode", is(0));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "reduce_stock_value", "200")).body("errcode", is(0));
        sandbox.post("/card/get", Map.of("card_id", cardId)).body("card.gift.base_info.sku.quantity", is(1300))
                .body("card.gift.base_info.sku.total_quantity", is(1300));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "reduce_stock_value", 1301))
                .body("errcode", is(40122));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "increase_stock_value", 100000000))
                .body("errcode", is(40122));
        sandbox.post("/card/modifystock", Map.of("card_id", cardId, "reduce_stock_value", 1300)).body("errcode", is(0));
        sandbox.post("/card/get", Map.of("card_id", cardId)).body("card.gift.base_info.sku.quantity", is(0));
    }

    @Test
    void shouldDeleteOnce() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.approvedCard("GIFT");
        String code = CardSandbox.receive(cardId);
        sandbox.post("/card/delete", Map.of("card_id", cardId)).body("errcode", is(0));
        sandbox.post("/card/get", Map.of("card_id", cardId)).body("card.gift.base_info.status", is("CARD_STATUS_DELETE"));
        sandbox.post("/card/delete", Map.of("card_id", cardId)).body("errcode", is(40078));
        // Codes already received stay usable.
        sandbox.post("/card/code/get", Map.of("code", code)).body("errcode", is(0)).body("can_consume", is(true));
        CardSandbox.receive(cardId, Map.of()).statusCode(409).body("errcode", is(40078));
    }

    @Test
    void shouldSetPayCellOnlyWithPayPermissionAndStores() {
        CardSandbox sandbox = CardSandbox.create();
        String withStores = sandbox.createCard("CASH", base -> base.put("location_id_list", List.of(123, 456)));
        String withoutStores = sandbox.createCard("CASH");
        sandbox.post("/card/paycell/set", Map.of("card_id", withStores, "is_open", true)).body("errcode", is(0));
        sandbox.post("/card/paycell/set", Map.of("card_id", withoutStores, "is_open", true)).body("errcode", is(40150));
        sandbox.post("/card/paycell/set", Map.of("card_id", withStores)).body("errcode", is(41011));
        CardSandbox noPay = CardSandbox.create(Map.of("payEnabled", false));
        String card = noPay.createCard("CASH", base -> base.put("location_id_list", List.of(123)));
        noPay.post("/card/paycell/set", Map.of("card_id", card, "is_open", true)).body("errcode", is(43008));
    }

    @Test
    void shouldRefuseSelfConsumeCellWhilePayCellIsOpen() {
        CardSandbox sandbox = CardSandbox.create();
        String cardId = sandbox.createCard("CASH", base -> base.put("location_id_list", List.of(123)));
        sandbox.post("/card/paycell/set", Map.of("card_id", cardId, "is_open", true)).body("errcode", is(0));
        sandbox.post("/card/selfconsumecell/set", Map.of("card_id", cardId, "is_open", true)).body("errcode", is(45046));
        sandbox.post("/card/paycell/set", Map.of("card_id", cardId, "is_open", false)).body("errcode", is(0));
        sandbox.post("/card/selfconsumecell/set", Map.of("card_id", cardId, "is_open", true, "need_verify_cod", true))
                .body("errcode", is(0));
        sandbox.post("/card/paycell/set", Map.of("card_id", cardId, "is_open", true)).body("errcode", is(45046));
    }

    @Test
    void shouldListColours() {
        CardSandbox sandbox = CardSandbox.create();
        given().queryParam("access_token", sandbox.token).get("/sandbox/wechat/card/getcolors").then().statusCode(200)
                .header("Content-Type", startsWith("application/json")).body("errcode", is(0))
                .body("colors", hasSize(14)).body("colors.name", hasItem("Color010"))
                .body("colors.find { it.name == 'Color102' }.value", is("#5E6671"));
        sandbox.post("/card/getcolors", Map.of()).body("errcode", is(43001));
    }

    @Test
    void shouldReplaceTestWhitelist() {
        CardSandbox sandbox = CardSandbox.create();
        sandbox.post("/card/testwhitelist/set", Map.of("openid", List.of("oTester1"), "username", List.of("tester")))
                .body("errcode", is(0));
        sandbox.post("/card/testwhitelist/set", Map.of()).body("errcode", is(41011));
        sandbox.post("/card/testwhitelist/set", Map.of("openid", List.of("o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8",
                "o9", "o10", "o11"))).body("errcode", is(40035));
        sandbox.post("/card/testwhitelist/set", Map.of("openid", "not-a-list")).body("errcode", is(47001));
    }

    @Test
    void shouldUploadImagesAndServeThemBack() {
        CardSandbox sandbox = CardSandbox.create();
        String url = sandbox.uploadLogo();
        assertTrue(url.startsWith("http://mmbiz.qpic.cn/sandbox/"), url);
        given().multiPart("media", "logo.png", CardSandbox.PNG, "image/png").queryParam("access_token", sandbox.token)
                .post("/sandbox/wechat/cgi-bin/media/uploadimg").then().statusCode(200)
                .body("url", endsWith("/0")).body("errcode", nullValue());
        String key = url.substring("http://mmbiz.qpic.cn/sandbox/".length(), url.length() - 2);
        byte[] served = given().get("/sandbox/static/mmbiz/" + key).then().statusCode(200)
                .header("Content-Type", is("image/png")).extract().asByteArray();
        assertEquals(CardSandbox.PNG.length, served.length);
        given().multiPart("buffer", "note.txt", "hello".getBytes(), "text/plain").queryParam("access_token", sandbox.token)
                .post("/sandbox/wechat/cgi-bin/media/uploadimg").then().statusCode(200).body("errcode", is(40005));
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(CardSandbox.PNG, 0, big, 0, CardSandbox.PNG.length);
        given().multiPart("buffer", "big.png", big, "image/png").queryParam("access_token", sandbox.token)
                .post("/sandbox/wechat/cgi-bin/media/uploadimg").then().statusCode(200).body("errcode", is(40009))
                .body("errmsg", startsWith("invalid image size"));
    }

    @Test
    void shouldListSeededStores() {
        CardSandbox sandbox = CardSandbox.create();
        sandbox.post("/cgi-bin/poi/getpoilist", Map.of("begin", 0, "limit", 10)).body("errcode", is(0))
                .body("total_count", is(3)).body("business_list", hasSize(3))
                .body("business_list.base_info.available_state", is(List.of(3, 3, 2)))
                .body("business_list[2].base_info.poi_id", is(""))
                .body("business_list[0].base_info.poi_id", not(is("")))
                .body("business_list.base_info.categories", everyItem(hasSize(1)));
        sandbox.post("/cgi-bin/poi/getpoilist", Map.of("begin", 2, "limit", 10)).body("business_list", hasSize(1));
        sandbox.post("/cgi-bin/poi/getpoilist", Map.of("limit", 51)).body("errcode", is(40035));
    }
}
