package io.kaquan.wechat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WeChat's card vocabulary in one place (protocol §4.5–4.7): the colour palette, the quantity limit, the UTF-8 byte
 * limits of base_info's strings and the fields card/update accepts. Card types, code types, time-limit days and
 * business services are the enums {@link CardType}, {@link CodeType}, {@link TimeLimitDay} and
 * {@link BusinessService}; WeChat's time zone is {@link WeChatTime#ZONE}. The sandbox keeps its own copy on purpose:
 * it stands in for WeChat and must not read product code.
 */
public final class CardVocabulary {

    /** The 14 colours of card/getcolors, name → hex; the fallback when WeChat cannot be asked. */
    public static final Map<String, String> PALETTE;

    /** The colour a new card starts with. */
    public static final String DEFAULT_COLOR = "Color010";

    /** sku.quantity and get_limit: at most 100000000 (also the ceiling of a stock after modifystock). */
    public static final long MAX_QUANTITY = 100_000_000L;

    /** UTF-8 byte limits of the string(N) fields (3 bytes per 汉字). */
    public static final Map<String, Integer> BYTE_LIMITS;

    /** The base_info fields card/update accepts, and whether changing one sends the card back to review. */
    public static final Map<String, Boolean> UPDATABLE;

    static {
        Map<String, String> palette = new LinkedHashMap<>();
        String[][] colors = { { "Color010", "#63b359" }, { "Color020", "#2c9f67" }, { "Color030", "#509fc9" },
                { "Color040", "#5885cf" }, { "Color050", "#9062c0" }, { "Color060", "#d09a45" },
                { "Color070", "#e4b138" }, { "Color080", "#ee903c" }, { "Color081", "#f08500" },
                { "Color082", "#a9d92d" }, { "Color090", "#dd6549" }, { "Color100", "#cc463d" },
                { "Color101", "#cf3e36" }, { "Color102", "#5E6671" } };
        for (String[] color : colors) {
            palette.put(color[0], color[1]);
        }
        PALETTE = Collections.unmodifiableMap(palette);

        Map<String, Integer> bytes = new LinkedHashMap<>();
        bytes.put("brand_name", 36);
        bytes.put("title", 27);
        bytes.put("sub_title", 54);
        bytes.put("logo_url", 128);
        bytes.put("deal_detail", 3072);
        bytes.put("gift", 3072);
        bytes.put("default_detail", 3072);
        bytes.put("notice", 48);
        bytes.put("description", 3072);
        bytes.put("service_phone", 24);
        bytes.put("source", 36);
        bytes.put("center_title", 18);
        bytes.put("center_sub_title", 24);
        bytes.put("center_url", 128);
        bytes.put("custom_url_name", 15);
        bytes.put("custom_url", 128);
        bytes.put("custom_url_sub_title", 18);
        bytes.put("promotion_url_name", 15);
        bytes.put("promotion_url", 128);
        bytes.put("promotion_url_sub_title", 18);
        bytes.put("accept_category", 3072);
        bytes.put("reject_category", 3072);
        bytes.put("object_use_for", 3072);
        bytes.put("abstract", 3072);
        BYTE_LIMITS = Collections.unmodifiableMap(bytes);

        Map<String, Boolean> updatable = new LinkedHashMap<>();
        for (String reviewed : new String[] { "logo_url", "notice", "description", "color" }) {
            updatable.put(reviewed, true);
        }
        for (String free : new String[] { "service_phone", "code_type", "get_limit", "can_share", "can_give_friend",
                "location_id_list", "center_title", "center_sub_title", "center_url", "custom_url_name", "custom_url",
                "custom_url_sub_title", "promotion_url_name", "promotion_url", "promotion_url_sub_title" }) {
            updatable.put(free, false);
        }
        UPDATABLE = Collections.unmodifiableMap(updatable);
    }

    private CardVocabulary() {
    }

    /** WeChat's fen as yuan with two decimals: 1050 → "10.50", exactly. */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * WeChat's percent off (discount, 0–100) as the share paid in 折, the way Chinese shops say it: 30 → "7", 15 →
     * "8.5", 0 → "10". Values outside 0–100 (never valid) are refused.
     */
    public static String zhe(int percentOff) {
        if (percentOff < 0 || percentOff > 100) {
            throw new IllegalArgumentException("percent off out of 0..100: " + percentOff);
        }
        return BigDecimal.valueOf(100 - percentOff).movePointLeft(1).stripTrailingZeros().toPlainString();
    }
}
