package io.kaquan.tenant;

/**
 * An authorized account's verification (verify_type_info): card APIs need a verified account. In words through
 * {@link AuthorizationMsg}.
 */
public enum Verification {
    UNVERIFIED,
    WECHAT,
    SINA_WEIBO,
    TENCENT_WEIBO,
    QUALIFICATION_ONLY,
    QUALIFICATION_AND_SINA_WEIBO,
    QUALIFICATION_AND_TENCENT_WEIBO,
    UNKNOWN;

    static Verification of(Integer id) {
        if (id == null) {
            return UNKNOWN;
        }
        return switch (id) {
            case -1 -> UNVERIFIED;
            case 0 -> WECHAT;
            case 1 -> SINA_WEIBO;
            case 2 -> TENCENT_WEIBO;
            case 3 -> QUALIFICATION_ONLY;
            case 4 -> QUALIFICATION_AND_SINA_WEIBO;
            case 5 -> QUALIFICATION_AND_TENCENT_WEIBO;
            default -> UNKNOWN;
        };
    }
}
