package io.kaquan.wechat;

/** Which token endpoint a tenant's tokens come from (§1). */
public enum TokenMode {
    /**
     * POST /cgi-bin/stable_token (recommended): the same token until its last 5 minutes, isolated from tokens that
     * other systems fetch with /cgi-bin/token.
     */
    STABLE,
    /** GET /cgi-bin/token: every call issues a new token and retires the previous one within 5 minutes. */
    CLASSIC;

    public static TokenMode parse(String value) {
        if (value == null) {
            return null;
        }
        for (TokenMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        return null;
    }

    WeChatApi api() {
        return this == STABLE ? WeChatApi.STABLE_TOKEN : WeChatApi.TOKEN;
    }
}
