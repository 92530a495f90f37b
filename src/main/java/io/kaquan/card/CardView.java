package io.kaquan.card;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.kaquan.wechat.CardVocabulary;
import io.kaquan.wechat.WeChatTime;

/**
 * A card/get answer laid out for people: fen as yuan, percent-off as 折, epoch seconds as Asia/Shanghai dates, the
 * colour as a swatch, and every field WeChat sent that the page does not know by name kept in "other fields". Long
 * because it names every field of the card/get answer a person reads, one small method each.
 */
public final class CardView {

    public static final List<String> CODE_TYPES = List.of("CODE_TYPE_TEXT", "CODE_TYPE_BARCODE", "CODE_TYPE_QRCODE",
            "CODE_TYPE_ONLY_QRCODE", "CODE_TYPE_ONLY_BARCODE", "CODE_TYPE_NONE");

    /** base_info fields the page shows by name; the rest go to "other fields". */
    private static final Set<String> SHOWN_BASE = Set.of("id", "appid", "status", "logo_url", "code_type", "brand_name",
            "title", "sub_title", "date_info", "color", "notice", "description", "service_phone", "use_limit",
            "get_limit", "can_share", "can_give_friend", "location_id_list", "source", "sku", "create_time",
            "update_time", "center_title", "center_sub_title", "center_url", "custom_url_name", "custom_url",
            "custom_url_sub_title", "promotion_url_name", "promotion_url", "promotion_url_sub_title");

    private static final Set<String> SHOWN_TYPED = Set.of("base_info", "least_cost", "reduce_cost", "discount",
            "deal_detail", "gift", "default_detail");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WeChatTime.ZONE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(WeChatTime.ZONE);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A link cell of the card (centre button, custom entry, promotion entry). */
    public record Link(String name, String url, String subTitle) {
    }

    /** A field shown as WeChat sent it. */
    public record Other(String name, String value) {
    }

    private final Card card;
    private final JsonNode typed;
    private final JsonNode base;
    private final CardPagesMsg msg;

    public CardView(Card card, CardPagesMsg msg) {
        this.card = card;
        this.msg = msg;
        JsonNode detail = read(card.detailJson);
        String key = card.cardType == null ? "" : card.cardType.toLowerCase(java.util.Locale.ROOT);
        this.typed = detail.path(key);
        this.base = typed.path("base_info");
    }

    static JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return MissingNode.getInstance();
        }
    }

    public boolean known() {
        return !base.isMissingNode();
    }

    /** A base_info text, "" when absent. */
    public String text(String field) {
        JsonNode value = base.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }

    public String subTitle() {
        return text("sub_title");
    }

    public String notice() {
        return text("notice");
    }

    public String description() {
        return text("description");
    }

    public String servicePhone() {
        return text("service_phone");
    }

    public String source() {
        return text("source");
    }

    public String logoUrl() {
        return text("logo_url");
    }

    /** The colour as a CSS hex value (card/get answers hex; a palette name is translated), or null. */
    public String colorHex() {
        String color = text("color").isEmpty() ? card.color : text("color");
        if (color == null || color.isEmpty()) {
            return null;
        }
        return hex(color);
    }

    /**
     * A colour as a CSS hex value safe to put in a style attribute, or null: a palette name (older rows, card/get)
     * becomes its hex; anything that is not a hex colour is dropped.
     */
    public static String hex(String color) {
        if (color == null) {
            return null;
        }
        String hex = CardVocabulary.PALETTE.getOrDefault(color.strip(), color.strip());
        return hex.matches("#[0-9A-Fa-f]{3,8}") ? hex : null;
    }

    /** The palette name of the current colour (for the edit form), or "". */
    public String colorName() {
        String color = text("color");
        if (CardVocabulary.PALETTE.containsKey(color)) {
            return color;
        }
        for (Map.Entry<String, String> entry : CardVocabulary.PALETTE.entrySet()) {
            if (entry.getValue().equalsIgnoreCase(color)) {
                return entry.getKey();
            }
        }
        return "";
    }

    public String codeType() {
        return text("code_type");
    }

    public String codeTypeLabel() {
        return codeTypeLabel(codeType(), msg);
    }

    static String codeTypeLabel(String codeType, CardPagesMsg msg) {
        return switch (codeType) {
            case "CODE_TYPE_TEXT" -> msg.code_CODE_TYPE_TEXT();
            case "CODE_TYPE_BARCODE" -> msg.code_CODE_TYPE_BARCODE();
            case "CODE_TYPE_QRCODE" -> msg.code_CODE_TYPE_QRCODE();
            case "CODE_TYPE_ONLY_QRCODE" -> msg.code_CODE_TYPE_ONLY_QRCODE();
            case "CODE_TYPE_ONLY_BARCODE" -> msg.code_CODE_TYPE_ONLY_BARCODE();
            case "CODE_TYPE_NONE" -> msg.code_CODE_TYPE_NONE();
            default -> codeType;
        };
    }

    public String stock() {
        return msg.stock(card.quantity == null ? "?" : String.valueOf(card.quantity),
                card.totalQuantity == null ? "?" : String.valueOf(card.totalQuantity));
    }

    public String getLimit() {
        return text("get_limit");
    }

    public String useLimit() {
        return text("use_limit");
    }

    public String canShare() {
        return yesNo("can_share");
    }

    public String canGiveFriend() {
        return yesNo("can_give_friend");
    }

    private String yesNo(String field) {
        JsonNode value = base.get(field);
        if (value == null || value.isNull()) {
            return msg.notSet();
        }
        return value.asBoolean() ? msg.yes() : msg.no();
    }

    public boolean canShareChecked() {
        return base.path("can_share").asBoolean(true);
    }

    public boolean canGiveFriendChecked() {
        return base.path("can_give_friend").asBoolean(true);
    }

    public List<Long> locationIds() {
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : base.path("location_id_list")) {
            ids.add(id.asLong());
        }
        return ids;
    }

    public String locationText() {
        return String.join(",", locationIds().stream().map(String::valueOf).toList());
    }

    public boolean hasStores() {
        return !locationIds().isEmpty();
    }

    public String payCellState() {
        return cellState(card.payCellOpen);
    }

    public String selfConsumeState() {
        return cellState(card.selfConsumeCellOpen);
    }

    private String cellState(Boolean open) {
        return open == null ? msg.unknownState() : open ? msg.isOpen() : msg.isClosed();
    }

    // Validity

    public String dateType() {
        JsonNode type = base.path("date_info").path("type");
        String text = type.asText("");
        return switch (text) {
            case "1" -> "DATE_TYPE_FIX_TIME_RANGE";
            case "2" -> "DATE_TYPE_FIX_TERM";
            default -> text;
        };
    }

    public boolean fixedRange() {
        return dateType().equals("DATE_TYPE_FIX_TIME_RANGE");
    }

    public Instant begin() {
        return epoch(base.path("date_info").get("begin_timestamp"));
    }

    public Instant end() {
        return epoch(base.path("date_info").get("end_timestamp"));
    }

    public String beginDate() {
        return begin() == null ? "" : DATE.format(begin());
    }

    public String endDate() {
        return end() == null ? "" : DATE.format(end());
    }

    public String validity() {
        JsonNode dates = base.path("date_info");
        return switch (dateType()) {
            case "DATE_TYPE_FIX_TIME_RANGE" -> msg.validityRange(dateTime(begin()), dateTime(end()));
            case "DATE_TYPE_FIX_TERM" -> end() == null
                    ? msg.validityTerm(dates.path("fixed_begin_term").asInt(), dates.path("fixed_term").asInt())
                    : msg.validityTermUntil(dates.path("fixed_begin_term").asInt(), dates.path("fixed_term").asInt(),
                            dateTime(end()));
            case "DATE_TYPE_PERMANENT" -> msg.validityPermanent();
            default -> dates.isMissingNode() ? "" : dates.toString();
        };
    }

    public String createTime() {
        return dateTime(epoch(base.get("create_time")));
    }

    public String updateTime() {
        return dateTime(epoch(base.get("update_time")));
    }

    // Terms of the coupon

    /** What the coupon gives, in words: 满100元减10元, 7 折, the groupon's deal… */
    public String terms() {
        return switch (card.cardType == null ? "" : card.cardType) {
            case "CASH" -> {
                String reduce = yuan(typed.path("reduce_cost").asLong());
                long least = typed.path("least_cost").asLong();
                yield least > 0 ? msg.termsCash(yuan(least), reduce) : msg.termsCashNoThreshold(reduce);
            }
            case "DISCOUNT" -> {
                int off = typed.path("discount").asInt();
                yield msg.termsDiscount(CardVocabulary.zhe(Math.max(0, Math.min(100, off))), off);
            }
            case "GROUPON" -> typed.path("deal_detail").asText("");
            case "GIFT" -> typed.path("gift").asText("");
            case "GENERAL_COUPON" -> typed.path("default_detail").asText("");
            default -> "";
        };
    }

    static String yuan(long fen) {
        return CardVocabulary.yuan(fen);
    }

    // Links

    public Link center() {
        return link("center_title", "center_url", "center_sub_title");
    }

    public Link customUrl() {
        return link("custom_url_name", "custom_url", "custom_url_sub_title");
    }

    public Link promotionUrl() {
        return link("promotion_url_name", "promotion_url", "promotion_url_sub_title");
    }

    private Link link(String name, String url, String subTitle) {
        return new Link(text(name), text(url), text(subTitle));
    }

    // Everything else

    /** Fields WeChat sent that the page does not show by name (advanced_info, member card fields…), as JSON text. */
    public List<Other> others() {
        List<Other> others = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = base.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!SHOWN_BASE.contains(field.getKey())) {
                others.add(new Other("base_info." + field.getKey(), show(field.getValue())));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = typed.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!SHOWN_TYPED.contains(field.getKey())) {
                others.add(new Other(field.getKey(), show(field.getValue())));
            }
        }
        return others;
    }

    private static String show(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static Instant epoch(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        long seconds = value.isNumber() ? value.asLong() : parse(value.asText());
        return seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
    }

    private static long parse(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, WeChatTime.ZONE);
    }

    /** A custom-code card (use_custom_code): its codes come from the merchant, e.g. imported by card/code/deposit. */
    public boolean usesCustomCode() {
        return base.path("use_custom_code").asBoolean(false);
    }
}
