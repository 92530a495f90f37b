package io.kaquan.sandbox.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;

/** card/create and card/update validation without a server: every rule of SEED-CREATE and SEED-MANAGE. */
class CardRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final String LOGO = "http://mmbiz.qpic.cn/sandbox/abc/0";
    private static final Predicate<String> ISSUED = LOGO::equals;

    private static ObjectNode body(String type, Consumer<ObjectNode> typeFields) {
        ObjectNode body = SandboxJson.parse("{}");
        ObjectNode card = body.putObject("card");
        card.put("card_type", type);
        ObjectNode typed = card.putObject(type.toLowerCase());
        ObjectNode base = typed.putObject("base_info");
        base.put("logo_url", LOGO);
        base.put("code_type", "CODE_TYPE_TEXT");
        base.put("brand_name", "微信餐厅");
        base.put("title", "132元双人火锅套餐");
        base.put("color", "Color010");
        base.put("notice", "使用时向服务员出示此券");
        base.put("description", "不可与其他优惠同享");
        base.putObject("sku").put("quantity", 500000);
        ObjectNode dates = base.putObject("date_info");
        dates.put("type", "DATE_TYPE_FIX_TIME_RANGE");
        dates.put("begin_timestamp", NOW.getEpochSecond());
        dates.put("end_timestamp", NOW.getEpochSecond() + 86400 * 30);
        typeFields.accept(typed);
        return body;
    }

    private static ObjectNode groupon() {
        return body("GROUPON", typed -> typed.put("deal_detail", "双人套餐"));
    }

    private static ObjectNode base(ObjectNode body) {
        ObjectNode card = (ObjectNode) body.get("card");
        return (ObjectNode) card.get(card.get("card_type").textValue().toLowerCase()).get("base_info");
    }

    private static int errcodeOf(ObjectNode body) {
        return errcodeOf(body, true);
    }

    private static int errcodeOf(ObjectNode body, boolean customCodeAllowed) {
        return assertThrows(WeChatError.class, () -> CardRules.forCreate(body, ISSUED, customCodeAllowed, NOW))
                .errcode();
    }

    @Test
    void shouldAcceptEveryCouponType() {
        assertEquals(SimulatedCardType.GROUPON, CardRules.forCreate(groupon(), ISSUED, false, NOW).type());
        ObjectNode cash = body("CASH", typed -> typed.put("least_cost", 10000).put("reduce_cost", 1000));
        assertEquals(1000, CardRules.forCreate(cash, ISSUED, false, NOW).typeObject().get("reduce_cost").asInt());
        ObjectNode discount = body("DISCOUNT", typed -> typed.put("discount", "30"));
        assertEquals(30, CardRules.forCreate(discount, ISSUED, false, NOW).typeObject().get("discount").asInt());
        ObjectNode gift = body("GIFT", typed -> typed.put("gift", "可兑换音乐木盒一个"));
        assertEquals("可兑换音乐木盒一个", CardRules.forCreate(gift, ISSUED, false, NOW).typeObject().get("gift").asText());
        ObjectNode coupon = body("GENERAL_COUPON", typed -> typed.put("default_detail", "音乐木盒"));
        assertEquals(SimulatedCardType.GENERAL_COUPON, CardRules.forCreate(coupon, ISSUED, false, NOW).type());
    }

    @Test
    void shouldApplyDefaultsAndKeepValues() {
        CardRules.Spec spec = CardRules.forCreate(groupon(), ISSUED, false, NOW);
        assertEquals(50, spec.getLimit());
        assertTrue(spec.canGiveFriend());
        assertFalse(spec.useCustomCode());
        assertEquals(500000, spec.quantity());
        assertEquals("132元双人火锅套餐", spec.title());
        assertTrue(spec.dates().fixedRange());
        assertEquals("Color010", spec.typeObject().get("base_info").get("color").asText());
    }

    @Test
    void shouldRefuseUnknownTypeOrMissingTypeObject() {
        assertEquals(40071, errcodeOf(body("MEMBER_CARD", typed -> {
        })));
        ObjectNode body = groupon();
        ((ObjectNode) body.get("card")).put("card_type", "CASH");
        assertEquals(40071, errcodeOf(body));
    }

    @Test
    void shouldRequireBaseInfoFields() {
        for (String field : new String[] { "logo_url", "code_type", "brand_name", "title", "color", "notice",
                "description", "sku", "date_info" }) {
            ObjectNode body = groupon();
            base(body).remove(field);
            assertEquals(41011, errcodeOf(body), field);
        }
        ObjectNode noQuantity = groupon();
        ((ObjectNode) base(noQuantity).get("sku")).remove("quantity");
        assertEquals(41011, errcodeOf(noQuantity));
    }

    @Test
    void shouldRequireTypeSpecificFields() {
        assertEquals(41011, errcodeOf(body("GROUPON", typed -> {
        })));
        assertEquals(41011, errcodeOf(body("CASH", typed -> typed.put("least_cost", 0))));
        assertEquals(41011, errcodeOf(body("DISCOUNT", typed -> {
        })));
        assertEquals(41011, errcodeOf(body("GIFT", typed -> {
        })));
        assertEquals(41011, errcodeOf(body("GENERAL_COUPON", typed -> {
        })));
        assertEquals(40150, errcodeOf(body("DISCOUNT", typed -> typed.put("discount", 100))));
        assertEquals(40150, errcodeOf(body("CASH", typed -> typed.put("least_cost", 100).put("reduce_cost", 0))));
    }

    @Test
    void shouldCountLengthInUtf8Bytes() {
        ObjectNode nine = groupon();
        base(nine).put("title", "一二三四五六七八九");
        CardRules.forCreate(nine, ISSUED, false, NOW);
        ObjectNode ten = groupon();
        base(ten).put("title", "一二三四五六七八九十");
        assertEquals(45021, errcodeOf(ten));
        ObjectNode ascii = groupon();
        base(ascii).put("title", "a".repeat(27));
        CardRules.forCreate(ascii, ISSUED, false, NOW);
        base(ascii).put("title", "a".repeat(28));
        assertEquals(45021, errcodeOf(ascii));
        ObjectNode brand = groupon();
        base(brand).put("brand_name", "一二三四五六七八九十一二三");
        assertEquals(45021, errcodeOf(brand));
    }

    @Test
    void shouldCheckEnumsColoursAndImages() {
        ObjectNode codeType = groupon();
        base(codeType).put("code_type", "CODE_TYPE_FOO");
        assertEquals(40072, errcodeOf(codeType));
        ObjectNode color = groupon();
        base(color).put("color", "#63b359");
        assertEquals(40035, errcodeOf(color));
        ObjectNode logo = groupon();
        base(logo).put("logo_url", "http://example.com/logo.png");
        assertEquals(40035, errcodeOf(logo));
    }

    @Test
    void shouldBoundQuantity() {
        ObjectNode max = groupon();
        ((ObjectNode) base(max).get("sku")).put("quantity", CardRules.MAX_QUANTITY);
        CardRules.forCreate(max, ISSUED, false, NOW);
        ((ObjectNode) base(max).get("sku")).put("quantity", CardRules.MAX_QUANTITY + 1);
        assertEquals(40122, errcodeOf(max));
        ((ObjectNode) base(max).get("sku")).put("quantity", -1);
        assertEquals(40122, errcodeOf(max));
        ((ObjectNode) base(max).get("sku")).put("quantity", "many");
        assertEquals(47001, errcodeOf(max));
    }

    @Test
    void shouldCheckDates() {
        ObjectNode reversed = groupon();
        ((ObjectNode) base(reversed).get("date_info")).put("end_timestamp", NOW.getEpochSecond() - 1);
        assertEquals(40100, errcodeOf(reversed));
        ObjectNode past = groupon();
        ((ObjectNode) base(past).get("date_info")).put("begin_timestamp", NOW.getEpochSecond() - 100)
                .put("end_timestamp", NOW.getEpochSecond() - 10);
        assertEquals(40079, errcodeOf(past));
        ObjectNode unknown = groupon();
        ((ObjectNode) base(unknown).get("date_info")).put("type", "DATE_TYPE_PERMANENT");
        assertEquals(40079, errcodeOf(unknown));
        ObjectNode term = groupon();
        base(term).putObject("date_info").put("type", 2).put("fixed_term", 0).put("fixed_begin_term", 0);
        assertEquals(40079, errcodeOf(term));
        base(term).putObject("date_info").put("type", "DATE_TYPE_FIX_TERM").put("fixed_term", 15);
        assertEquals(41011, errcodeOf(term));
        base(term).putObject("date_info").put("type", "DATE_TYPE_FIX_TERM").put("fixed_term", 15)
                .put("fixed_begin_term", 1);
        CardRules.Spec spec = CardRules.forCreate(term, ISSUED, false, NOW);
        assertEquals(15, spec.dates().fixedTerm());
        assertEquals(CardRules.FIX_TERM, spec.typeObject().get("base_info").get("date_info").get("type").asText());
        ObjectNode legacy = groupon();
        ((ObjectNode) base(legacy).get("date_info")).put("type", 1).put("begin_timestamp", "1780272000")
                .put("end_timestamp", "1790272000");
        assertEquals(CardRules.FIX_TIME_RANGE, CardRules.forCreate(legacy, ISSUED, false, NOW).dates().type());
    }

    @Test
    void shouldRequireCustomCodePermission() {
        ObjectNode body = groupon();
        base(body).put("use_custom_code", true);
        assertEquals(43009, errcodeOf(body, false));
        assertTrue(CardRules.forCreate(body, ISSUED, true, NOW).useCustomCode());
    }

    @Test
    void shouldValidateAdvancedInfo() {
        ObjectNode good = body("GROUPON", typed -> {
            typed.put("deal_detail", "x");
            ObjectNode advanced = typed.putObject("advanced_info");
            advanced.putObject("abstract").put("abstract", "摘要").putArray("icon_url_list").add(LOGO);
            advanced.putArray("text_image_list").addObject().put("image_url", LOGO).put("text", "图文");
            advanced.putArray("time_limit").addObject().put("type", "MONDAY").put("begin_hour", 10);
            advanced.putArray("business_service").add("BIZ_SERVICE_FREE_WIFI");
        });
        ObjectNode stored = CardRules.forCreate(good, ISSUED, false, NOW).typeObject();
        assertEquals("MONDAY", stored.get("advanced_info").get("time_limit").get(0).get("type").asText());
        ObjectNode badImage = body("GROUPON", typed -> {
            typed.put("deal_detail", "x");
            typed.putObject("advanced_info").putArray("text_image_list").addObject()
                    .put("image_url", "http://elsewhere/x.png");
        });
        assertEquals(40035, errcodeOf(badImage));
        ObjectNode badDay = body("GROUPON", typed -> {
            typed.put("deal_detail", "x");
            typed.putObject("advanced_info").putArray("time_limit").addObject().put("type", "SOMEDAY");
        });
        assertEquals(40035, errcodeOf(badDay));
    }

    // card/update

    private static CardRules.Dates range() {
        return new CardRules.Dates(CardRules.FIX_TIME_RANGE, NOW, NOW.plusSeconds(86400), null, null);
    }

    private static ObjectNode updateBody(Consumer<ObjectNode> baseInfo) {
        ObjectNode body = SandboxJson.parse("{\"card_id\":\"p1\"}");
        baseInfo.accept(body.putObject("groupon").putObject("base_info"));
        return body;
    }

    private static ObjectNode currentBase() {
        ObjectNode base = SandboxJson.parse("{}");
        base.put("notice", "old notice").put("color", "Color010").put("logo_url", LOGO);
        return base;
    }

    @Test
    void shouldUpdateFreeFieldsWithoutReview() {
        CardRules.Update update = CardRules.forUpdate(updateBody(base -> base.put("service_phone", "020-1")
                .put("get_limit", 2).put("notice", "old notice")), SimulatedCardType.GROUPON, currentBase(), range(), ISSUED);
        assertFalse(update.sendCheck());
        assertEquals(2, update.baseInfo().get("get_limit").asInt());
    }

    @Test
    void shouldSendReviewFieldsBackToReview() {
        CardRules.Update update = CardRules.forUpdate(updateBody(base -> base.put("notice", "new notice")),
                SimulatedCardType.GROUPON, currentBase(), range(), ISSUED);
        assertTrue(update.sendCheck());
        assertTrue(CardRules.forUpdate(updateBody(base -> base.put("color", "Color020")), SimulatedCardType.GROUPON,
                currentBase(), range(), ISSUED).sendCheck());
    }

    @Test
    void shouldRefuseFieldsThatCannotBeUpdated() {
        WeChatError error = assertThrows(WeChatError.class, () -> CardRules.forUpdate(
                updateBody(base -> base.put("brand_name", "x")), SimulatedCardType.GROUPON, currentBase(), range(), ISSUED));
        assertEquals(40035, error.errcode());
        assertEquals(40071, assertThrows(WeChatError.class, () -> CardRules.forUpdate(SandboxJson.parse(
                "{\"card_id\":\"p1\",\"cash\":{}}"), SimulatedCardType.GROUPON, currentBase(), range(), ISSUED)).errcode());
    }

    @Test
    void shouldOnlyWidenDates() {
        CardRules.Update later = CardRules.forUpdate(updateBody(base -> base.putObject("date_info")
                .put("type", "DATE_TYPE_FIX_TIME_RANGE").put("end_timestamp", NOW.getEpochSecond() + 2 * 86400)),
                SimulatedCardType.GROUPON, currentBase(), range(), ISSUED);
        assertEquals(NOW.plusSeconds(2 * 86400), later.dates().orElseThrow().end());
        assertEquals(40100, assertThrows(WeChatError.class, () -> CardRules.forUpdate(updateBody(base -> base
                .putObject("date_info").put("type", "DATE_TYPE_FIX_TIME_RANGE")
                .put("end_timestamp", NOW.getEpochSecond() + 10)), SimulatedCardType.GROUPON, currentBase(), range(), ISSUED))
                .errcode());
        assertEquals(40079, assertThrows(WeChatError.class, () -> CardRules.forUpdate(updateBody(base -> base
                .putObject("date_info").put("type", "DATE_TYPE_FIX_TERM").put("fixed_term", 3)), SimulatedCardType.GROUPON,
                currentBase(), range(), ISSUED)).errcode());
    }
}
