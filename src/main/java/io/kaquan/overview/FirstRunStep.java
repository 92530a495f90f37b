package io.kaquan.overview;

/** The first steps of a new account, in order; each is ticked from real data, not from a click. */
public enum FirstRunStep {
    /** The account is registered (always true on its overview). */
    CONNECT,
    /** WeChat checked the callback URL, or a signed push arrived. */
    VERIFY_CALLBACK,
    /** The tenant has a card. */
    CREATE_CARD,
    /** A user received a code. */
    DISTRIBUTE,
    /** A code was redeemed. */
    REDEEM;

    /** The page that does this step. */
    public String path(long tenantId) {
        String base = "/t/" + tenantId;
        return switch (this) {
            case CONNECT -> base + "/settings";
            case VERIFY_CALLBACK -> base + "/settings#callback-config";
            case CREATE_CARD -> base + "/cards/new";
            case DISTRIBUTE -> base + "/cards";
            case REDEEM -> base + "/codes";
        };
    }
}
