package io.kaquan.wechat;

import java.util.List;
import java.util.Locale;

/**
 * WeChat's card types, as card/create and card/get name them (the key under {@code card} is the lower-case name).
 * {@link #OTHER} stands for a type Kaquan does not know (a card made elsewhere).
 */
public enum CardType {
    GROUPON,
    CASH,
    DISCOUNT,
    GIFT,
    GENERAL_COUPON,
    MEMBER_CARD,
    OTHER;

    /** The types a merchant can create in Kaquan's wizard. */
    public static final List<CardType> CREATABLE = List.of(GROUPON, CASH, DISCOUNT, GIFT, GENERAL_COUPON);

    /** The type WeChat names {@code wire} ("CASH", "cash"…), {@link #OTHER} for anything else, null included. */
    public static CardType of(String wire) {
        if (wire == null) {
            return OTHER;
        }
        try {
            return valueOf(wire.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return OTHER;
        }
    }

    /** The key of this type's object inside card/create's {@code card} ("cash", "general_coupon"…). */
    public String jsonKey() {
        return name().toLowerCase(Locale.ROOT);
    }
}
