package io.kaquan.sandbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The WeChat sandbox (kaquan.sandbox.*). All keys are runtime settings: production turns it off by environment. */
@ConfigMapping(prefix = "kaquan.sandbox")
public interface SandboxConfig {

    /** Serves the sandbox (API, admin API, console). When false every /sandbox path answers 404 and no push runs. */
    @WithDefault("false")
    boolean enabled();

    /** How long a created card waits in CARD_STATUS_NOT_VERIFY before the sandbox approves it (sandbox-cards). */
    @WithDefault("30s")
    Duration reviewDelay();

    /** How long the sandbox waits for the callback's answer, like WeChat. */
    @WithDefault("5s")
    Duration pushTimeout();

    /** Deliveries of one push in total, the first one included (WeChat: "总共重试三次"). */
    @WithDefault("3")
    int pushAttempts();

    /** Pause before the next delivery after a timeout, a refused connection or a non-2xx answer. */
    @WithDefault("2s")
    Duration pushRetryDelay();

    /**
     * Threads that answer the sandbox's WeChat API and admin API on one node, apart from the app's workers (which wait
     * for these answers); more requests at once queue for them.
     */
    @WithDefault("32")
    int threads();

    /** Pushes delivered at the same time by one node (the bounded sender pool). */
    @WithDefault("4")
    int pushThreads();

    /** Token lifetime of new accounts, in seconds; each account can change its own (tests use a few seconds). */
    @WithDefault("7200")
    int defaultTokenTtlSeconds();

    /** How long a replaced token keeps working (classic token rotation, stable token refresh window). */
    @WithDefault("300s")
    Duration tokenOverlap();

    /** How long a stable token replaced by force_refresh=true keeps working (WeChat's docs suggest: not at all). */
    @WithDefault("0s")
    Duration forcedRefreshGrace();

    /** Forced stable_token refreshes per account and day (Asia/Shanghai). */
    @WithDefault("20")
    int forcedRefreshesPerDay();

    /** Minimum spacing of forced refreshes; a forced call closer than this returns the current token unchanged. */
    @WithDefault("30s")
    Duration forcedRefreshSpacing();

    /** Daily quota of /cgi-bin/token per account (WeChat: 2000). Accounts may override any API's limits. */
    @WithDefault("2000")
    int tokenDailyQuota();

    /** Daily quota of APIs without a specific default (card APIs: undocumented by WeChat, so a generous guess). */
    @WithDefault("100000")
    int defaultDailyQuota();

    /** How often each node looks for due push retries (and fires the sandbox tick for due card reviews). */
    @WithDefault("1s")
    Duration tickInterval();

    /**
     * Lets anyone call the JSON admin API (/sandbox/admin/*) without a credential: dev and test only. Otherwise a
     * caller needs a platform-admin session or {@code Authorization: Bearer} with the admin token.
     */
    @WithDefault("false")
    boolean adminOpen();

    /**
     * The admin API's bearer token. Without it, the token is derived from kaquan.secrets.master-key (HMAC), which
     * every node of one installation shares, so the product's own calls work without extra setup.
     */
    Optional<String> adminToken();

    /**
     * The sandbox stands in for real WeChat (tests, which have no internet): it then accepts real-looking appids and
     * original ids and pushes to any callback URL. Never in production: there the sandbox keeps to its own
     * identifier namespace (wxsbx…, gh_sbx…) and pushes only to this application's /wechat/callback.
     */
    @WithDefault("false")
    boolean standsForWechat();

    /** The callback path an account may push to: this application's own. */
    @WithDefault("/wechat/callback")
    String callbackPath();

    /** The path a simulated open platform may push its tickets and authorization changes to (outside tests). */
    @WithDefault("/wechat/open/events")
    String openEventsPath();

    /** The message path of a simulated open platform (outside tests), with WeChat's $APPID$ placeholder. */
    @WithDefault("/wechat/open/$APPID$/callback")
    String openMessagePath();

    /** How often a simulated open platform receives a component_verify_ticket (WeChat: every 10 minutes). */
    @WithDefault("10m")
    Duration openTicketInterval();

    /**
     * ⚠ The errcode of card/modifystock raising a deposit-mode custom-code card's stock above its deposited codes that
     * nobody received yet. WeChat documents the rule (stock ≤ imported codes) but not its errcode; 40122 (invalid stock
     * quantity) is the likeliest. 0 turns the rule off.
     */
    @WithDefault("40122")
    int depositStockErrcode();
}
