package io.kaquan.card.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Every validation rule of the wizard with a bad value, and the conversions (yuan → fen, 7折 → 30, dates). */
class CardFormTest {

    /** Messages as their keys, so that a test names the rule it expects. */
    static final WizardMsg KEYS = (WizardMsg) Proxy.newProxyInstance(WizardMsg.class.getClassLoader(),
            new Class<?>[] { WizardMsg.class }, (proxy, method, args) -> method.getName());

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static Map<String, String> valid(String type) {
        Map<String, String> data = new HashMap<>(CardForm.defaults(type));
        data.put("logo_url", "http://mmbiz.qpic.cn/logo/0");
        data.put("brand_name", "微信餐厅");
        data.put("title", "双人套餐券");
        data.put("begin_date", "2026-11-23");
        data.put("end_date", "2026-12-31");
        data.put("quantity", "1000");
        data.put("notice", "请出示二维码");
        data.put("description", "不可与其他优惠同享");
        data.put("deal_detail", "双人火锅");
        data.put("least_cost", "100");
        data.put("reduce_cost", "10");
        data.put("discount", "7折");
        data.put("gift", "音乐木盒");
        data.put("default_detail", "音乐木盒");
        return data;
    }

    @Test
    void aCompleteDraftOfEveryTypeIsValid() {
        for (String type : io.kaquan.wechat.CardType.CREATABLE.stream().map(Enum::name).toList()) {
            assertEquals(Map.of(), CardForm.validateAll(valid(type), KEYS, TODAY), type);
        }
    }

    @ParameterizedTest(name = "{0} {1}={2} → {4}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "CASH|card_type|MEMBER_CARD|card_type|errType",
            "CASH|logo_url||logo_url|errRequired",
            "CASH|brand_name||brand_name|errRequired",
            "CASH|brand_name|一二三四五六七八九十一二三|brand_name|errTooLong",
            "CASH|title|一二三四五六七八九十|title|errTooLong",
            "CASH|title|abcdefghijklmnopqrstuvwxyz12|title|errTooLong",
            "CASH|sub_title|一二三四五六七八九十一二三四五六七八九|sub_title|errTooLong",
            "CASH|color|Color999|color|errColor",
            "GROUPON|deal_detail||deal_detail|errRequired",
            "GIFT|gift||gift|errRequired",
            "GENERAL_COUPON|default_detail||default_detail|errRequired",
            "CASH|reduce_cost||reduce_cost|errRequired",
            "CASH|reduce_cost|abc|reduce_cost|errAmount",
            "CASH|reduce_cost|1.234|reduce_cost|errAmount",
            "CASH|reduce_cost|-5|reduce_cost|errAmount",
            "CASH|reduce_cost|0|reduce_cost|errReduceZero",
            "CASH|reduce_cost|100.01|reduce_cost|errReduceOverLeast",
            "CASH|least_cost|十元|least_cost|errAmount",
            "DISCOUNT|discount||discount|errRequired",
            "DISCOUNT|discount|10折|discount|errDiscount",
            "DISCOUNT|discount|0折|discount|errDiscount",
            "DISCOUNT|discount|七折|discount|errDiscount",
            "DISCOUNT|discount|100|discount|errDiscount",
            "DISCOUNT|discount|12折|discount|errDiscount",
            "DISCOUNT|discount|0.5折|discount|errDiscount",
            "DISCOUNT|discount|85折|discount|errDiscount",
            "DISCOUNT|discount|85%|discount|errDiscount",
            "DISCOUNT|discount|0.85|discount|errDiscount",
            "DISCOUNT|discount|十折|discount|errDiscount",
            "DISCOUNT|discount|8.55折|discount|errDiscount",
            "CASH|reduce_cost|0.001|reduce_cost|errAmount",
            "CASH|reduce_cost|-0.01|reduce_cost|errAmount",
            "CASH|reduce_cost|10000000|reduce_cost|errAmount",
            "CASH|least_cost|-1|least_cost|errAmount",
            "CASH|least_cost|0.001|least_cost|errAmount",
            "CASH|least_cost|99999999999999999999|least_cost|errAmount",
            "CASH|code_type|CODE_TYPE_FANCY|code_type|errCodeType",
            "CASH|date_type|DATE_TYPE_PERMANENT|date_type|errDateType",
            "CASH|begin_date||begin_date|errRequired",
            "CASH|begin_date|2026/11/30|begin_date|errDate",
            "CASH|begin_date|2026-11-22|begin_date|errDatePast",
            "CASH|end_date|2026-11-22|end_date|errDatePast",
            "CASH|quantity||quantity|errRequired",
            "CASH|quantity|100000001|quantity|errRange",
            "CASH|quantity|-1|quantity|errRange",
            "CASH|quantity|1e3|quantity|errRange",
            "CASH|get_limit|0|get_limit|errRange",
            "CASH|service_phone|call me|service_phone|errPhone",
            "CASH|service_phone|020-8888888888888888888888|service_phone|errPhone",
            "CASH|notice||notice|errRequired",
            "CASH|notice|一二三四五六七八九十一二三四五六七|notice|errTooLong",
            "CASH|description||description|errRequired",
            "CASH|source|一二三四五六七八九十一二三|source|errTooLong",
            "CASH|location_ids|12,abc|location_ids|errLocationIds",
            "CASH|center_url|www.qq.com|center_url|errUrl",
            "CASH|center_url|https://example.com/use|center_title|errEntryName",
            "CASH|custom_url_name|商城|custom_url|errEntryUrl",
            "CASH|promotion_url_name|一二三四五六|promotion_url_name|errTooLong",
            "CASH|center_title|一二三四五六七|center_title|errTooLong",
            "CASH|use_least_cost|1,000|use_least_cost|errAmount",
            "CASH|abstract_icon_url|http://mmbiz.qpic.cn/cover/0|abstract|errAbstractText",
            "CASH|ti2_text|只有文字|ti2_image_url|errTextImageNeedsImage",
            "CASH|tl_MONDAY_begin|25:00|tl_MONDAY_begin|errTime",
            "CASH|tl_FRIDAY_end|18:00|tl_FRIDAY|errTimeWithoutDay",
    })
    void everyRuleRefusesABadValue(String type, String field, String value, String errorField, String key) {
        Map<String, String> data = valid(type);
        data.put(field, value == null ? "" : value);
        Map<String, String> errors = CardForm.validateAll(data, KEYS, TODAY);
        assertEquals(key, errors.get(errorField), errors.toString());
    }

    @Test
    void rulesThatNeedTwoFields() {
        Map<String, String> data = valid("CASH");
        data.put("end_date", "2026-11-30");
        data.put("begin_date", "2026-12-01");
        assertEquals("errEndBeforeBegin", CardForm.validateAll(data, KEYS, TODAY).get("end_date"));

        data = valid("CASH");
        data.put("date_type", "DATE_TYPE_FIX_TERM");
        data.put("fixed_term", "0");
        data.put("fixed_begin_term", "366");
        data.put("term_end_date", "2026-01-01");
        Map<String, String> errors = CardForm.validateAll(data, KEYS, TODAY);
        assertEquals("errRange", errors.get("fixed_term"));
        assertEquals("errRange", errors.get("fixed_begin_term"));
        assertEquals("errDatePast", errors.get("term_end_date"));

        data = valid("CASH");
        data.put("bind_openid", "true");
        data.put("can_share", "true");
        assertEquals("errShareBound", CardForm.validateAll(data, KEYS, TODAY).get("can_share"));

        data = valid("CASH");
        data.put("code_type", "CODE_TYPE_NONE");
        assertEquals("errNoneNeedsCenter", CardForm.validateAll(data, KEYS, TODAY).get("center_title"));

        data = valid("CASH");
        data.put("tl_MONDAY", "true");
        data.put("tl_MONDAY_begin", "10:00");
        assertEquals("errTimeBoth", CardForm.validateAll(data, KEYS, TODAY).get("tl_MONDAY_end"));
        data.put("tl_MONDAY_end", "09:00");
        assertEquals("errTimeOrder", CardForm.validateAll(data, KEYS, TODAY).get("tl_MONDAY_end"));

        data = valid("CASH");
        data.put("least_cost", "0");
        data.put("reduce_cost", "500");
        assertFalse(CardForm.validateAll(data, KEYS, TODAY).containsKey("reduce_cost"),
                "no threshold: any amount off");
    }

    @Test
    void textsOfThePictureListCountCharacters() {
        Map<String, String> data = valid("CASH");
        data.put("ti1_image_url", "http://mmbiz.qpic.cn/pic/0");
        data.put("ti1_text", "字".repeat(5000));
        assertEquals(Map.of(), CardForm.validateAll(data, KEYS, TODAY), "5000 characters, 15000 bytes: allowed");
        data.put("ti1_text", "字".repeat(5001));
        assertEquals("errTooLongChars", CardForm.validateAll(data, KEYS, TODAY).get("ti1_text"));
    }

    @Test
    void byteLimitsCountUtf8NotCharacters() {
        Map<String, String> data = valid("CASH");
        data.put("title", "一二三四五六七八九"); // 9 汉字 = 27 bytes: the limit exactly
        data.put("brand_name", "abcdefghijklmnopqrstuvwxyz0123456789"); // 36 ASCII bytes
        assertEquals(Map.of(), CardForm.validateAll(data, KEYS, TODAY));
    }

    @ParameterizedTest
    @CsvSource({ "7折,30", "7.5折,25", "8.5折,15", "8.8折,12", "9.9折,1", "1折,90", "８.５折,15", "8.5 折,15" })
    void discountsAreEnteredAsZheAndSentAsPercentOff(String input, int off) {
        Map<String, String> data = valid("DISCOUNT");
        data.put("discount", input);
        assertEquals(Map.of(), CardForm.validateAll(data, KEYS, TODAY), input);
        assertEquals(off, CardForm.card(data).path("discount").path("discount").asInt(), input);
    }

    @Test
    void notDiscounts() {
        // Once read leniently ("75折" as 7.5折, "7" as 7折, "0.1折" as 99% off); now refused: 1折–9.9折, 折 written out.
        for (String bad : new String[] { "10折", "0", "100", "7.55", "abc", "10.5", "75折", "7", "0.1折", "95折" }) {
            assertTrue(Discount.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void amountsAreEnteredInYuanAndSentInFen() {
        assertEquals(10000L, CardForm.fen("100"));
        assertEquals(1250L, CardForm.fen("12.5"));
        assertEquals(1L, CardForm.fen("0.01"));
        assertNull(CardForm.fen("1.001"));
        assertEquals(0L, CardForm.fen("0"), "no threshold");
        assertEquals(0L, CardForm.fen("0.00"));
        assertEquals(1L, CardForm.fen("0.01"));
        assertEquals(10L, CardForm.fen("0.1"));
        assertEquals(999_999_999L, CardForm.fen("9999999.99"), "the largest amount: still an int for WeChat");
        for (String bad : new String[] { "0.001", "-1", "-0.01", "10000000", "1e3", "1.", ".5", "１00", "1,000",
                "99999999999999999999", "" }) {
            assertNull(CardForm.fen(bad), bad);
        }
        assertEquals("12.5", CardDrafts.yuan(com.fasterxml.jackson.databind.node.LongNode.valueOf(1250)));
        assertEquals("7.5折", CardDrafts.zhe(25));
        assertEquals("7折", CardDrafts.zhe(30));
        assertEquals("0.5折", CardDrafts.zhe(95), "a card made elsewhere: shown as it is, refused when checked");
    }

    @Test
    void datesAreShanghaiDaysEndingAt235959() {
        Map<String, String> data = valid("CASH");
        data.put("begin_date", "2026-12-01");
        data.put("end_date", "2026-12-31");
        JsonNode dates = CardForm.card(data).path("cash").path("base_info").path("date_info");
        assertEquals(1796054400L, dates.path("begin_timestamp").asLong(), "2026-12-01 00:00:00 +08:00");
        assertEquals(1798732799L, dates.path("end_timestamp").asLong(), "2026-12-31 23:59:59 +08:00");

        data.put("date_type", "DATE_TYPE_FIX_TERM");
        data.put("fixed_term", "15");
        data.put("fixed_begin_term", "1");
        data.put("term_end_date", "2027-01-31");
        dates = CardForm.card(data).path("cash").path("base_info").path("date_info");
        assertEquals("DATE_TYPE_FIX_TERM", dates.path("type").asText());
        assertEquals(15, dates.path("fixed_term").asInt());
        assertEquals(1, dates.path("fixed_begin_term").asInt());
        assertEquals(1801411199L, dates.path("end_timestamp").asLong(), "2027-01-31 23:59:59 +08:00");
        assertFalse(dates.has("begin_timestamp"));
    }

    @Test
    void aDraftReadBackFromItsCardGivesTheSameCard() {
        Map<String, String> data = valid("DISCOUNT");
        data.put("location_ids", "123, 456");
        data.put("tl_SATURDAY", "true");
        data.put("tl_SATURDAY_begin", "10:00");
        data.put("tl_SATURDAY_end", "22:30");
        data.put("biz_BIZ_SERVICE_FREE_WIFI", "true");
        data.put("abstract", "新品上市");
        var card = CardForm.card(data);
        Map<String, String> back = CardDrafts.fromCard(card, "DISCOUNT");
        assertEquals(card, CardForm.card(back));
        assertTrue(CardForm.validateAll(back, KEYS, TODAY).isEmpty());
    }
}
