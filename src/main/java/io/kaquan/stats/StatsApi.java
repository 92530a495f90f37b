package io.kaquan.stats;

/** The three datacube APIs the statistics sync reads; each keeps its own progress and quota stop per tenant. */
public enum StatsApi {
    /** getcardbizuininfo */
    ACCOUNT("/datacube/getcardbizuininfo"),
    /** getcardcardinfo (every free coupon in one answer per window and source) */
    CARDS("/datacube/getcardcardinfo"),
    /** getcardmembercardinfo */
    MEMBER_CARDS("/datacube/getcardmembercardinfo");

    private final String path;

    StatsApi(String path) {
        this.path = path;
    }

    /** WeChat's path, as api_usage names it. */
    public String path() {
        return path;
    }
}
