package io.kaquan.card.wizard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.kaquan.wechat.BusinessService;
import io.kaquan.wechat.CardVocabulary;
import io.kaquan.wechat.TimeLimitDay;
import io.kaquan.wechat.WeChatTime;

/** The wizard's fields read back from a card/create body or a card/get answer, for "create a similar card". */
final class CardDrafts {

    private CardDrafts() {
    }

    static Map<String, String> fromCard(JsonNode card, String fallbackType) {
        String type = card.path("card_type").asText(fallbackType);
        Map<String, String> data = CardForm.defaults(type);
        JsonNode typed = card.path(type.toLowerCase(Locale.ROOT));
        JsonNode base = typed.path("base_info");
        for (String field : new String[] { "logo_url", "brand_name", "title", "sub_title", "code_type", "notice",
                "service_phone", "description", "source", "center_title", "center_sub_title", "center_url",
                "custom_url_name", "custom_url", "custom_url_sub_title", "promotion_url_name", "promotion_url",
                "promotion_url_sub_title" }) {
            text(base, field).ifPresent(v -> data.put(field, v));
        }
        String color = base.path("color").asText("");
        CardVocabulary.PALETTE.forEach((name, hex) -> {
            if (name.equals(color) || hex.equalsIgnoreCase(color)) {
                data.put("color", name);
            }
        });
        JsonNode sku = base.path("sku");
        JsonNode quantity = sku.has("total_quantity") ? sku.path("total_quantity") : sku.path("quantity");
        if (!quantity.isMissingNode()) {
            data.put("quantity", quantity.asText());
        }
        if (base.has("get_limit")) {
            data.put("get_limit", base.path("get_limit").asText());
        }
        for (String flag : new String[] { "can_share", "can_give_friend", "use_custom_code", "bind_openid" }) {
            if (base.has(flag)) {
                data.put(flag, base.path(flag).asBoolean() ? "true" : "");
            }
        }
        StringBuilder locations = new StringBuilder();
        for (JsonNode id : base.path("location_id_list")) {
            locations.append(locations.length() == 0 ? "" : ",").append(id.asText());
        }
        data.put("location_ids", locations.toString());
        JsonNode dates = base.path("date_info");
        String dateType = dates.path("type").asText("DATE_TYPE_FIX_TIME_RANGE");
        if (dateType.equals("DATE_TYPE_FIX_TERM") || dateType.equals("2")) {
            data.put("date_type", "DATE_TYPE_FIX_TERM");
            data.put("fixed_term", dates.path("fixed_term").asText(""));
            data.put("fixed_begin_term", dates.path("fixed_begin_term").asText("0"));
            if (dates.has("end_timestamp")) {
                data.put("term_end_date", day(dates.path("end_timestamp").asLong()));
            }
        } else {
            data.put("date_type", "DATE_TYPE_FIX_TIME_RANGE");
            if (dates.has("begin_timestamp")) {
                data.put("begin_date", day(dates.path("begin_timestamp").asLong()));
            }
            if (dates.has("end_timestamp")) {
                data.put("end_date", day(dates.path("end_timestamp").asLong()));
            }
        }
        switch (type) {
            case "GROUPON" -> text(typed, "deal_detail").ifPresent(v -> data.put("deal_detail", v));
            case "GIFT" -> text(typed, "gift").ifPresent(v -> data.put("gift", v));
            case "GENERAL_COUPON" -> text(typed, "default_detail").ifPresent(v -> data.put("default_detail", v));
            case "CASH" -> {
                data.put("least_cost", yuan(typed.path("least_cost")));
                data.put("reduce_cost", yuan(typed.path("reduce_cost")));
            }
            case "DISCOUNT" -> {
                if (typed.has("discount")) {
                    data.put("discount", zhe(typed.path("discount").asInt()));
                }
            }
            default -> {
            }
        }
        JsonNode advanced = typed.path("advanced_info");
        JsonNode condition = advanced.path("use_condition");
        for (String field : new String[] { "accept_category", "reject_category", "object_use_for" }) {
            text(condition, field).ifPresent(v -> data.put(field, v));
        }
        if (condition.has("least_cost")) {
            data.put("use_least_cost", yuan(condition.path("least_cost")));
        }
        if (condition.has("can_use_with_other_discount")) {
            data.put("can_use_with_other_discount",
                    condition.path("can_use_with_other_discount").asBoolean(true) ? "true" : "");
        }
        text(advanced.path("abstract"), "abstract").ifPresent(v -> data.put("abstract", v));
        JsonNode icons = advanced.path("abstract").path("icon_url_list");
        if (icons.size() > 0) {
            data.put("abstract_icon_url", icons.get(0).asText());
        }
        int i = 1;
        for (JsonNode item : advanced.path("text_image_list")) {
            if (i > CardForm.TEXT_IMAGES) {
                break;
            }
            data.put("ti" + i + "_image_url", item.path("image_url").asText(""));
            data.put("ti" + i + "_text", item.path("text").asText(""));
            i++;
        }
        for (JsonNode limit : advanced.path("time_limit")) {
            String day = limit.path("type").asText();
            if (Arrays.stream(TimeLimitDay.values()).noneMatch(d -> d.name().equals(day))) {
                continue;
            }
            data.put("tl_" + day, "true");
            if (limit.has("begin_hour") && limit.has("end_hour")) {
                data.put("tl_" + day + "_begin", String.format("%02d:%02d", limit.path("begin_hour").asInt(),
                        limit.path("begin_minute").asInt()));
                data.put("tl_" + day + "_end", String.format("%02d:%02d", limit.path("end_hour").asInt(),
                        limit.path("end_minute").asInt()));
            }
        }
        for (JsonNode service : advanced.path("business_service")) {
            if (Arrays.stream(BusinessService.values()).anyMatch(b -> b.name().equals(service.asText()))) {
                data.put("biz_" + service.asText(), "true");
            }
        }
        return data;
    }

    private static java.util.Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(value.asText());
    }

    private static String day(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).atZone(WeChatTime.ZONE).toLocalDate().toString();
    }

    /** 1250 fen → "12.5". */
    static String yuan(JsonNode fen) {
        if (fen.isMissingNode() || fen.isNull()) {
            return "";
        }
        return BigDecimal.valueOf(fen.asLong()).movePointLeft(2).stripTrailingZeros().toPlainString();
    }

    /** 30 (percent off) → "7折"; 25 → "7.5折". */
    static String zhe(int off) {
        // Also outside what the wizard accepts (a card made elsewhere): shown as it is, refused when the draft is checked.
        return CardVocabulary.zhe(Math.max(0, Math.min(100, off))) + "折";
    }
}
