package io.kaquan.wechat;

import java.util.List;

/** Which token endpoint a tenant's tokens come from (§1). */
public enum TokenMode {
    /**
     * POST /cgi-bin/stable_token (recommended): the same token until its last 5 minutes, isolated from tokens that
     * other systems fetch with /cgi-bin/token.
     */
    STABLE,
    /** GET /cgi-bin/token: every call issues a new token and retires the previous one within 5 minutes. */
    CLASSIC,
    /**
     * The account authorized Kaquan's third-party platform: its tokens come from api_authorizer_token with the
     * authorizer refresh token (sealed with the tenant); not a choice on the settings page.
     */
    AUTHORIZED;

    /** The modes an owner of an AppSecret account may choose between. */
    public static List<TokenMode> selectable() {
        return List.of(STABLE, CLASSIC);
    }

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
        return switch (this) {
            case STABLE -> WeChatApi.STABLE_TOKEN;
            case CLASSIC -> WeChatApi.TOKEN;
            case AUTHORIZED -> WeChatApi.COMPONENT_AUTHORIZER_TOKEN;
        };
    }
}
