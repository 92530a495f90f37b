package io.kaquan.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WeChat's JSON in and out, without a server: what is written, and how leniently answers are read. */
class WeChatJsonTest {

    @Test
    void shouldWriteRealCharactersNumbersAndSnakeCase() {
        String json = new String(WeChatJson.write(new WeChatCodes.UnavailableRequest("123", "pX", "顾客退款")),
                StandardCharsets.UTF_8);
        assertEquals("{\"code\":\"123\",\"card_id\":\"pX\",\"reason\":\"顾客退款\"}", json);
        assertFalse(json.contains("\\u"), "no \\u escapes: card/create fails on them");
        assertEquals("{\"card_id\":\"pX\",\"increase_stock_value\":5}",
                new String(WeChatJson.write(new WeChatCards.ModifyStockRequest("pX", 5, null)), StandardCharsets.UTF_8),
                "numbers as numbers, absent values left out");
        assertEquals("{\"offset\":0,\"count\":50,\"status_list\":[\"CARD_STATUS_VERIFY_OK\"]}",
                new String(WeChatJson.write(new WeChatCards.BatchgetRequest(0, 50, List.of(CardStatus.VERIFY_OK))),
                        StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} → errcode {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"access_token\":\"x\",\"expires_in\":7200}|0",
            "{\"errcode\":0,\"errmsg\":\"ok\"}|0",
            "{\"errcode\":\"40001\",\"errmsg\":\"invalid credential\"}|40001",
            "{\"errcode\":null}|0",
            "{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit rid: 1\"}|45009",
            "{\"errcode\":\"busy\"}|-1",
    })
    void shouldReadErrcodesLeniently(String reply, int errcode) {
        assertEquals(errcode, WeChatJson.errcode(WeChatJson.read(reply.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void shouldTreatAnAnswerThatIsNotJsonAsNoAnswer() {
        assertNull(WeChatJson.read("<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)));
        assertNull(WeChatJson.read(new byte[0]));
    }

    @Test
    void shouldReadTypesGivenAsStringsAndIgnoreUnknownFields() {
        WeChatCodes.Info info = WeChatJson.convert(WeChatJson.read(("{\"card\":{\"card_id\":\"pX\",\"begin_time\":"
                + "\"1457452800\",\"end_time\":1463155199},\"openid\":\"oX\",\"can_consume\":\"true\","
                + "\"user_card_status\":\"SOMETHING_NEW\",\"unionid\":\"u\",\"extra\":[1,2]}")
                .getBytes(StandardCharsets.UTF_8)), WeChatCodes.Info.class);
        assertTrue(info.canConsume());
        assertEquals(1457452800L, info.card().beginTime());
        assertEquals(UserCardStatus.UNKNOWN, info.userCardStatus(), "an unknown status does not fail the call");
        WeChatCards.IdPage page = WeChatJson.convert(WeChatJson.read(("{\"card_id_list\":\"pOnly\",\"total_num\":"
                + "\"1\"}").getBytes(StandardCharsets.UTF_8)), WeChatCards.IdPage.class);
        assertEquals(List.of("pOnly"), page.cardIdList(), "a single value where a list is expected");
        assertEquals(1, page.totalNum());
        assertTrue(WeChatJson.convert(WeChatJson.read("{\"send_check\":1}".getBytes(StandardCharsets.UTF_8)),
                WeChatCards.UpdateReply.class).sendCheck(), "a boolean given as 1");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "CARD_STATUS_VERIFY_OK, VERIFY_OK", "1, NOT_VERIFY", "3, VERIFY_OK", "CARD_STATUS_USER_DELETE, DELETE",
            "CARD_STATUS_VERIFY_FALL, VERIFY_FAIL", "CARD_STATUS_USER_DISPATCH, DISPATCH",
            "CARD_STATUS_SYS_DELETE, SYS_DELETE", "card_status_expired, EXPIRED", "CARD_STATUS_NEW_ONE, UNKNOWN",
            "42, UNKNOWN",
    })
    void shouldReadCardStatusesAsNamesNumbersOrAliases(String wire, CardStatus status) {
        assertEquals(status, CardStatus.of(wire));
    }

    @Test
    void shouldTakeTheIpWeChatSawFromA40164Errmsg() {
        assertEquals("1.2.3.4", WeChatErrors.ipOf(40164,
                "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: 1-2-3"));
        assertNull(WeChatErrors.ipOf(40164, "something else"));
        assertNull(WeChatErrors.ipOf(40013, "invalid ip 1.2.3.4"));
    }
}
