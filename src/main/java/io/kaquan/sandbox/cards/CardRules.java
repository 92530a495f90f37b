package io.kaquan.sandbox.cards;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;

/**
 * What card/create and card/update accept, as SEED-CREATE and SEED-MANAGE describe it (reference §4.1, §4.7).
 * Pure: the caller says which image URLs this sandbox issued, whether the account may use custom codes, and what
 * time it is. Limits are UTF-8 bytes (string(27) = 9 汉字). Where WeChat names no errcode the choice follows §4.1.
 * Long because it is WeChat's rule book for a card, field by field; split it and the rules lose their order.
 */
public final class CardRules {

    public static final long MAX_QUANTITY = 100_000_000L;

    public static final String TOO_LONG = "some argument may be out of length limit! please check document and request json!";

    /** base_info strings of card/create: UTF-8 byte limit and whether required. */
    private static final Map<String, Integer> CREATE_TEXTS = new LinkedHashMap<>();
    private static final List<String> REQUIRED_TEXTS = List.of("logo_url", "code_type", "brand_name", "title", "color",
            "notice", "description");

    static {
        CREATE_TEXTS.put("logo_url", 128);
        CREATE_TEXTS.put("code_type", 16);
        CREATE_TEXTS.put("brand_name", 36);
        CREATE_TEXTS.put("title", 27);
        CREATE_TEXTS.put("sub_title", 54);
        CREATE_TEXTS.put("color", 16);
        CREATE_TEXTS.put("notice", 48);
        CREATE_TEXTS.put("description", 3072);
        CREATE_TEXTS.put("service_phone", 24);
        CREATE_TEXTS.put("source", 36);
        CREATE_TEXTS.put("center_title", 18);
        CREATE_TEXTS.put("center_sub_title", 24);
        CREATE_TEXTS.put("center_url", 128);
        CREATE_TEXTS.put("custom_url_name", 15);
        CREATE_TEXTS.put("custom_url", 128);
        CREATE_TEXTS.put("custom_url_sub_title", 18);
        CREATE_TEXTS.put("promotion_url_name", 15);
        CREATE_TEXTS.put("promotion_url", 128);
        CREATE_TEXTS.put("promotion_url_sub_title", 18);
        CREATE_TEXTS.put("get_custom_code_mode", 32);
        CREATE_TEXTS.put("center_app_brand_user_name", 128);
        CREATE_TEXTS.put("center_app_brand_pass", 128);
        CREATE_TEXTS.put("custom_app_brand_user_name", 128);
        CREATE_TEXTS.put("custom_app_brand_pass", 128);
        CREATE_TEXTS.put("promotion_app_brand_user_name", 128);
        CREATE_TEXTS.put("promotion_app_brand_pass", 128);
    }

    private static final List<String> BOOLEANS = List.of("use_custom_code", "bind_openid", "can_share",
            "can_give_friend", "need_push_on_view", "use_all_locations");

    /** card/update: base_info fields that may change, and whether changing them sends the card back to review. */
    private static final Map<String, Boolean> UPDATABLE = new LinkedHashMap<>();

    static {
        for (String reviewed : List.of("logo_url", "notice", "description", "color")) {
            UPDATABLE.put(reviewed, true);
        }
        for (String free : List.of("service_phone", "location_id_list", "center_title", "center_sub_title",
                "center_url", "custom_url_name", "custom_url", "custom_url_sub_title", "promotion_url_name",
                "promotion_url", "promotion_url_sub_title", "code_type", "get_limit", "can_share", "can_give_friend",
                "date_info")) {
            UPDATABLE.put(free, false);
        }
    }

    /** SEED-MANAGE gives two entry names of card/update a byte more room than card/create does. */
    private static final Map<String, Integer> UPDATE_LIMITS = Map.of("custom_url_name", 16, "promotion_url_name", 16);

    private static final Set<String> CODE_TYPES = Set.of("CODE_TYPE_TEXT", "CODE_TYPE_BARCODE", "CODE_TYPE_QRCODE",
            "CODE_TYPE_ONLY_QRCODE", "CODE_TYPE_ONLY_BARCODE", "CODE_TYPE_NONE");
    private static final Set<String> CUSTOM_CODE_MODES = Set.of("GET_CUSTOM_CODE_MODE_DEPOSIT",
            "GET_CUSTOM_CODE_MODE_REALTIME");
    private static final Set<String> TIME_LIMIT_TYPES = Set.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY", "HOLIDAY");
    private static final Set<String> BUSINESS_SERVICES = Set.of("BIZ_SERVICE_DELIVER", "BIZ_SERVICE_FREE_PARK",
            "BIZ_SERVICE_WITH_PET", "BIZ_SERVICE_FREE_WIFI");

    public static final String FIX_TIME_RANGE = "DATE_TYPE_FIX_TIME_RANGE";
    public static final String FIX_TERM = "DATE_TYPE_FIX_TERM";

    private CardRules() {
    }

    /** The validity rule of a card: a fixed range, or N days from receipt (optionally capped by an end). */
    public record Dates(String type, Instant begin, Instant end, Integer fixedTerm, Integer fixedBeginTerm) {
        public boolean fixedRange() {
            return FIX_TIME_RANGE.equals(type);
        }
    }

    /** A valid card/create request: the type object to store (as card/get shows it) and the values that matter. */
    public record Spec(SimulatedCardType type, ObjectNode typeObject, String title, String brandName, long quantity,
            boolean useCustomCode, boolean bindOpenid, boolean canGiveFriend, int getLimit, Dates dates,
            boolean hasLocations, boolean needPushOnView) {
    }

    /** A valid card/update request: the base_info fields to merge, and whether they need a new review. */
    public record Update(ObjectNode baseInfo, boolean sendCheck, Optional<Dates> dates) {
    }

    // card/create

    public static Spec forCreate(ObjectNode body, Predicate<String> issuedImage, boolean customCodeAllowed,
            Instant now) {
        ObjectNode card = SandboxJson.requiredObject(body, "card", missing("card"));
        String typeName = SandboxJson.requiredText(card, "card_type", missing("card_type"));
        SimulatedCardType type = SimulatedCardType.of(typeName).orElseThrow(() -> new WeChatError(40071, "invalid card type"));
        ObjectNode typed = SandboxJson.optionalObject(card, type.key)
                .orElseThrow(() -> new WeChatError(40071, "invalid card type"));
        ObjectNode base = SandboxJson.requiredObject(typed, "base_info", missing("base_info"));

        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        ObjectNode storedBase = stored.putObject("base_info");

        // 41011 first for every missing required field, then the values.
        for (String name : REQUIRED_TEXTS) {
            if (SandboxJson.optionalText(base, name).filter(text -> !text.isBlank()).isEmpty()) {
                throw missing("base_info." + name);
            }
        }
        ObjectNode sku = SandboxJson.requiredObject(base, "sku", missing("base_info.sku"));
        long quantity = SandboxJson.requiredLong(sku, "quantity", missing("base_info.sku.quantity"));
        ObjectNode dateInfo = SandboxJson.requiredObject(base, "date_info", missing("base_info.date_info"));

        for (Map.Entry<String, Integer> field : CREATE_TEXTS.entrySet()) {
            Optional<String> value = SandboxJson.optionalText(base, field.getKey());
            if (value.isPresent()) {
                checkLength(field.getKey(), value.get(), field.getValue());
                storedBase.put(field.getKey(), value.get());
            }
        }
        String codeType = storedBase.get("code_type").textValue();
        if (!CODE_TYPES.contains(codeType)) {
            throw new WeChatError(40072, "invalid code type: " + codeType);
        }
        checkColor(storedBase.get("color").textValue());
        if (storedBase.has("get_custom_code_mode")
                && !CUSTOM_CODE_MODES.contains(storedBase.get("get_custom_code_mode").textValue())) {
            throw invalidArgs("base_info.get_custom_code_mode");
        }
        checkImage(storedBase.get("logo_url").textValue(), "base_info.logo_url", issuedImage);

        if (quantity < 0 || quantity > MAX_QUANTITY) {
            throw new WeChatError(40122, "invalid stock quantity");
        }
        storedBase.putObject("sku").put("quantity", quantity);

        for (String name : BOOLEANS) {
            SandboxJson.optionalBoolean(base, name).ifPresent(value -> storedBase.put(name, value));
        }
        int getLimit = SandboxJson.optionalInt(base, "get_limit").orElse(50);
        if (getLimit < 1) {
            throw invalidArgs("base_info.get_limit");
        }
        storedBase.put("get_limit", getLimit);
        OptionalLong useLimit = SandboxJson.optionalLong(base, "use_limit");
        if (useLimit.isPresent()) {
            if (useLimit.getAsLong() < 1) {
                throw invalidArgs("base_info.use_limit");
            }
            storedBase.put("use_limit", useLimit.getAsLong());
        }
        ArrayNode locations = locationIds(base);
        storedBase.set("location_id_list", locations);

        Dates dates = createDates(dateInfo, now);
        storedBase.set("date_info", datesJson(dates));

        boolean useCustomCode = SandboxJson.booleanOr(base, "use_custom_code", false);
        if (useCustomCode && !customCodeAllowed) {
            throw new WeChatError(43009, "no permission to use custom code");
        }

        typeFields(type, typed, stored);
        SandboxJson.optionalObject(typed, "advanced_info")
                .ifPresent(advanced -> stored.set("advanced_info", advancedInfo(advanced, issuedImage)));

        return new Spec(type, stored, storedBase.get("title").textValue(), storedBase.get("brand_name").textValue(),
                quantity, useCustomCode, SandboxJson.booleanOr(base, "bind_openid", false),
                SandboxJson.booleanOr(base, "can_give_friend", true), getLimit, dates, !locations.isEmpty(),
                SandboxJson.booleanOr(base, "need_push_on_view", false));
    }

    private static void typeFields(SimulatedCardType type, ObjectNode typed, ObjectNode stored) {
        switch (type) {
            case GROUPON -> stored.put("deal_detail", detail(typed, "deal_detail"));
            case GIFT -> stored.put("gift", detail(typed, "gift"));
            case GENERAL_COUPON -> stored.put("default_detail", detail(typed, "default_detail"));
            case CASH -> {
                long leastCost = SandboxJson.requiredLong(typed, "least_cost", missing("least_cost"));
                long reduceCost = SandboxJson.requiredLong(typed, "reduce_cost", missing("reduce_cost"));
                if (leastCost < 0 || reduceCost <= 0 || (leastCost > 0 && reduceCost > leastCost)) {
                    throw new WeChatError(40150, "invalid card parameters: least_cost/reduce_cost");
                }
                stored.put("least_cost", leastCost);
                stored.put("reduce_cost", reduceCost);
            }
            case DISCOUNT -> {
                int discount = SandboxJson.requiredInt(typed, "discount", missing("discount"));
                if (discount < 1 || discount > 99) {
                    throw new WeChatError(40150, "invalid card parameters: discount");
                }
                stored.put("discount", discount);
            }
        }
    }

    /** GROUPON's deal_detail is string(24) in the table but far longer in the seed's own example: 3072, like gift. */
    private static String detail(ObjectNode typed, String name) {
        String value = SandboxJson.optionalText(typed, name).filter(text -> !text.isBlank())
                .orElseThrow(() -> missing(name));
        checkLength(name, value, 3072);
        return value;
    }

    private static ObjectNode advancedInfo(ObjectNode advanced, Predicate<String> issuedImage) {
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        SandboxJson.optionalObject(advanced, "use_condition").ifPresent(condition -> {
            ObjectNode out = stored.putObject("use_condition");
            for (String name : List.of("accept_category", "reject_category", "object_use_for")) {
                SandboxJson.optionalText(condition, name).ifPresent(value -> {
                    checkLength("use_condition." + name, value, 3072);
                    out.put(name, value);
                });
            }
            SandboxJson.optionalLong(condition, "least_cost").ifPresent(value -> {
                if (value < 0) {
                    throw invalidArgs("advanced_info.use_condition.least_cost");
                }
                out.put("least_cost", value);
            });
            out.put("can_use_with_other_discount",
                    SandboxJson.booleanOr(condition, "can_use_with_other_discount", true));
        });
        SandboxJson.optionalObject(advanced, "abstract").ifPresent(summary -> {
            ObjectNode out = stored.putObject("abstract");
            SandboxJson.optionalText(summary, "abstract").ifPresent(value -> {
                checkLength("abstract.abstract", value, 3072);
                out.put("abstract", value);
            });
            ArrayNode icons = out.putArray("icon_url_list");
            ArrayNode given = SandboxJson.optionalArray(summary, "icon_url_list")
                    .orElse(JsonNodeFactory.instance.arrayNode());
            if (given.size() > 1) {
                throw invalidArgs("advanced_info.abstract.icon_url_list");
            }
            for (JsonNode icon : given) {
                String url = textOf(icon);
                checkImage(url, "advanced_info.abstract.icon_url_list", issuedImage);
                icons.add(url);
            }
        });
        SandboxJson.optionalArray(advanced, "text_image_list").ifPresent(list -> {
            ArrayNode out = stored.putArray("text_image_list");
            for (JsonNode item : list) {
                if (!item.isObject()) {
                    throw WeChatError.dataFormat();
                }
                ObjectNode entry = out.addObject();
                String url = SandboxJson.requiredText(item, "image_url", missing("text_image_list.image_url"));
                checkImage(url, "advanced_info.text_image_list.image_url", issuedImage);
                entry.put("image_url", url);
                String text = SandboxJson.optionalText(item, "text").orElse("");
                if (text.codePointCount(0, text.length()) > 5000) {
                    throw new WeChatError(45021, TOO_LONG);
                }
                entry.put("text", text);
            }
        });
        SandboxJson.optionalArray(advanced, "time_limit").ifPresent(list -> {
            ArrayNode out = stored.putArray("time_limit");
            for (JsonNode item : list) {
                if (!item.isObject()) {
                    throw WeChatError.dataFormat();
                }
                ObjectNode entry = out.addObject();
                String type = SandboxJson.requiredText(item, "type", missing("time_limit.type"));
                if (!TIME_LIMIT_TYPES.contains(type)) {
                    throw invalidArgs("advanced_info.time_limit.type");
                }
                entry.put("type", type);
                bounded(item, entry, "begin_hour", 23);
                bounded(item, entry, "end_hour", 23);
                bounded(item, entry, "begin_minute", 59);
                bounded(item, entry, "end_minute", 59);
            }
        });
        SandboxJson.optionalArray(advanced, "business_service").ifPresent(list -> {
            ArrayNode out = stored.putArray("business_service");
            for (JsonNode item : list) {
                String service = textOf(item);
                if (!BUSINESS_SERVICES.contains(service)) {
                    throw invalidArgs("advanced_info.business_service");
                }
                out.add(service);
            }
        });
        return stored;
    }

    private static void bounded(JsonNode item, ObjectNode entry, String name, int max) {
        SandboxJson.optionalInt(item, name).ifPresent(value -> {
            if (value < 0 || value > max) {
                throw invalidArgs("advanced_info.time_limit." + name);
            }
            entry.put(name, value);
        });
    }

    // Dates

    private static Dates createDates(ObjectNode dateInfo, Instant now) {
        String type = dateType(dateInfo);
        if (type.equals(FIX_TIME_RANGE)) {
            long begin = SandboxJson.requiredLong(dateInfo, "begin_timestamp", missing("date_info.begin_timestamp"));
            long end = SandboxJson.requiredLong(dateInfo, "end_timestamp", missing("date_info.end_timestamp"));
            checkU32(begin);
            checkU32(end);
            if (end <= begin) {
                throw new WeChatError(40100, "invalid time range");
            }
            if (end <= now.getEpochSecond()) {
                throw new WeChatError(40079, "invalid time: end_timestamp has passed");
            }
            return new Dates(type, Instant.ofEpochSecond(begin), Instant.ofEpochSecond(end), null, null);
        }
        int fixedTerm = SandboxJson.requiredInt(dateInfo, "fixed_term", missing("date_info.fixed_term"));
        int fixedBeginTerm = SandboxJson.requiredInt(dateInfo, "fixed_begin_term",
                missing("date_info.fixed_begin_term"));
        if (fixedTerm <= 0 || fixedBeginTerm < 0) {
            throw new WeChatError(40079, "invalid time: fixed_term must be at least 1, fixed_begin_term at least 0");
        }
        OptionalLong end = SandboxJson.optionalLong(dateInfo, "end_timestamp");
        if (end.isPresent()) {
            checkU32(end.getAsLong());
            if (end.getAsLong() <= now.getEpochSecond()) {
                throw new WeChatError(40079, "invalid time: end_timestamp has passed");
            }
        }
        return new Dates(type, null, end.isPresent() ? Instant.ofEpochSecond(end.getAsLong()) : null, fixedTerm,
                fixedBeginTerm);
    }

    /** The type by name or by the legacy numbers 1 and 2; DATE_TYPE_PERMANENT is for member cards only. */
    private static String dateType(ObjectNode dateInfo) {
        String type = SandboxJson.requiredText(dateInfo, "type", missing("date_info.type"));
        return switch (type) {
            case FIX_TIME_RANGE, "1" -> FIX_TIME_RANGE;
            case FIX_TERM, "2" -> FIX_TERM;
            default -> throw new WeChatError(40079, "invalid time: unknown date_info type " + type);
        };
    }

    private static void checkU32(long seconds) {
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new WeChatError(40079, "invalid time");
        }
    }

    public static ObjectNode datesJson(Dates dates) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", dates.type());
        if (dates.fixedRange()) {
            json.put("begin_timestamp", dates.begin().getEpochSecond());
            json.put("end_timestamp", dates.end().getEpochSecond());
        } else {
            json.put("fixed_term", dates.fixedTerm());
            json.put("fixed_begin_term", dates.fixedBeginTerm());
            if (dates.end() != null) {
                json.put("end_timestamp", dates.end().getEpochSecond());
            }
        }
        return json;
    }

    // card/update

    /**
     * @param type the card's type (the request must use its key)
     * @param currentBase the card's stored base_info, to tell changed review fields from resent ones
     * @param current the card's validity rule: a fixed range may only widen; a fixed term cannot change
     */
    public static Update forUpdate(ObjectNode body, SimulatedCardType type, ObjectNode currentBase, Dates current,
            Predicate<String> issuedImage) {
        ObjectNode typed = SandboxJson.optionalObject(body, type.key)
                .orElseThrow(() -> new WeChatError(40071, "invalid card type: expected " + type.key));
        for (String name : List.of("deal_detail", "least_cost", "reduce_cost", "discount", "gift", "default_detail",
                "advanced_info")) {
            if (SandboxJson.field(typed, name) != null) {
                throw invalidArgs(name + " cannot be updated");
            }
        }
        ObjectNode base = SandboxJson.optionalObject(typed, "base_info")
                .orElse(JsonNodeFactory.instance.objectNode());
        for (String name : List.of("brand_name", "title", "sub_title", "sku", "use_custom_code", "bind_openid",
                "source", "get_custom_code_mode", "use_limit")) {
            if (SandboxJson.field(base, name) != null) {
                throw invalidArgs("base_info." + name + " cannot be updated");
            }
        }
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        boolean sendCheck = false;
        Optional<Dates> dates = Optional.empty();
        for (Map.Entry<String, Boolean> field : UPDATABLE.entrySet()) {
            String name = field.getKey();
            if (SandboxJson.field(base, name) == null) {
                continue;
            }
            switch (name) {
                case "location_id_list" -> changes.set(name, locationIds(base));
                case "get_limit" -> {
                    int limit = SandboxJson.requiredInt(base, name);
                    if (limit < 1) {
                        throw invalidArgs("base_info.get_limit");
                    }
                    changes.put(name, limit);
                }
                case "can_share", "can_give_friend" -> changes.put(name, SandboxJson.booleanOr(base, name, true));
                case "date_info" -> {
                    Dates widened = widen(SandboxJson.requiredObject(base, name), current);
                    dates = Optional.of(widened);
                    changes.set(name, datesJson(widened));
                }
                default -> {
                    String value = SandboxJson.requiredText(base, name);
                    if (field.getValue() && value.isBlank()) {
                        throw missing("base_info." + name);
                    }
                    checkLength(name, value, UPDATE_LIMITS.getOrDefault(name, CREATE_TEXTS.get(name)));
                    if (name.equals("code_type") && !CODE_TYPES.contains(value)) {
                        throw new WeChatError(40072, "invalid code type: " + value);
                    }
                    if (name.equals("color")) {
                        checkColor(value);
                    }
                    if (name.equals("logo_url")) {
                        checkImage(value, "base_info.logo_url", issuedImage);
                    }
                    changes.put(name, value);
                }
            }
            if (field.getValue() && !changes.get(name).equals(currentBase.get(name))) {
                sendCheck = true;
            }
        }
        return new Update(changes, sendCheck, dates);
    }

    /** SEED-MANAGE: only a fixed range may change, and only wider (begin earlier or same, end later or same). */
    private static Dates widen(ObjectNode dateInfo, Dates current) {
        String type = SandboxJson.optionalText(dateInfo, "type").map(text -> text.equals("1") ? FIX_TIME_RANGE : text)
                .orElse(FIX_TIME_RANGE);
        if (!type.equals(FIX_TIME_RANGE) || !current.fixedRange()) {
            throw new WeChatError(40079, "invalid time: only DATE_TYPE_FIX_TIME_RANGE timestamps can be updated");
        }
        long begin = SandboxJson.optionalLong(dateInfo, "begin_timestamp").orElse(current.begin().getEpochSecond());
        long end = SandboxJson.optionalLong(dateInfo, "end_timestamp").orElse(current.end().getEpochSecond());
        checkU32(begin);
        checkU32(end);
        if (begin > current.begin().getEpochSecond() || end < current.end().getEpochSecond() || end <= begin) {
            throw new WeChatError(40100, "invalid time range: the validity may only be extended");
        }
        return new Dates(FIX_TIME_RANGE, Instant.ofEpochSecond(begin), Instant.ofEpochSecond(end), null, null);
    }

    // Shared checks

    private static ArrayNode locationIds(ObjectNode base) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Optional<ArrayNode> given = SandboxJson.optionalArray(base, "location_id_list");
        if (given.isPresent()) {
            List<Long> ids = new ArrayList<>();
            for (JsonNode id : given.get()) {
                if (id.isIntegralNumber()) {
                    ids.add(id.longValue());
                } else if (id.isTextual() && id.textValue().strip().matches("[0-9]{1,18}")) {
                    ids.add(Long.parseLong(id.textValue().strip()));
                } else {
                    throw WeChatError.dataFormat();
                }
            }
            ids.forEach(out::add);
        }
        return out;
    }

    private static void checkLength(String name, String value, int maxBytes) {
        if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new WeChatError(45021, TOO_LONG);
        }
    }

    private static void checkColor(String color) {
        if (CardColors.hex(color).isEmpty()) {
            throw invalidArgs("base_info.color must be one of card/getcolors");
        }
    }

    private static void checkImage(String url, String field, Predicate<String> issuedImage) {
        if (!issuedImage.test(url)) {
            throw invalidArgs(field + " must be a url returned by media/uploadimg");
        }
    }

    private static String textOf(JsonNode node) {
        if (!node.isTextual()) {
            throw WeChatError.dataFormat();
        }
        return node.textValue();
    }

    public static WeChatError missing(String field) {
        return new WeChatError(41011, "missing required field: " + field);
    }

    public static WeChatError invalidArgs(String detail) {
        return new WeChatError(40035, "invalid args: " + detail);
    }
}
