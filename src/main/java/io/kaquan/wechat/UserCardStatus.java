package io.kaquan.wechat;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A code's status in a user's wallet (user_card_status of card/code/get, §4.2); anything unexpected is UNKNOWN. */
public enum UserCardStatus {
    NORMAL,
    CONSUMED,
    EXPIRE,
    GIFTING,
    GIFT_SUCC,
    GIFT_TIMEOUT,
    DELETE,
    UNAVAILABLE,
    UNKNOWN;

    @JsonCreator
    public static UserCardStatus of(Object value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.toString().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
