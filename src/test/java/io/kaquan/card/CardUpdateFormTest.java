package io.kaquan.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.kaquan.web.TimeTexts;

/** The card edit form's rules without the app: what may change, what is sent, what is refused. */
class CardUpdateFormTest {

    /** Messages as their keys, so that a test names the rule it expects. */
    static final CardPagesMsg KEYS = (CardPagesMsg) Proxy.newProxyInstance(CardPagesMsg.class.getClassLoader(),
            new Class<?>[] { CardPagesMsg.class }, (proxy, method, args) -> method.getName());

    static final long BEGIN = LocalDate.of(2026, 12, 1).atStartOfDay(TimeTexts.SHANGHAI).toEpochSecond();
    static final long END = LocalDate.of(2026, 12, 31).plusDays(1).atStartOfDay(TimeTexts.SHANGHAI).toEpochSecond() - 1;

    /** A CASH card as card/get returns it. */
    static CardView current() {
        Card card = new Card();
        card.tenantId = 1L;
        card.cardId = "pCard";
        card.cardType = "CASH";
        card.detailJson = """
                {"card_type": "CASH", "cash": {"least_cost": 10000, "reduce_cost": 1000, "base_info": {
                  "logo_url": "http://mmbiz.qpic.cn/logo/0", "color": "Color010", "notice": "请出示二维码",
                  "description": "第一行\\n第二行", "service_phone": "020-88888888", "code_type": "CODE_TYPE_QRCODE",
                  "get_limit": 3, "can_share": true, "can_give_friend": false, "location_id_list": [101, 102],
                  "date_info": {"type": "DATE_TYPE_FIX_TIME_RANGE", "begin_timestamp": %d, "end_timestamp": %d}}}}
                """.formatted(BEGIN, END);
        return new CardView(card, KEYS);
    }

    /** The form as the edit page sends it unchanged (textareas with CRLF, as browsers send them). */
    static Map<String, String> unchanged() {
        Map<String, String> form = new HashMap<>();
        form.put("logo_url", "http://mmbiz.qpic.cn/logo/0");
        form.put("color", "Color010");
        form.put("notice", "请出示二维码");
        form.put("description", "第一行\r\n第二行");
        form.put("service_phone", "020-88888888");
        form.put("code_type", "CODE_TYPE_QRCODE");
        form.put("get_limit", "3");
        form.put("can_share", "true");
        form.put("can_give_friend", "false");
        form.put("location_id_list", "101, 102");
        form.put("begin_date", "2026-12-01");
        form.put("end_date", "2026-12-31");
        return form;
    }

    static CardUpdateForm.Changes changes(Map<String, String> form) {
        return CardUpdateForm.changes(current(), form, KEYS);
    }

    @Test
    void anUnchangedFormSendsNothingEvenWithCrlfLineBreaks() {
        CardUpdateForm.Changes changes = changes(unchanged());
        assertTrue(changes.errors().isEmpty(), changes.errors().toString());
        assertTrue(changes.isEmpty(), changes.changed().toString());
        assertEquals(0, changes.baseInfo().size());
    }

    @Test
    void onlyTheChangedFieldsAreSentInWeChatsTypes() {
        Map<String, String> form = unchanged();
        form.put("service_phone", "400-800-8888");
        form.put("get_limit", "5");
        form.put("can_give_friend", "true");
        form.put("location_id_list", "101，102 103");
        CardUpdateForm.Changes changes = changes(form);
        assertTrue(changes.errors().isEmpty(), changes.errors().toString());
        assertEquals(List.of("service_phone", "get_limit", "can_give_friend", "location_id_list"), changes.changed());
        assertEquals("400-800-8888", changes.baseInfo().path("service_phone").asText());
        assertEquals(5, changes.baseInfo().path("get_limit").intValue());
        assertTrue(changes.baseInfo().path("can_give_friend").isBoolean());
        assertEquals("[101,102,103]", changes.baseInfo().path("location_id_list").toString());
        assertFalse(changes.baseInfo().has("notice"));
        assertFalse(changes.needsReview(), "none of these is reviewed again");
    }

    @Test
    void aChangedDescriptionIsSentWithLfAndMeansReview() {
        Map<String, String> form = unchanged();
        form.put("description", "第一行\r\n第二行\r\n第三行\r\n");
        CardUpdateForm.Changes changes = changes(form);
        assertEquals(List.of("description"), changes.changed());
        assertEquals("第一行\n第二行\n第三行", changes.baseInfo().path("description").asText());
        assertTrue(changes.needsReview(), "WeChat reviews a new description (send_check)");
    }

    @Test
    void fieldsAbsentFromTheFormStayUnchanged() {
        CardUpdateForm.Changes changes = changes(Map.of("notice", "请出示会员码"));
        assertEquals(List.of("notice"), changes.changed());
        assertTrue(changes.needsReview());
    }

    @Test
    void fieldsOutsideWeChatsUpdatableListAreIgnored() {
        Map<String, String> form = unchanged();
        form.put("title", "新标题");
        form.put("brand_name", "别家");
        form.put("sku", "{\"quantity\": 1}");
        assertTrue(changes(form).isEmpty());
    }

    @ParameterizedTest(name = "{0}={1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "color|Color999|errChoice",
            "code_type|CODE_TYPE_FANCY|errChoice",
            "get_limit|0|errGetLimit",
            "get_limit|100000001|errGetLimit",
            "get_limit|abc|errGetLimit",
            "can_share|maybe|errChoice",
            "location_id_list|101,abc|errLocations",
            "notice|''|errRequired",
            "notice|一二三四五六七八九十一二三四五六七|errTooLong",
            "center_url|ftp://example.com|errUrl",
            "service_phone|0123456789012345678901234|errTooLong" })
    void badValuesAreFieldErrors(String field, String value, String error) {
        Map<String, String> form = unchanged();
        form.put(field, value);
        assertEquals(Map.of(field, error), changes(form).errors().asMap());
    }

    @Test
    void datesMayOnlyWiden() {
        Map<String, String> form = unchanged();
        form.put("end_date", "2027-01-31");
        CardUpdateForm.Changes later = changes(form);
        assertTrue(later.errors().isEmpty(), later.errors().toString());
        assertEquals(List.of("date_info"), later.changed());
        assertEquals(BEGIN, later.baseInfo().path("date_info").path("begin_timestamp").longValue(), "begin kept exact");
        assertEquals(LocalDate.of(2027, 2, 1).atStartOfDay(TimeTexts.SHANGHAI).toEpochSecond() - 1,
                later.baseInfo().path("date_info").path("end_timestamp").longValue(), "to the end of the day");
        assertEquals("DATE_TYPE_FIX_TIME_RANGE", later.baseInfo().path("date_info").path("type").asText());

        form = unchanged();
        form.put("end_date", "2026-12-30");
        assertEquals(Map.of("end_date", "errEndEarlier"), changes(form).errors().asMap());
        form = unchanged();
        form.put("begin_date", "2026-12-02");
        assertEquals(Map.of("begin_date", "errBeginLater"), changes(form).errors().asMap());
        form = unchanged();
        form.put("begin_date", "2026-11-15");
        assertEquals(List.of("date_info"), changes(form).changed());
        form = unchanged();
        form.put("end_date", "31/12/2027");
        assertEquals(Map.of("end_date", "errDate"), changes(form).errors().asMap());
    }

    @Test
    void theFlashNamesFieldsInTheMerchantsWords() {
        assertEquals("fCenter", CardUpdateForm.label("center_sub_title", KEYS));
        assertEquals("fValidity", CardUpdateForm.label("date_info", KEYS));
    }
}
