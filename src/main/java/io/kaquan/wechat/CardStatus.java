package io.kaquan.wechat;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A card's review status (§4.2), read leniently: WeChat sends the documented strings, the console's numbers
 * (1 = NOT_VERIFY…) or older aliases (CARD_STATUS_USER_DELETE, the typo VERIFY_FALL); anything else is UNKNOWN.
 */
public enum CardStatus {
    INIT,
    NOT_VERIFY,
    VERIFY_FAIL,
    VERIFY_OK,
    DELETE,
    SYS_DELETE,
    DISPATCH,
    SYS_OFF_SHELF,
    EXPIRED,
    UNKNOWN;

    /** The mp.weixin.qq.com console's numbering. */
    private static final CardStatus[] BY_NUMBER = { INIT, NOT_VERIFY, VERIFY_FAIL, VERIFY_OK, DELETE, SYS_DELETE,
            DISPATCH, SYS_OFF_SHELF, EXPIRED };

    @JsonCreator
    public static CardStatus of(Object value) {
        if (value == null) {
            return UNKNOWN;
        }
        if (value instanceof Number number) {
            return byNumber(number.intValue());
        }
        String text = value.toString().strip().toUpperCase(Locale.ROOT);
        if (text.matches("[0-9]{1,2}")) {
            return byNumber(Integer.parseInt(text));
        }
        String name = text.startsWith("CARD_STATUS_") ? text.substring("CARD_STATUS_".length()) : text;
        return switch (name) {
            case "USER_DELETE" -> DELETE;
            case "USER_DISPATCH" -> DISPATCH;
            case "VERIFY_FALL" -> VERIFY_FAIL;
            default -> {
                try {
                    yield valueOf(name);
                } catch (IllegalArgumentException e) {
                    yield UNKNOWN;
                }
            }
        };
    }

    private static CardStatus byNumber(int number) {
        return number >= 0 && number < BY_NUMBER.length ? BY_NUMBER[number] : UNKNOWN;
    }

    /** The documented wire name, as batchget's status_list wants it. */
    @JsonValue
    public String wireName() {
        return "CARD_STATUS_" + name();
    }
}
