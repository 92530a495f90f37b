package io.kaquan.card.wizard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.wechat.BusinessService;
import io.kaquan.wechat.CardType;
import io.kaquan.wechat.CardVocabulary;
import io.kaquan.wechat.CodeType;
import io.kaquan.wechat.TimeLimitDay;
import io.kaquan.wechat.WeChatTime;

/**
 * The wizard's fields: which step owns each, what each accepts (the seed's UTF-8 byte limits, enums and ranges), and
 * the card/create body they make. Pure: messages come from the given bundle, "today" from the caller.
 */
public final class CardForm {

    /** The text-and-image pairs the wizard offers (advanced_info.text_image_list). */
    public static final int TEXT_IMAGES = 3;

    private static final Pattern YUAN = Pattern.compile("[0-9]{1,7}(\\.[0-9]{1,2})?");
    private static final Pattern URL = Pattern.compile("https?://[^\\s/?#]+\\.[^\\s/?#]+([/?#]\\S*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,24}");
    private static final Pattern POI_ID = Pattern.compile("[0-9]{1,18}");
    private static final Set<String> BOOLEANS = Set.of("can_share", "can_give_friend", "use_custom_code",
            "bind_openid", "can_use_with_other_discount");

    private CardForm() {
    }

    /** The fields a step posts for a card type; booleans (checkboxes) are absent from a post when off. */
    public static List<String> fieldsOf(WizardStep step, String type) {
        List<String> fields = new ArrayList<>();
        switch (step) {
            case TYPE -> fields.add("card_type");
            case FACE -> fields.addAll(List.of("logo_url", "brand_name", "title", "sub_title", "color"));
            case DETAILS -> {
                switch (type) {
                    case "GROUPON" -> fields.add("deal_detail");
                    case "CASH" -> fields.addAll(List.of("least_cost", "reduce_cost"));
                    case "DISCOUNT" -> fields.add("discount");
                    case "GIFT" -> fields.add("gift");
                    default -> fields.add("default_detail");
                }
            }
            case RULES -> fields.addAll(List.of("code_type", "date_type", "begin_date", "end_date", "fixed_term",
                    "fixed_begin_term", "term_end_date", "quantity", "get_limit", "can_share", "can_give_friend",
                    "use_custom_code", "bind_openid", "service_phone", "notice", "description", "source"));
            case STORES -> fields.add("location_ids");
            case ENTRIES -> fields.addAll(List.of("center_title", "center_sub_title", "center_url",
                    "custom_url_name", "custom_url", "custom_url_sub_title", "promotion_url_name", "promotion_url",
                    "promotion_url_sub_title"));
            case ADVANCED -> {
                fields.addAll(List.of("accept_category", "reject_category", "use_least_cost", "object_use_for",
                        "can_use_with_other_discount", "abstract", "abstract_icon_url"));
                for (int i = 1; i <= TEXT_IMAGES; i++) {
                    fields.add("ti" + i + "_image_url");
                    fields.add("ti" + i + "_text");
                }
                for (TimeLimitDay day : TimeLimitDay.values()) {
                    fields.addAll(List.of("tl_" + day, "tl_" + day + "_begin", "tl_" + day + "_end"));
                }
                for (BusinessService service : BusinessService.values()) {
                    fields.add("biz_" + service);
                }
            }
            case REVIEW -> {
            }
        }
        return fields;
    }

    /** The step whose form holds a field. */
    public static WizardStep stepOf(String field) {
        for (WizardStep step : WizardStep.values()) {
            for (CardType type : CardType.CREATABLE) {
                if (fieldsOf(step, type.name()).contains(field)) {
                    return step;
                }
            }
        }
        return WizardStep.REVIEW;
    }

    /** Whether the wizard creates cards of the type WeChat names {@code type} ("CASH"…). */
    public static boolean creatable(String type) {
        return type != null && CardType.CREATABLE.stream().anyMatch(t -> t.name().equals(type));
    }

    public static boolean isBoolean(String field) {
        return BOOLEANS.contains(field) || field.startsWith("tl_") && !field.endsWith("_begin")
                && !field.endsWith("_end") || field.startsWith("biz_");
    }

    /** What a new draft of a type starts with: WeChat's own defaults made visible. */
    public static Map<String, String> defaults(String type) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("card_type", type);
        data.put("color", CardVocabulary.DEFAULT_COLOR);
        data.put("code_type", CodeType.CODE_TYPE_QRCODE.name());
        data.put("date_type", "DATE_TYPE_FIX_TIME_RANGE");
        data.put("fixed_begin_term", "0");
        data.put("can_share", "true");
        data.put("can_give_friend", "true");
        data.put("can_use_with_other_discount", "true");
        return data;
    }

    public static int bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    // Validation

    /** Validates one step of the draft; field → message. */
    public static Map<String, String> validate(WizardStep step, Map<String, String> data, WizardMsg msg,
            LocalDate today) {
        FieldChecks c = new FieldChecks(data, msg);
        String type = c.v("card_type");
        switch (step) {
            case TYPE -> {
                if (!creatable(type)) {
                    c.fail("card_type", msg.errType());
                }
            }
            case FACE -> {
                c.required("logo_url");
                c.text("brand_name", true);
                c.text("title", true);
                c.text("sub_title", false);
                if (!CardVocabulary.PALETTE.containsKey(c.v("color"))) {
                    c.fail("color", msg.errColor());
                }
            }
            case DETAILS -> details(c, type);
            case RULES -> rules(c, today);
            case STORES -> {
                for (String id : locationIds(c.v("location_ids"))) {
                    if (!POI_ID.matcher(id).matches()) {
                        c.fail("location_ids", msg.errLocationIds(id));
                    }
                }
            }
            case ENTRIES -> entries(c);
            case ADVANCED -> advanced(c);
            case REVIEW -> {
            }
        }
        return c.errors;
    }

    /** Every step; the errors of the first step that has any decide where the merchant is sent. */
    public static Map<String, String> validateAll(Map<String, String> data, WizardMsg msg, LocalDate today) {
        Map<String, String> all = new LinkedHashMap<>();
        for (WizardStep step : WizardStep.values()) {
            validate(step, data, msg, today).forEach(all::putIfAbsent);
        }
        return all;
    }

    private static void details(FieldChecks c, String type) {
        switch (type) {
            case "GROUPON" -> c.text("deal_detail", true);
            case "GIFT" -> c.text("gift", true);
            case "GENERAL_COUPON" -> c.text("default_detail", true);
            case "CASH" -> {
                Long least = c.yuan("least_cost", false);
                Long reduce = c.yuan("reduce_cost", true);
                if (reduce != null && reduce <= 0) {
                    c.fail("reduce_cost", c.msg.errReduceZero());
                }
                if (least != null && reduce != null && least > 0 && reduce > least) {
                    c.fail("reduce_cost", c.msg.errReduceOverLeast());
                }
            }
            case "DISCOUNT" -> {
                if (c.v("discount").isEmpty()) {
                    c.fail("discount", c.msg.errRequired());
                } else if (Discount.parse(c.v("discount")).isEmpty()) {
                    c.fail("discount", c.msg.errDiscount());
                }
            }
            default -> c.fail("card_type", c.msg.errType());
        }
    }

    private static void rules(FieldChecks c, LocalDate today) {
        WizardMsg msg = c.msg;
        if (CodeType.of(c.v("code_type")).isEmpty()) {
            c.fail("code_type", msg.errCodeType());
        }
        switch (c.v("date_type")) {
            case "DATE_TYPE_FIX_TIME_RANGE" -> {
                LocalDate begin = c.date("begin_date", true);
                LocalDate end = c.date("end_date", true);
                if (begin != null && begin.isBefore(today)) {
                    c.fail("begin_date", msg.errDatePast());
                }
                if (end != null && end.isBefore(today)) {
                    c.fail("end_date", msg.errDatePast());
                }
                if (begin != null && end != null && end.isBefore(begin)) {
                    c.fail("end_date", msg.errEndBeforeBegin());
                }
            }
            case "DATE_TYPE_FIX_TERM" -> {
                c.count("fixed_term", true, 1, 3650);
                c.count("fixed_begin_term", true, 0, 365);
                LocalDate end = c.date("term_end_date", false);
                if (end != null && end.isBefore(today)) {
                    c.fail("term_end_date", msg.errDatePast());
                }
            }
            default -> c.fail("date_type", msg.errDateType());
        }
        c.count("quantity", true, 0, CardVocabulary.MAX_QUANTITY);
        c.count("get_limit", false, 1, CardVocabulary.MAX_QUANTITY);
        String phone = c.v("service_phone");
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            c.fail("service_phone", msg.errPhone());
        }
        c.text("service_phone", false);
        c.text("notice", true);
        c.text("description", true);
        c.text("source", false);
        if (c.on("bind_openid") && c.on("can_share")) {
            // SEED-CREATE: cards that only given users may receive should not be shareable.
            c.fail("can_share", msg.errShareBound());
        }
    }

    private static void entries(FieldChecks c) {
        for (String[] entry : new String[][] { { "center_title", "center_url", "center_sub_title" },
                { "custom_url_name", "custom_url", "custom_url_sub_title" },
                { "promotion_url_name", "promotion_url", "promotion_url_sub_title" } }) {
            c.text(entry[0], false);
            c.text(entry[2], false);
            c.text(entry[1], false);
            String url = c.v(entry[1]);
            if (!url.isEmpty() && !URL.matcher(url).matches()) {
                c.fail(entry[1], c.msg.errUrl());
            }
            if (!url.isEmpty() && c.v(entry[0]).isEmpty()) {
                c.fail(entry[0], c.msg.errEntryName());
            }
            if (url.isEmpty() && !c.v(entry[0]).isEmpty()) {
                c.fail(entry[1], c.msg.errEntryUrl());
            }
        }
        if (CodeType.CODE_TYPE_NONE.name().equals(c.v("code_type")) && c.v("center_title").isEmpty()) {
            c.fail("center_title", c.msg.errNoneNeedsCenter());
        }
    }

    private static void advanced(FieldChecks c) {
        c.text("accept_category", false);
        c.text("reject_category", false);
        c.text("object_use_for", false);
        c.yuan("use_least_cost", false);
        c.text("abstract", false);
        if (!c.v("abstract_icon_url").isEmpty() && c.v("abstract").isEmpty()) {
            c.fail("abstract", c.msg.errAbstractText());
        }
        for (int i = 1; i <= TEXT_IMAGES; i++) {
            String text = c.v("ti" + i + "_text");
            if (text.codePointCount(0, text.length()) > 5000) {
                c.fail("ti" + i + "_text", c.msg.errTooLongChars(5000));
            }
            if (!text.isEmpty() && c.v("ti" + i + "_image_url").isEmpty()) {
                c.fail("ti" + i + "_image_url", c.msg.errTextImageNeedsImage());
            }
        }
        for (TimeLimitDay day : TimeLimitDay.values()) {
            String begin = c.v("tl_" + day + "_begin");
            String end = c.v("tl_" + day + "_end");
            LocalTime from = c.time("tl_" + day + "_begin");
            LocalTime to = c.time("tl_" + day + "_end");
            if ((!begin.isEmpty() || !end.isEmpty()) && !c.on("tl_" + day)) {
                c.fail("tl_" + day, c.msg.errTimeWithoutDay());
            }
            if (begin.isEmpty() != end.isEmpty()) {
                c.fail("tl_" + day + (begin.isEmpty() ? "_begin" : "_end"), c.msg.errTimeBoth());
            }
            if (from != null && to != null && !to.isAfter(from)) {
                c.fail("tl_" + day + "_end", c.msg.errTimeOrder());
            }
        }
    }

    // Conversions

    /** "12.5" yuan → 1250 fen; null when not an amount. */
    public static Long fen(String yuan) {
        String text = yuan.strip();
        if (!YUAN.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text).movePointRight(2).longValueExact();
    }

    public static List<String> locationIds(String input) {
        List<String> ids = new ArrayList<>();
        for (String part : input.split("[\\s,，;；]+")) {
            if (!part.isBlank() && !ids.contains(part.strip())) {
                ids.add(part.strip());
            }
        }
        return ids;
    }

    public static long beginOf(LocalDate day) {
        return day.atStartOfDay(WeChatTime.ZONE).toEpochSecond();
    }

    /** WeChat's advice: a card ends at 23:59:59 of its last day. */
    public static long endOf(LocalDate day) {
        return day.atTime(23, 59, 59).atZone(WeChatTime.ZONE).toEpochSecond();
    }

    /** The "card" object of card/create for a draft whose every step is valid. */
    public static ObjectNode card(Map<String, String> data) {
        return CardBody.card(data);
    }
}
