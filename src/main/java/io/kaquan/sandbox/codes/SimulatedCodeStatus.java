package io.kaquan.sandbox.codes;

/** A user's code (user_card_status of card/code/get). */
public enum SimulatedCodeStatus {
    NORMAL,
    CONSUMED,
    EXPIRE,
    GIFTING,
    /** Given away: the old code is gone for WeChat (40056); the friend holds a new code. */
    GIFT_SUCC,
    GIFT_TIMEOUT,
    DELETE,
    UNAVAILABLE;

    /** Still in the user's wallet (card/user/getcardlist). */
    public boolean inWallet() {
        return this == NORMAL || this == GIFTING;
    }
}
