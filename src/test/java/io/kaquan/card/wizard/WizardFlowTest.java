package io.kaquan.card.wizard;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.kaquan.card.Card;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatStores;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The wizard end to end against the sandbox: every type with a full set of fields, checked through card/get (what
 * WeChat received), the mirror and the audit; field errors on the right step; pictures checked before upload; WeChat's
 * refusals mapped back; "create a similar card".
 */
@QuarkusTest
class WizardFlowTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Map<String, String> COLOR = Map.of("GROUPON", "Color010", "CASH", "Color050", "DISCOUNT",
            "Color081", "GIFT", "Color102", "GENERAL_COUPON", "Color090");
    static final Map<String, String> HEX = Map.of("Color010", "#63b359", "Color050", "#9062c0", "Color081", "#f08500",
            "Color102", "#5E6671", "Color090", "#dd6549");
    /** A JPG (by its first bytes) and a PNG. */
    static final byte[] JPG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0 };

    static Session owner;
    static long tenantId;
    static WizardClient client;

    @Inject
    WeChatGateway gateway;

    @Inject
    EntityManager em;

    @BeforeAll
    static void register() {
        owner = Session.login("wizard-owner");
        tenantId = TestTenants.register(owner, "卡券向导");
        client = new WizardClient(owner, tenantId);
    }

    static Map<String, String> fullSet(String type, List<String> stores) {
        LocalDate today = LocalDate.now(SHANGHAI);
        Map<String, String> e = new LinkedHashMap<>();
        e.put("brand_name", "微信餐厅");
        e.put("title", switch (type) {
            case "GROUPON" -> "132元双人火锅";
            case "CASH" -> "100元代金券";
            case "DISCOUNT" -> "全场7.5折";
            case "GIFT" -> "音乐木盒兑换";
            default -> "第二杯半价";
        });
        e.put("sub_title", "周末狂欢必备");
        e.put("color", COLOR.get(type));
        e.put("deal_detail", "以下锅底2选1：\n大锅1份 12元\n小锅2份 16元");
        e.put("least_cost", "100");
        e.put("reduce_cost", "12.5");
        e.put("discount", "7.5折");
        e.put("gift", "可兑换音乐木盒一个");
        e.put("default_detail", "全场饮品第二杯半价");
        e.put("code_type", type.equals("GIFT") ? "CODE_TYPE_TEXT" : "CODE_TYPE_QRCODE");
        if (type.equals("DISCOUNT") || type.equals("GENERAL_COUPON")) {
            e.put("date_type", "DATE_TYPE_FIX_TERM");
            e.put("fixed_term", "30");
            e.put("fixed_begin_term", "1");
            e.put("term_end_date", type.equals("DISCOUNT") ? today.plusDays(90).toString() : "");
        } else {
            e.put("date_type", "DATE_TYPE_FIX_TIME_RANGE");
            e.put("begin_date", today.plusDays(1).toString());
            e.put("end_date", today.plusDays(60).toString());
        }
        e.put("quantity", "5000");
        e.put("get_limit", "3");
        e.put("can_give_friend", "true");
        e.put("service_phone", "020-88888888");
        e.put("notice", "使用时向服务员出示此券");
        e.put("description", "不可与其他优惠同享\n仅限堂食");
        e.put("source", "大众点评");
        e.put("poi", String.join(",", stores));
        e.put("center_title", "立即使用");
        e.put("center_sub_title", "立即享受优惠");
        e.put("center_url", "https://shop.example.com/use");
        e.put("custom_url_name", "在线商城");
        e.put("custom_url", "https://shop.example.com/");
        e.put("custom_url_sub_title", "更多惊喜");
        e.put("promotion_url_name", "再次购买");
        e.put("promotion_url", "https://shop.example.com/again");
        e.put("promotion_url_sub_title", "卖场大优惠");
        e.put("accept_category", "鞋类");
        e.put("reject_category", "阿迪达斯");
        e.put("use_least_cost", "50");
        e.put("object_use_for", type.equals("GIFT") ? "音乐木盒" : "");
        e.put("abstract", "微信餐厅推出多种新季菜品");
        e.put("ti1_text", "此菜品精选食材");
        e.put("tl_MONDAY", "true");
        e.put("tl_MONDAY_begin", "10:00");
        e.put("tl_MONDAY_end", "22:30");
        e.put("tl_HOLIDAY", "true");
        e.put("biz_BIZ_SERVICE_FREE_PARK", "true");
        e.put("biz_BIZ_SERVICE_FREE_WIFI", "true");
        return e;
    }

    List<String> approvedStores() {
        List<String> ids = new ArrayList<>();
        for (WeChatStores.Business b : gateway.forTenant(tenantId).poiList(0, 50).businessList()) {
            if (b.baseInfo().approved()) {
                ids.add(b.baseInfo().poiId());
            }
        }
        assertEquals(2, ids.size(), "the sandbox seeds two approved stores");
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = { "GROUPON", "CASH", "DISCOUNT", "GIFT", "GENERAL_COUPON" })
    void createsEveryTypeWithAFullSetOfFieldsExactlyAsEntered(String type) {
        List<String> stores = approvedStores();
        Map<String, String> entered = fullSet(type, stores);
        long draft = client.start(type);
        client.walk(draft, type, entered, pictures());
        WizardClient.Review review = client.review(draft);
        assertThat(review.html(), "wx-card");

        String location = client.submit(draft, review.digest()).then().statusCode(303).extract().header("Location");
        assertTrue(location.matches(".*/t/" + tenantId + "/cards/p[A-Za-z0-9_-]{27}$"), location);
        String cardId = location.substring(location.lastIndexOf('/') + 1);

        // The mirror, in the same unit of work as the draft and the audit entry
        Card card = TestCards.stored(tenantId, cardId);
        assertNotNull(card, "mirrored");
        assertEquals(Card.Origin.KAQUAN, card.origin);
        assertEquals(CardStatus.NOT_VERIFY, card.status);
        assertEquals(type, card.cardType);
        assertEquals(entered.get("title"), card.title);
        assertEquals("微信餐厅", card.brandName);
        assertEquals(HEX.get(COLOR.get(type)), card.color, "the mirror keeps the colour as hex: the card list paints it");
        assertEquals(5000, card.quantity);
        assertEquals(5000, card.totalQuantity);
        assertEquals(review.body(), read(card.sentJson), "the mirror keeps exactly the JSON shown and sent");
        CardDraft done = WizardClient.stored(tenantId, draft);
        assertEquals(CardDraft.State.DONE, done.state);
        assertEquals(cardId, done.cardId);
        assertEquals(1L, auditCount("card.created", cardId));

        // What WeChat received, read back through card/get
        JsonNode got = gateway.forTenant(tenantId).cardGet(cardId).card();
        assertEquals(type, got.path("card_type").asText());
        JsonNode typed = got.path(type.toLowerCase());
        JsonNode base = typed.path("base_info");
        assertEquals(card.logoUrl, base.path("logo_url").asText());
        assertTrue(card.logoUrl.startsWith("http"), card.logoUrl);
        for (String field : List.of("brand_name", "title", "sub_title", "code_type", "notice", "description",
                "service_phone", "source", "center_title", "center_sub_title", "center_url", "custom_url_name",
                "custom_url", "custom_url_sub_title", "promotion_url_name", "promotion_url",
                "promotion_url_sub_title")) {
            assertEquals(entered.get(field), base.path(field).asText(), field);
        }
        assertEquals(HEX.get(COLOR.get(type)), base.path("color").asText(), "card/get answers the colour as hex");
        assertEquals(5000, base.path("sku").path("total_quantity").asInt());
        assertEquals(3, base.path("get_limit").asInt());
        assertFalse(base.path("can_share").asBoolean());
        assertTrue(base.path("can_give_friend").asBoolean());
        assertFalse(base.path("use_custom_code").asBoolean());
        List<String> locations = new ArrayList<>();
        base.path("location_id_list").forEach(id -> locations.add(id.asText()));
        assertEquals(stores, locations);

        JsonNode dates = base.path("date_info");
        LocalDate today = LocalDate.now(SHANGHAI);
        if (entered.get("date_type").equals("DATE_TYPE_FIX_TERM")) {
            assertEquals("DATE_TYPE_FIX_TERM", dates.path("type").asText());
            assertEquals(30, dates.path("fixed_term").asInt());
            assertEquals(1, dates.path("fixed_begin_term").asInt());
            if (type.equals("DISCOUNT")) {
                assertEquals(today.plusDays(90).atTime(23, 59, 59).atZone(SHANGHAI).toEpochSecond(),
                        dates.path("end_timestamp").asLong());
            } else {
                assertFalse(dates.has("end_timestamp"));
            }
        } else {
            assertEquals("DATE_TYPE_FIX_TIME_RANGE", dates.path("type").asText());
            assertEquals(today.plusDays(1).atStartOfDay(SHANGHAI).toEpochSecond(),
                    dates.path("begin_timestamp").asLong());
            assertEquals(today.plusDays(60).atTime(23, 59, 59).atZone(SHANGHAI).toEpochSecond(),
                    dates.path("end_timestamp").asLong());
        }

        switch (type) {
            case "GROUPON" -> assertEquals(entered.get("deal_detail"), typed.path("deal_detail").asText());
            case "CASH" -> {
                assertEquals(10000, typed.path("least_cost").asInt(), "100 yuan in fen");
                assertEquals(1250, typed.path("reduce_cost").asInt(), "12.5 yuan in fen");
            }
            case "DISCOUNT" -> assertEquals(25, typed.path("discount").asInt(), "7.5折 = 25% off");
            case "GIFT" -> assertEquals("可兑换音乐木盒一个", typed.path("gift").asText());
            default -> assertEquals("全场饮品第二杯半价", typed.path("default_detail").asText());
        }

        JsonNode advanced = typed.path("advanced_info");
        JsonNode condition = advanced.path("use_condition");
        assertEquals("鞋类", condition.path("accept_category").asText());
        assertEquals("阿迪达斯", condition.path("reject_category").asText());
        assertEquals(5000, condition.path("least_cost").asInt());
        assertEquals(type.equals("GIFT") ? "音乐木盒" : "", condition.path("object_use_for").asText(""));
        assertFalse(condition.path("can_use_with_other_discount").asBoolean(true));
        assertEquals("微信餐厅推出多种新季菜品", advanced.path("abstract").path("abstract").asText());
        assertEquals(1, advanced.path("abstract").path("icon_url_list").size());
        assertTrue(advanced.path("abstract").path("icon_url_list").get(0).asText().startsWith("http"));
        assertEquals(1, advanced.path("text_image_list").size());
        assertEquals("此菜品精选食材", advanced.path("text_image_list").get(0).path("text").asText());
        JsonNode monday = advanced.path("time_limit").get(0);
        assertEquals("MONDAY", monday.path("type").asText());
        assertEquals(10, monday.path("begin_hour").asInt());
        assertEquals(0, monday.path("begin_minute").asInt());
        assertEquals(22, monday.path("end_hour").asInt());
        assertEquals(30, monday.path("end_minute").asInt());
        assertEquals("HOLIDAY", advanced.path("time_limit").get(1).path("type").asText());
        assertEquals(List.of("BIZ_SERVICE_FREE_PARK", "BIZ_SERVICE_FREE_WIFI"),
                WizardClient.JSON.convertValue(advanced.path("business_service"), List.class));
    }

    @Test
    void fieldErrorsComeBackOnTheirStepAndNothingIsSentToWeChat() {
        long draft = client.start("CASH");
        // Pictures are checked before they are uploaded: type by content, then size
        String back = client.post(draft, "face", Map.of("brand_name", "微信餐厅", "title", "代金券", "color",
                "Color010", "go", "next"), Map.of("logo", "not a picture".getBytes()));
        assertThat(back, "/" + draft + "/face");
        assertThat(client.page(draft, "face"), "只支持 JPG 或 PNG 图片。");
        byte[] large = new byte[1024 * 1024 + 10];
        System.arraycopy(TestCards_PNG(), 0, large, 0, 8);
        client.post(draft, "face", Map.of("brand_name", "微信餐厅", "title", "代金券", "color", "Color010", "go", "next"),
                Map.of("logo", large));
        String face = client.page(draft, "face");
        assertThat(face, "id=\"logo_url-error\"");
        assertThat(face, "图片不能超过 1 MB。");
        assertThat(face, "value=\"代金券\""); // what was typed is kept

        // A bad value on a later step: back to that step, the message next to the field
        client.post(draft, "face", Map.of("brand_name", "微信餐厅", "title", "代金券", "color", "Color010", "go", "next"),
                Map.of("logo", TestCards_PNG()));
        assertThat(client.post(draft, "details", Map.of("least_cost", "100", "reduce_cost", "150", "go", "next"),
                Map.of()), "/" + draft + "/details");
        String details = client.page(draft, "details");
        assertThat(details, "id=\"reduce_cost-error\"");
        assertThat(details, "减免金额不能超过起用金额。");
        assertThat(details, "value=\"150\"");

        // "Back" saves without checking; a submit of an incomplete draft goes to its first faulty step
        assertThat(client.post(draft, "details", Map.of("least_cost", "100", "reduce_cost", "150", "go", "back"),
                Map.of()), "/" + draft + "/face");
        client.submit(draft, "").then().statusCode(303).header("Location", endsWith("/" + draft + "/details"));
        assertEquals(CardDraft.State.EDITING, WizardClient.stored(tenantId, draft).state);
        assertThat(client.page(draft, "review"), "id=\"problems\"");
    }

    @Test
    void weChatRefusalsAreShownOnTheStepThatCanFixThem() {
        Map<String, String> form = TestTenants.validForm("无自定义码权限");
        long other = TestTenants.register(owner, form);
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("customCodeEnabled", false))
                .put("/sandbox/admin/accounts/" + form.get("appid")).then().statusCode(200);
        WizardClient wizard = new WizardClient(owner, other);
        long draft = wizard.start("GIFT");
        Map<String, String> entered = fullSet("GIFT", List.of());
        entered.put("use_custom_code", "true");
        wizard.walk(draft, "GIFT", entered, pictures());
        wizard.submit(draft, wizard.review(draft).digest()).then().statusCode(303)
                .header("Location", endsWith("/" + draft + "/rules"));
        String rules = wizard.page(draft, "rules");
        assertThat(rules, "id=\"use_custom_code-error\"");
        assertThat(rules, "微信拒绝了这张卡券");
        assertEquals(CardDraft.State.EDITING, WizardClient.stored(other, draft).state, "refused: nothing to reconcile");
    }

    @Test
    void aSimilarCardStartsFromTheJsonOfAnExistingOne() {
        long draft = client.start("CASH");
        client.walk(draft, "CASH", fullSet("CASH", approvedStores()), pictures());
        WizardClient.Review first = client.review(draft);
        String location = client.submit(draft, first.digest()).then().statusCode(303).extract().header("Location");
        String cardId = location.substring(location.lastIndexOf('/') + 1);

        String again = owner.request().formParam("cardId", cardId).post(client.base() + "/similar").then()
                .statusCode(303).header("Location", endsWith("/review")).extract().header("Location");
        long copy = Long.parseLong(again.replaceAll(".*/cards/new/(\\d+)/review$", "$1"));
        assertFalse(copy == draft);
        assertEquals(first.body(), client.review(copy).body(), "the same card, ready to be changed and sent");
        assertEquals(cardId, WizardClient.stored(tenantId, copy).sourceCardId);

        // It starts from what WeChat holds now (card/get), not from the JSON first sent: a later change is in the copy.
        owner.request().formParams(Map.of("notice", "请向店员出示会员码")).post("/t/" + tenantId + "/cards/" + cardId
                + "/edit").then().statusCode(303);
        String changed = owner.request().formParam("cardId", cardId).post(client.base() + "/similar").then()
                .statusCode(303).extract().header("Location");
        long fromNow = Long.parseLong(changed.replaceAll(".*/cards/new/(\\d+)/review$", "$1"));
        assertEquals("请向店员出示会员码", WizardClient.stored(tenantId, fromNow).value("notice"));

        // A card discovered in WeChat (no JSON sent by us) is read from its card/get answer
        String discovered = TestCards.create(tenantId, "DISCOUNT");
        String fromDetail = owner.request().formParam("cardId", discovered).post(client.base() + "/similar").then()
                .statusCode(303).extract().header("Location");
        long fromWeChat = Long.parseLong(fromDetail.replaceAll(".*/cards/new/(\\d+)/review$", "$1"));
        CardDraft d = WizardClient.stored(tenantId, fromWeChat);
        assertEquals("DISCOUNT", d.cardType);
        assertEquals("7折", d.value("discount"));
        assertEquals("Color010", d.value("color"), "hex from card/get back to the palette name");

        owner.request().formParam("cardId", "pNoSuchCard").post(client.base() + "/similar").then().statusCode(404);
    }

    @Test
    void draftsCanBeLeftResumedAndDeleted() {
        long draft = client.start("GIFT");
        client.post(draft, "face", Map.of("brand_name", "微信餐厅", "title", "留着明天再写", "color", "Color030", "go",
                "next"), Map.of("logo", TestCards_PNG()));
        String start = owner.request().get(client.base()).then().statusCode(200).extract().asString();
        assertThat(start, "留着明天再写");
        owner.request().get(client.base() + "/" + draft).then().statusCode(303)
                .header("Location", endsWith("/" + draft + "/details"));
        // The type can still change: the face stays, the offer step follows the new type
        assertThat(client.post(draft, "type", Map.of("card_type", "CASH", "go", "next"), Map.of()),
                "/" + draft + "/face");
        assertEquals("CASH", WizardClient.stored(tenantId, draft).cardType);
        assertEquals("留着明天再写", WizardClient.stored(tenantId, draft).value("title"));
        assertThat(client.page(draft, "details"), "id=\"reduce_cost\"");

        // Stores are searchable without JavaScript too
        String stores = owner.request().queryParam("q", "海珠").get(client.base() + "/" + draft + "/stores").then()
                .statusCode(200).extract().asString();
        assertThat(stores, "海珠店");
        assertFalse(stores.contains("天河店"), "only the stores that match");

        owner.request().post(client.base() + "/" + draft + "/delete").then().statusCode(303)
                .header("Location", endsWith("/cards/new"));
        owner.request().get(client.base() + "/" + draft + "/face").then().statusCode(404);
        assertEquals(1L, auditCount("card.draft-deleted", "draft " + draft));
    }

    @Test
    void pagesAreInEnglishToo() {
        long draft = client.start("DISCOUNT");
        client.post(draft, "details", Map.of("discount", "七折", "go", "next"), Map.of());
        String page = owner.request().cookie(io.kaquan.web.RequestLocale.COOKIE, "en")
                .get(client.base() + "/" + draft + "/details").then().statusCode(200).extract().asString();
        assertThat(page, "Save and continue");
        assertThat(page, "Discount</label>");
    }

    /** The logo, the cover picture (a JPG) and the picture of the first text. */
    static Map<String, byte[]> pictures() {
        return Map.of("logo", TestCards_PNG(), "abstract_icon", JPG, "ti1_image", TestCards_PNG());
    }

    static byte[] TestCards_PNG() {
        return TestCards.PNG;
    }

    @Test
    void textareaLineBreaksAreStoredAsWeChatGetsThem() {
        long draft = client.start("GIFT");
        // 1023 汉字 (3069 bytes) and two line breaks: 3071 bytes with LF, 3073 (over 3072) if CR were kept.
        String lines = "礼".repeat(1000) + "\n" + "品".repeat(12) + "\n" + "券".repeat(11);
        String location = client.post(draft, "details", Map.of("gift", lines.replace("\n", "\r\n"), "go", "next"),
                Map.of());
        assertTrue(location.endsWith("/" + draft + "/rules"), "within the byte limit once CRLF is LF: " + location);
        assertEquals(lines, WizardClient.stored(tenantId, draft).value("gift"));
        client.post(draft, "rules", Map.of("description", "第一行\r\n第二行\r第三行\r\n", "go", "back"), Map.of());
        assertEquals("第一行\n第二行\n第三行", WizardClient.stored(tenantId, draft).value("description"));
    }

    @Test
    void dayTimesAreLabelledInThePagesLanguage() {
        long draft = client.start("CASH");
        String page = client.page(draft, "advanced");
        assertThat(page, "aria-label=\"周一开始时间\"");
        assertThat(page, "aria-label=\"周一结束时间\"");
        assertFalse(page.contains(" begin\""), "no English words in a Chinese page");
        assertFalse(page.contains(" end\""));
        String english = owner.request().cookie(io.kaquan.web.RequestLocale.COOKIE, "en")
                .get(client.base() + "/" + draft + "/advanced").then().statusCode(200).extract().asString();
        assertThat(english, "aria-label=\"Monday: from\"");
        assertThat(english, "aria-label=\"Monday: until\"");
    }

    @Test
    void theStoresStepDoesNotAskWeChatOnEveryView() {
        Session merchant = Session.login("wizard-stores");
        Map<String, String> form = TestTenants.validForm("门店列表");
        long tenant = TestTenants.register(merchant, form);
        WizardClient wizard = new WizardClient(merchant, tenant);
        long draft = wizard.start("CASH");
        String first = wizard.page(draft, "stores");
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"poi\" value=\"([^\"]+)\"").matcher(first);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertTrue(ids.size() >= 2, first);
        int listed = first.split("class=\"wizard-store\"", -1).length - 1;
        // WeChat now answers every call with -1: the next views (and searches) use the list read a moment ago.
        faults(form.get("appid"), Map.of("errorShare", 1));
        try {
            String again = wizard.page(draft, "stores");
            assertFalse(again.contains("stores-problem"), again);
            assertEquals(listed, again.split("class=\"wizard-store\"", -1).length - 1);
            String searched = merchant.request().queryParam("q", ids.get(1))
                    .get(wizard.base() + "/" + draft + "/stores").then().statusCode(200).extract().asString();
            assertFalse(searched.contains("stores-problem"), searched);
            assertEquals(1, searched.split("class=\"wizard-store\"", -1).length - 1, searched);
            assertThat(searched, "value=\"" + ids.get(1) + "\"");
        } finally {
            faults(form.get("appid"), Map.of("errorShare", 0));
        }
    }

    private static void faults(String appid, Map<String, Object> faults) {
        io.restassured.RestAssured.given().contentType("application/json").body(faults)
                .put("/sandbox/admin/accounts/" + appid + "/faults").then().statusCode(200);
    }

    static void assertThat(String text, String expected) {
        org.hamcrest.MatcherAssert.assertThat(text, containsString(expected));
    }

    static JsonNode read(String json) {
        try {
            return WizardClient.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    long auditCount(String action, String target) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_log where tenant_id = ?1 and action = ?2 and target = ?3")
                .setParameter(1, tenantId).setParameter(2, action).setParameter(3, target).getSingleResult())
                .longValue());
    }
}
