package io.kaquan.sandbox.cards;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.CardSandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A whole card life cycle as a client that only knows WeChat's protocol sees it (token, uploadimg, create, review
 * push, code/get, consume, datacube); the sandbox's users act through the admin API, as real users would in WeChat.
 */
@QuarkusTest
class CardLifecycleTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void shouldDriveACardFromCreationToStatistics() {
        CardSandbox sandbox = CardSandbox.create();
        given().contentType(ContentType.JSON).body(Map.of("delaySeconds", 1))
                .put("/sandbox/admin/accounts/" + sandbox.appid + "/card-review").then().statusCode(200);

        long now = Instant.now().getEpochSecond();
        String logo = sandbox.uploadLogo();
        String body = """
                {"card":{"card_type":"CASH","cash":{"base_info":{"logo_url":"%s","brand_name":"微信餐厅",
                "code_type":"CODE_TYPE_TEXT","title":"满100减10元","color":"Color010","notice":"使用时向服务员出示此券",
                "description":"不可与其他优惠同享","date_info":{"type":"DATE_TYPE_FIX_TIME_RANGE",
                "begin_timestamp":"%d","end_timestamp":"%d"},"sku":{"quantity":500},"get_limit":3,
                "unknown_field":"ignored"},"least_cost":10000,"reduce_cost":1000}}}
                """.formatted(logo, now - 3 * 86400, now + 30 * 86400);
        String cardId = sandbox.postRaw("/card/create", body).body("errcode", is(0)).extract().jsonPath()
                .getString("card_id");

        Awaitility.await("the review passed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> sandbox.post("/card/get", Map.of("card_id", cardId)).extract().jsonPath()
                        .getString("card.cash.base_info.status"), is("CARD_STATUS_VERIFY_OK"));
        Awaitility.await("card_pass_check pushed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertTrue(sandbox.pushed("card_pass_check").contains(cardId)));
        sandbox.post("/card/batchget", Map.of("offset", 0, "count", 10, "status_list", List.of("CARD_STATUS_VERIFY_OK")))
                .body("card_id_list", is(List.of(cardId)));

        // A user received the card yesterday and used it at the till the same day.
        LocalDate yesterday = LocalDate.now(SHANGHAI).minusDays(1);
        String at = yesterday.atTime(10, 0).atZone(SHANGHAI).toInstant().toString();
        String code = CardSandbox.receive(cardId, Map.of("openid", "oLifecycle", "at", at)).statusCode(201).extract()
                .jsonPath().getString("code");
        assertTrue(sandbox.pushed("user_get_card").contains(code));
        sandbox.post("/card/user/getcardlist", Map.of("openid", "oLifecycle")).body("card_list.code", is(List.of(code)));
        sandbox.post("/card/code/get", Map.of("code", code, "card_id", cardId, "check_consume", true))
                .body("errcode", is(0)).body("can_consume", is(true));
        sandbox.post("/card/code/consume", Map.of("code", code, "card_id", cardId)).body("errcode", is(0))
                .body("openid", is("oLifecycle"));
        sandbox.post("/card/code/get", Map.of("code", code, "card_id", cardId, "check_consume", false))
                .body("user_card_status", is("CONSUMED"));
        sandbox.post("/card/get", Map.of("card_id", cardId)).body("card.cash.base_info.sku.quantity", is(499));

        sandbox.post("/datacube/getcardcardinfo", Map.of("begin_date", yesterday.toString(), "end_date",
                yesterday.toString(), "cond_source", 1, "card_id", cardId)).body("list[0].ref_date", is(yesterday.toString()))
                .body("list[0].receive_cnt", is(1)).body("list[0].card_type", is(1));

        sandbox.post("/card/delete", Map.of("card_id", cardId)).body("errcode", is(0));
    }
}
