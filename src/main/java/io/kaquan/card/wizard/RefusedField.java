package io.kaquan.card.wizard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.kaquan.wechat.BusinessService;
import io.kaquan.wechat.CardVocabulary;
import io.kaquan.wechat.TimeLimitDay;
import io.kaquan.wechat.WeChatException;

/** Which wizard field a card/create refusal is about, so that the merchant is sent to the step that fixes it. */
final class RefusedField {

    private RefusedField() {
    }

    /** The field, or null when the refusal names none (shown on the review step). */
    static String of(WeChatException e, JsonNode card) {
        String type = card.path("card_type").asText();
        boolean term = "DATE_TYPE_FIX_TERM".equals(card.path(type.toLowerCase(Locale.ROOT)).path("base_info")
                .path("date_info").path("type").asText());
        switch (e.errcode()) {
            case 40009, 40005:
                return "logo_url";
            case 40071:
                return "card_type";
            case 40072:
                return "code_type";
            case 40079, 40100:
                return term ? "fixed_term" : "end_date";
            case 40122:
                return "quantity";
            case 40150:
                return switch (type) {
                    case "CASH" -> "reduce_cost";
                    case "DISCOUNT" -> "discount";
                    default -> null;
                };
            case 43009:
                return "use_custom_code";
            default:
                break;
        }
        // WeChat's errmsg sometimes names the field (40035 invalid args, 41011 missing, 45021 too long).
        String errmsg = e.errmsg() == null ? "" : e.errmsg();
        Map<String, String> named = new LinkedHashMap<>();
        named.put("icon_url_list", "abstract_icon_url");
        named.put("text_image_list", "ti1_image_url");
        named.put("time_limit", "tl_" + TimeLimitDay.MONDAY);
        named.put("business_service", "biz_" + BusinessService.BIZ_SERVICE_DELIVER);
        named.put("location_id_list", "location_ids");
        named.put("logo_url", "logo_url");
        named.put("color", "color");
        named.put("get_limit", "get_limit");
        named.put("date_info", term ? "fixed_term" : "end_date");
        named.put("sku", "quantity");
        for (String field : CardVocabulary.BYTE_LIMITS.keySet()) {
            named.putIfAbsent(field, field);
        }
        for (Map.Entry<String, String> entry : named.entrySet()) {
            if (errmsg.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }
}
