package io.kaquan.sandbox.stats;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.sandbox.CardSandbox;
import io.quarkus.test.junit.QuarkusTest;

/** The datacube card statistics: date rules (61500/61501) and real aggregates of back-dated simulated activity. */
@QuarkusTest
class DatacubeStatsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> APIS = List.of("/datacube/getcardbizuininfo", "/datacube/getcardcardinfo",
            "/datacube/getcardmembercardinfo");

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /** Noon of a day in China, as the "at" of a simulated action. */
    private static String noon(LocalDate day) {
        return day.atTime(12, 0).atZone(SHANGHAI).toInstant().toString();
    }

    private static Map<String, Object> window(LocalDate begin, LocalDate end) {
        return Map.of("begin_date", begin.toString(), "end_date", end.toString(), "cond_source", 1);
    }

    @Test
    void shouldCheckDateFormatAndRange() {
        CardSandbox sandbox = CardSandbox.create();
        LocalDate yesterday = today().minusDays(1);
        for (String api : APIS) {
            sandbox.post(api, Map.of("begin_date", "2015/06/15", "end_date", yesterday.toString(), "cond_source", 1))
                    .body("errcode", is(61500));
            sandbox.post(api, Map.of("begin_date", "2015-6-15", "end_date", yesterday.toString(), "cond_source", 1))
                    .body("errcode", is(61500));
            sandbox.post(api, Map.of("begin_date", "2015-02-30", "end_date", yesterday.toString(), "cond_source", 1))
                    .body("errcode", is(61500));
            sandbox.post(api, Map.of("end_date", yesterday.toString(), "cond_source", 1)).body("errcode", is(61500));
            sandbox.post(api, window(yesterday.minusDays(63), yesterday)).body("errcode", is(61501));
            sandbox.post(api, window(yesterday, yesterday.minusDays(1))).body("errcode", is(61501));
            sandbox.post(api, window(yesterday, today())).body("errcode", is(61501));
            sandbox.post(api, window(yesterday.minusDays(62), yesterday)).body("errcode", nullValue())
                    .body("list", hasSize(0));
            sandbox.post(api, Map.of("begin_date", yesterday.toString(), "end_date", yesterday.toString()))
                    .body("errcode", is(41011));
            sandbox.post(api, Map.of("begin_date", yesterday.toString(), "end_date", yesterday.toString(),
                    "cond_source", 2)).body("errcode", is(40035));
        }
    }

    @Test
    void shouldAggregateWhatUsersDidPerDay() {
        CardSandbox sandbox = CardSandbox.create();
        LocalDate twoDaysAgo = today().minusDays(2);
        LocalDate yesterday = today().minusDays(1);
        String gift = sandbox.approvedCard("GIFT");
        String cash = sandbox.approvedCard("CASH");
        String a1 = CardSandbox.receive(gift, Map.of("openid", "oStatsA", "at", noon(twoDaysAgo))).statusCode(201)
                .extract().jsonPath().getString("code");
        CardSandbox.receive(gift, Map.of("openid", "oStatsA", "at", noon(twoDaysAgo))).statusCode(201);
        String b1 = CardSandbox.receive(cash, Map.of("openid", "oStatsB", "at", noon(twoDaysAgo))).statusCode(201)
                .extract().jsonPath().getString("code");
        sandbox.user(a1, "view", Map.of("at", noon(yesterday))).statusCode(200);
        sandbox.user(a1, "consume", Map.of("at", noon(yesterday))).statusCode(200);
        sandbox.user(b1, "gift", Map.of("at", noon(yesterday), "friendOpenid", "oStatsC")).statusCode(200);
        // Today's activity is not served yet (T+1).
        CardSandbox.receive(cash, Map.of("openid", "oStatsD")).statusCode(201);

        sandbox.post("/datacube/getcardbizuininfo", window(twoDaysAgo.minusDays(5), yesterday))
                .body("errcode", nullValue()).body("list", hasSize(2))
                .body("list[0].ref_date", is(twoDaysAgo.toString())).body("list[0].receive_cnt", is(3))
                .body("list[0].receive_user", is(2)).body("list[0].verify_cnt", is(0))
                .body("list[1].ref_date", is(yesterday.toString())).body("list[1].view_cnt", is(1))
                .body("list[1].view_user", is(1)).body("list[1].verify_cnt", is(1)).body("list[1].verify_user", is(1))
                .body("list[1].given_cnt", is(1)).body("list[1].given_user", is(1)).body("list[1].receive_cnt", is(0))
                .body("list[1].expire_cnt", is(0));

        sandbox.post("/datacube/getcardcardinfo", window(twoDaysAgo, yesterday)).body("list", hasSize(4));
        sandbox.post("/datacube/getcardcardinfo", Map.of("begin_date", twoDaysAgo.toString(), "end_date",
                yesterday.toString(), "cond_source", 1, "card_id", gift)).body("list", hasSize(2))
                .body("list[0].card_id", is(gift)).body("list[0].card_type", is(2))
                .body("list[0].receive_cnt", is(2)).body("list[0].receive_user", is(1))
                .body("list[1].verify_cnt", is(1));
        sandbox.post("/datacube/getcardcardinfo", Map.of("begin_date", yesterday.toString(), "end_date",
                yesterday.toString(), "cond_source", 1, "card_id", cash)).body("list[0].card_type", is(1))
                .body("list[0].given_cnt", is(1));
        // Cards created on the MP console (cond_source 0): the sandbox creates none.
        sandbox.post("/datacube/getcardbizuininfo", Map.of("begin_date", twoDaysAgo.toString(), "end_date",
                yesterday.toString(), "cond_source", 0)).body("list", hasSize(0));
        sandbox.post("/datacube/getcardmembercardinfo", window(twoDaysAgo, yesterday)).body("list", hasSize(0));
    }
}
