package io.kaquan.sandbox;

import java.util.Map;

/**
 * A WeChat API error as the sandbox answers it: HTTP 200 with {@code {"errcode":…,"errmsg":"… rid: …"}}. Throw it
 * anywhere below a sandbox API resource; {@link WeChatReply#mapError(WeChatError)} turns it into the reply.
 * The errmsg given here is WeChat's wire text without the rid suffix (the reply appends it).
 */
public class WeChatError extends RuntimeException {

    /** WeChat's own wire texts for the codes the sandbox core and the card APIs use most. */
    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(-1, "system error"),
            Map.entry(40001, "invalid credential, access_token is invalid or not latest"),
            Map.entry(40002, "invalid grant_type"),
            Map.entry(40013, "invalid appid"),
            Map.entry(40014, "invalid access_token"),
            Map.entry(40125, "invalid appsecret"),
            Map.entry(41001, "access_token missing"),
            Map.entry(41002, "appid missing"),
            Map.entry(41004, "appsecret missing"),
            Map.entry(42001, "access_token expired"),
            Map.entry(43001, "require GET method"),
            Map.entry(43002, "require POST method"),
            Map.entry(44002, "empty post data"),
            Map.entry(45009, "reach max api daily quota limit"),
            Map.entry(45011, "api minute-quota reach limit, must slower, retry next minute"),
            Map.entry(47001, "data format error"),
            Map.entry(48001, "api unauthorized"),
            Map.entry(48006, "forbid to clear quota because of reaching the limit"),
            Map.entry(61003, "component is not authorized by this account"),
            Map.entry(61005, "component ticket is expired"),
            Map.entry(61006, "component ticket is invalid"),
            Map.entry(61007, "api is unauthorized to component"),
            Map.entry(61009, "code is invalid"),
            Map.entry(61010, "code is expired"),
            Map.entry(61011, "invalid component"),
            Map.entry(61023, "refresh_token is invalid"),
            Map.entry(61024, "must use api(api_component_token) to get token for component acct"));

    private final int errcode;
    private final String errmsg;

    public WeChatError(int errcode, String errmsg) {
        super(errcode + " " + errmsg, null, false, false);
        this.errcode = errcode;
        this.errmsg = errmsg;
    }

    /** An error with WeChat's standard text for the code (or "system error" for codes without one here). */
    public WeChatError(int errcode) {
        this(errcode, TEXTS.getOrDefault(errcode, "system error"));
    }

    public int errcode() {
        return errcode;
    }

    public String errmsg() {
        return errmsg;
    }

    public static WeChatError systemError() {
        return new WeChatError(-1);
    }

    /** 47001 data format error: unparsable JSON or a value of the wrong type. */
    public static WeChatError dataFormat() {
        return new WeChatError(47001);
    }
}
