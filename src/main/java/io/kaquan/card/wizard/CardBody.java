package io.kaquan.card.wizard;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.wechat.BusinessService;
import io.kaquan.wechat.CardType;
import io.kaquan.wechat.TimeLimitDay;

/** The card/create body a draft makes, once every step of it is valid ({@link CardForm#validateAll}). */
final class CardBody {

    private CardBody() {
    }

    /** The "card" object of card/create for a draft whose every step is valid. */
    static ObjectNode card(Map<String, String> data) {
        FieldChecks c = new FieldChecks(data, null);
        String type = c.v("card_type");
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        card.put("card_type", type);
        ObjectNode typed = card.putObject(CardType.of(type).jsonKey());
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
            dates.put("begin_timestamp", CardForm.beginOf(LocalDate.parse(c.v("begin_date"))));
            dates.put("end_timestamp", CardForm.endOf(LocalDate.parse(c.v("end_date"))));
        } else {
            dates.put("fixed_term", Integer.parseInt(c.v("fixed_term")));
            dates.put("fixed_begin_term", Integer.parseInt(c.v("fixed_begin_term")));
            if (!c.v("term_end_date").isEmpty()) {
                dates.put("end_timestamp", CardForm.endOf(LocalDate.parse(c.v("term_end_date"))));
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
        List<String> locations = CardForm.locationIds(c.v("location_ids"));
        if (!locations.isEmpty()) {
            ArrayNode list = base.putArray("location_id_list");
            locations.forEach(id -> list.add(Long.parseLong(id)));
        }
        for (String name : CardForm.fieldsOf(WizardStep.ENTRIES, type)) {
            c.optional(base, name);
        }
        c.optional(base, "source");
        ObjectNode advanced = advancedInfo(c, type);
        if (advanced != null) {
            typed.set("advanced_info", advanced);
        }
        switch (type) {
            case "GROUPON" -> typed.put("deal_detail", c.v("deal_detail"));
            case "CASH" -> typed.put("least_cost", c.v("least_cost").isEmpty() ? 0 : CardForm.fen(c.v("least_cost")))
                    .put("reduce_cost", CardForm.fen(c.v("reduce_cost")));
            case "DISCOUNT" -> typed.put("discount", Discount.parse(c.v("discount")).orElseThrow().percentOff());
            case "GIFT" -> typed.put("gift", c.v("gift"));
            default -> typed.put("default_detail", c.v("default_detail"));
        }
        return card;
    }

    /** Only the parts the merchant filled in; null when none. */
    private static ObjectNode advancedInfo(FieldChecks c, String type) {
        ObjectNode advanced = JsonNodeFactory.instance.objectNode();
        boolean conditionEntered = !c.v("accept_category").isEmpty() || !c.v("reject_category").isEmpty()
                || !c.v("use_least_cost").isEmpty() || !c.v("object_use_for").isEmpty()
                || !c.on("can_use_with_other_discount");
        if (conditionEntered) {
            ObjectNode condition = advanced.putObject("use_condition");
            c.optional(condition, "accept_category");
            c.optional(condition, "reject_category");
            if (!c.v("use_least_cost").isEmpty()) {
                condition.put("least_cost", CardForm.fen(c.v("use_least_cost")));
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
        for (int i = 1; i <= CardForm.TEXT_IMAGES; i++) {
            if (!c.v("ti" + i + "_image_url").isEmpty()) {
                textImages.addObject().put("image_url", c.v("ti" + i + "_image_url")).put("text",
                        c.v("ti" + i + "_text"));
            }
        }
        if (!textImages.isEmpty()) {
            advanced.set("text_image_list", textImages);
        }
        ArrayNode times = JsonNodeFactory.instance.arrayNode();
        for (TimeLimitDay day : TimeLimitDay.values()) {
            if (c.on("tl_" + day)) {
                ObjectNode limit = times.addObject().put("type", day.name());
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
        for (BusinessService service : BusinessService.values()) {
            if (c.on("biz_" + service)) {
                services.add(service.name());
            }
        }
        if (!services.isEmpty()) {
            advanced.set("business_service", services);
        }
        return advanced.isEmpty() ? null : advanced;
    }
}
