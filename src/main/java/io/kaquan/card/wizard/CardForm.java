package io.kaquan.card.wizard;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The wizard's fields: which step owns each, what each accepts (the seed's UTF-8 byte limits, enums and ranges), and
 * the card/create body they make. Pure: messages come from the given bundle, "today" from the caller.
 */
public final class CardForm {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final List<String> TYPES = List.of("GROUPON", "CASH", "DISCOUNT", "GIFT", "GENERAL_COUPON");
    public static final List<String> CODE_TYPES = List.of("CODE_TYPE_QRCODE", "CODE_TYPE_BARCODE", "CODE_TYPE_TEXT",
            "CODE_TYPE_ONLY_QRCODE", "CODE_TYPE_ONLY_BARCODE", "CODE_TYPE_NONE");
    /** The 14 colours of card/getcolors (SEED-CREATE), the fallback when WeChat cannot be asked. */
    public static final Map<String, String> PALETTE = new LinkedHashMap<>();
    public static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY", "HOLIDAY");
    public static final List<String> SERVICES = List.of("BIZ_SERVICE_DELIVER", "BIZ_SERVICE_FREE_PARK",
            "BIZ_SERVICE_WITH_PET", "BIZ_SERVICE_FREE_WIFI");
    public static final long MAX_QUANTITY = 100_000_000L;
    public static final int TEXT_IMAGES = 3;

    static {
        String[][] colors = { { "Color010", "#63b359" }, { "Color020", "#2c9f67" }, { "Color030", "#509fc9" },
                { "Color040", "#5885cf" }, { "Color050", "#9062c0" }, { "Color060", "#d09a45" },
                { "Color070", "#e4b138" }, { "Color080", "#ee903c" }, { "Color081", "#f08500" },
                { "Color082", "#a9d92d" }, { "Color090", "#dd6549" }, { "Color100", "#cc463d" },
                { "Color101", "#cf3e36" }, { "Color102", "#5E6671" } };
        for (String[] c : colors) {
            PALETTE.put(c[0], c[1]);
        }
    }

    /** UTF-8 byte limits of the seed's string(N) fields (3 bytes per 汉字). */
    public static final Map<String, Integer> BYTES = new LinkedHashMap<>();

    static {
        BYTES.put("brand_name", 36);
        BYTES.put("title", 27);
        BYTES.put("sub_title", 54);
        BYTES.put("logo_url", 128);
        BYTES.put("deal_detail", 3072);
        BYTES.put("gift", 3072);
        BYTES.put("default_detail", 3072);
        BYTES.put("notice", 48);
        BYTES.put("description", 3072);
        BYTES.put("service_phone", 24);
        BYTES.put("source", 36);
        BYTES.put("center_title", 18);
        BYTES.put("center_sub_title", 24);
        BYTES.put("center_url", 128);
        BYTES.put("custom_url_name", 15);
        BYTES.put("custom_url", 128);
        BYTES.put("custom_url_sub_title", 18);
        BYTES.put("promotion_url_name", 15);
        BYTES.put("promotion_url", 128);
        BYTES.put("promotion_url_sub_title", 18);
        BYTES.put("accept_category", 3072);
        BYTES.put("reject_category", 3072);
        BYTES.put("object_use_for", 3072);
        BYTES.put("abstract", 3072);
    }

    private static final Pattern YUAN = Pattern.compile("[0-9]{1,7}(\\.[0-9]{1,2})?");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");
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
                for (String day : WEEKDAYS) {
                    fields.addAll(List.of("tl_" + day, "tl_" + day + "_begin", "tl_" + day + "_end"));
                }
                fields.addAll(SERVICES.stream().map(s -> "biz_" + s).toList());
            }
            case REVIEW -> {
            }
        }
        return fields;
    }

    /** The step whose form holds a field. */
    public static WizardStep stepOf(String field) {
        for (WizardStep step : WizardStep.values()) {
            for (String type : TYPES) {
                if (fieldsOf(step, type).contains(field)) {
                    return step;
                }
            }
        }
        return WizardStep.REVIEW;
    }

    public static boolean isBoolean(String field) {
        return BOOLEANS.contains(field) || field.startsWith("tl_") && !field.endsWith("_begin")
                && !field.endsWith("_end") || field.startsWith("biz_");
    }

    /** What a new draft of a type starts with: WeChat's own defaults made visible. */
    public static Map<String, String> defaults(String type) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("card_type", type);
        data.put("color", "Color010");
        data.put("code_type", "CODE_TYPE_QRCODE");
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
        Checks c = new Checks(data, msg);
        String type = c.v("card_type");
        switch (step) {
            case TYPE -> {
                if (!TYPES.contains(type)) {
                    c.fail("card_type", msg.errType());
                }
            }
            case FACE -> {
                c.required("logo_url");
                c.text("brand_name", true);
                c.text("title", true);
                c.text("sub_title", false);
                if (!PALETTE.containsKey(c.v("color"))) {
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

    private static void details(Checks c, String type) {
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

    private static void rules(Checks c, LocalDate today) {
        WizardMsg msg = c.msg;
        if (!CODE_TYPES.contains(c.v("code_type"))) {
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
        c.count("quantity", true, 0, MAX_QUANTITY);
        c.count("get_limit", false, 1, MAX_QUANTITY);
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

    private static void entries(Checks c) {
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
        if ("CODE_TYPE_NONE".equals(c.v("code_type")) && c.v("center_title").isEmpty()) {
            c.fail("center_title", c.msg.errNoneNeedsCenter());
        }
    }

    private static void advanced(Checks c) {
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
        for (String day : WEEKDAYS) {
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
        return day.atStartOfDay(SHANGHAI).toEpochSecond();
    }

    /** WeChat's advice: a card ends at 23:59:59 of its last day. */
    public static long endOf(LocalDate day) {
        return day.atTime(23, 59, 59).atZone(SHANGHAI).toEpochSecond();
    }

    // The card/create body

    /** The "card" object of card/create for a draft whose every step is valid. */
    public static ObjectNode card(Map<String, String> data) {
        Checks c = new Checks(data, null);
        String type = c.v("card_type");
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        card.put("card_type", type);
        ObjectNode typed = card.putObject(type.toLowerCase(java.util.Locale.ROOT));
        ObjectNode base = typed.putObject("base_info");
        base.put("logo_url", c.v("logo_url"));
        base.put("brand_name", c.v("brand_name"));
        base.put("code_type", c.v("code_type"));
        base.put("title", c.v("title"));
        c.optional(base, "sub_title");
        base.put("color", c.v("color"));
        base.put("notice", c.v("notice"));
        c.optional(base, "service_phone");
        base.put("description", c.v("description"));
        ObjectNode dates = base.putObject("date_info");
        dates.put("type", c.v("date_type"));
        if (c.v("date_type").equals("DATE_TYPE_FIX_TIME_RANGE")) {
            dates.put("begin_timestamp", beginOf(LocalDate.parse(c.v("begin_date"))));
            dates.put("end_timestamp", endOf(LocalDate.parse(c.v("end_date"))));
        } else {
            dates.put("fixed_term", Integer.parseInt(c.v("fixed_term")));
            dates.put("fixed_begin_term", Integer.parseInt(c.v("fixed_begin_term")));
            if (!c.v("term_end_date").isEmpty()) {
                dates.put("end_timestamp", endOf(LocalDate.parse(c.v("term_end_date"))));
            }
        }
        base.putObject("sku").put("quantity", Long.parseLong(c.v("quantity")));
        if (!c.v("get_limit").isEmpty()) {
            base.put("get_limit", Long.parseLong(c.v("get_limit")));
        }
        base.put("use_custom_code", c.on("use_custom_code"));
        base.put("bind_openid", c.on("bind_openid"));
        base.put("can_share", c.on("can_share"));
        base.put("can_give_friend", c.on("can_give_friend"));
        List<String> locations = locationIds(c.v("location_ids"));
        if (!locations.isEmpty()) {
            ArrayNode list = base.putArray("location_id_list");
            locations.forEach(id -> list.add(Long.parseLong(id)));
        }
        for (String name : fieldsOf(WizardStep.ENTRIES, type)) {
            c.optional(base, name);
        }
        c.optional(base, "source");
        ObjectNode advanced = advancedInfo(c, type);
        if (advanced != null) {
            typed.set("advanced_info", advanced);
        }
        switch (type) {
            case "GROUPON" -> typed.put("deal_detail", c.v("deal_detail"));
            case "CASH" -> typed.put("least_cost", c.v("least_cost").isEmpty() ? 0 : fen(c.v("least_cost")))
                    .put("reduce_cost", fen(c.v("reduce_cost")));
            case "DISCOUNT" -> typed.put("discount", Discount.parse(c.v("discount")).orElseThrow().percentOff());
            case "GIFT" -> typed.put("gift", c.v("gift"));
            default -> typed.put("default_detail", c.v("default_detail"));
        }
        return card;
    }

    /** Only the parts the merchant filled in; null when none. */
    private static ObjectNode advancedInfo(Checks c, String type) {
        ObjectNode advanced = JsonNodeFactory.instance.objectNode();
        boolean conditionEntered = !c.v("accept_category").isEmpty() || !c.v("reject_category").isEmpty()
                || !c.v("use_least_cost").isEmpty() || !c.v("object_use_for").isEmpty()
                || !c.on("can_use_with_other_discount");
        if (conditionEntered) {
            ObjectNode condition = advanced.putObject("use_condition");
            c.optional(condition, "accept_category");
            c.optional(condition, "reject_category");
            if (!c.v("use_least_cost").isEmpty()) {
                condition.put("least_cost", fen(c.v("use_least_cost")));
            }
            c.optional(condition, "object_use_for");
            condition.put("can_use_with_other_discount", c.on("can_use_with_other_discount"));
        }
        if (!c.v("abstract").isEmpty()) {
            ObjectNode summary = advanced.putObject("abstract");
            summary.put("abstract", c.v("abstract"));
            ArrayNode icons = summary.putArray("icon_url_list");
            if (!c.v("abstract_icon_url").isEmpty()) {
                icons.add(c.v("abstract_icon_url"));
            }
        }
        ArrayNode textImages = JsonNodeFactory.instance.arrayNode();
        for (int i = 1; i <= TEXT_IMAGES; i++) {
            if (!c.v("ti" + i + "_image_url").isEmpty()) {
                textImages.addObject().put("image_url", c.v("ti" + i + "_image_url")).put("text",
                        c.v("ti" + i + "_text"));
            }
        }
        if (!textImages.isEmpty()) {
            advanced.set("text_image_list", textImages);
        }
        ArrayNode times = JsonNodeFactory.instance.arrayNode();
        for (String day : WEEKDAYS) {
            if (c.on("tl_" + day)) {
                ObjectNode limit = times.addObject().put("type", day);
                LocalTime from = c.time("tl_" + day + "_begin");
                LocalTime to = c.time("tl_" + day + "_end");
                if (from != null && to != null) {
                    limit.put("begin_hour", from.getHour()).put("begin_minute", from.getMinute())
                            .put("end_hour", to.getHour()).put("end_minute", to.getMinute());
                }
            }
        }
        if (!times.isEmpty()) {
            advanced.set("time_limit", times);
        }
        ArrayNode services = JsonNodeFactory.instance.arrayNode();
        SERVICES.stream().filter(s -> c.on("biz_" + s)).forEach(services::add);
        if (!services.isEmpty()) {
            advanced.set("business_service", services);
        }
        return advanced.isEmpty() ? null : advanced;
    }

    /** Reads and checks the values of one draft, collecting the first error of each field. */
    private static final class Checks {
        final Map<String, String> data;
        final WizardMsg msg;
        final Map<String, String> errors = new LinkedHashMap<>();

        Checks(Map<String, String> data, WizardMsg msg) {
            this.data = data;
            this.msg = msg;
        }

        String v(String name) {
            String value = data.get(name);
            return value == null ? "" : value.strip();
        }

        boolean on(String name) {
            return "true".equals(v(name)) || "on".equals(v(name));
        }

        void fail(String field, String message) {
            errors.putIfAbsent(field, message);
        }

        void required(String field) {
            if (v(field).isEmpty()) {
                fail(field, msg.errRequired());
            }
        }

        void text(String field, boolean required) {
            if (required) {
                required(field);
            }
            int max = BYTES.get(field);
            if (bytes(v(field)) > max) {
                fail(field, msg.errTooLong(max, max / 3));
            }
        }

        Long yuan(String field, boolean required) {
            if (v(field).isEmpty()) {
                if (required) {
                    fail(field, msg.errRequired());
                }
                return null;
            }
            Long fen = fen(v(field));
            if (fen == null) {
                fail(field, msg.errAmount());
            }
            return fen;
        }

        void count(String field, boolean required, long min, long max) {
            String value = v(field);
            if (value.isEmpty()) {
                if (required) {
                    fail(field, msg.errRequired());
                }
                return;
            }
            if (!COUNT.matcher(value).matches() || Long.parseLong(value) < min || Long.parseLong(value) > max) {
                fail(field, msg.errRange(min, max));
            }
        }

        LocalDate date(String field, boolean required) {
            if (v(field).isEmpty()) {
                if (required) {
                    fail(field, msg.errRequired());
                }
                return null;
            }
            try {
                return LocalDate.parse(v(field));
            } catch (DateTimeParseException e) {
                fail(field, msg.errDate());
                return null;
            }
        }

        LocalTime time(String field) {
            if (v(field).isEmpty()) {
                return null;
            }
            try {
                return LocalTime.parse(v(field));
            } catch (DateTimeParseException e) {
                if (msg != null) {
                    fail(field, msg.errTime());
                }
                return null;
            }
        }

        void optional(ObjectNode node, String field) {
            if (!v(field).isEmpty()) {
                node.put(field, v(field));
            }
        }
    }
}
