package io.kaquan.wechat;

/**
 * The WeChat APIs Kaquan calls, by their path (the name calls are counted under), and whether a call may be sent
 * again when its outcome is unknown (WeChat answered -1 or nothing at all).
 */
public enum WeChatApi {
    TOKEN("/cgi-bin/token", true),
    STABLE_TOKEN("/cgi-bin/stable_token", true),
    UPLOAD_IMAGE("/cgi-bin/media/uploadimg", true),
    CARD_CREATE("/card/create", false),
    CARD_GET("/card/get", true),
    CARD_BATCHGET("/card/batchget", true),
    /** Sets fields to given values: sending it twice leaves the same card. */
    CARD_UPDATE("/card/update", true),
    /** Adds or removes stock: twice would change it twice. */
    CARD_MODIFYSTOCK("/card/modifystock", false),
    CARD_DELETE("/card/delete", false),
    PAYCELL_SET("/card/paycell/set", true),
    SELFCONSUMECELL_SET("/card/selfconsumecell/set", true),
    CODE_GET("/card/code/get", true),
    CODE_UPDATE("/card/code/update", false),
    CODE_UNAVAILABLE("/card/code/unavailable", false),
    /** A second consume of a consumed code fails with 40099, hiding whether the first one worked. */
    CODE_CONSUME("/card/code/consume", false),
    CODE_DECRYPT("/card/code/decrypt", true),
    USER_CARDLIST("/card/user/getcardlist", true),
    CARD_COLORS("/card/getcolors", true),
    POI_LIST("/cgi-bin/poi/getpoilist", true),
    DATACUBE_BIZUIN("/datacube/getcardbizuininfo", true),
    DATACUBE_CARD("/datacube/getcardcardinfo", true),
    DATACUBE_MEMBERCARD("/datacube/getcardmembercardinfo", true),
    /** A second call makes a second code for the same cards: harmless, and the first one's ticket was lost anyway. */
    QRCODE_CREATE("/card/qrcode/create", true),
    /** Replaces the whole list: sending it twice leaves the same list. */
    TESTWHITELIST_SET("/card/testwhitelist/set", true),
    /** Codes already deposited come back as duplicate_code, but a lost answer hides which ones this call added. */
    CODE_DEPOSIT("/card/code/deposit", false),
    CODE_DEPOSIT_COUNT("/card/code/getdepositcount", true),
    CODE_CHECKCODE("/card/code/checkcode", true),
    /** A second call makes a second page; WeChat has no call to list pages, so a lost answer cannot be read back. */
    LANDINGPAGE_CREATE("/card/landingpage/create", false),
    MPNEWS_GETHTML("/card/mpnews/gethtml", true),
    /** The wx_card api_ticket that signs JS-SDK addCard's cardExt (§5.14). */
    CARD_API_TICKET("/cgi-bin/ticket/getticket", true),

    // The third-party platform's own APIs (open-platform-protocol.md §3, §5)
    COMPONENT_TOKEN("/cgi-bin/component/api_component_token", true),
    COMPONENT_PREAUTHCODE("/cgi-bin/component/api_create_preauthcode", true),
    /** The authorization code serves once. */
    COMPONENT_QUERY_AUTH("/cgi-bin/component/api_query_auth", false),
    COMPONENT_AUTHORIZER_TOKEN("/cgi-bin/component/api_authorizer_token", true),
    COMPONENT_AUTHORIZER_INFO("/cgi-bin/component/api_get_authorizer_info", true),
    COMPONENT_AUTHORIZER_LIST("/cgi-bin/component/api_get_authorizer_list", true);

    private final String path;
    private final boolean repeatable;

    WeChatApi(String path, boolean repeatable) {
        this.path = path;
        this.repeatable = repeatable;
    }

    public String path() {
        return path;
    }

    /** Safe to send again when the first attempt's outcome is unknown. */
    public boolean repeatable() {
        return repeatable;
    }

    public boolean isTokenEndpoint() {
        return this == TOKEN || this == STABLE_TOKEN || this == COMPONENT_AUTHORIZER_TOKEN;
    }

    /** WeChat's published daily quota of this API for a new account, or -1 where WeChat does not publish one. */
    public int publishedDailyQuota() {
        return switch (this) {
            case TOKEN -> 2000;
            case STABLE_TOKEN -> 500_000;
            default -> -1;
        };
    }

    public static WeChatApi byPath(String path) {
        for (WeChatApi api : values()) {
            if (api.path.equals(path)) {
                return api;
            }
        }
        return null;
    }
}
