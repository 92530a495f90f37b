package io.kaquan.wechat;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Talking to WeChat (kaquan.wechat.*). */
@ConfigMapping(prefix = "kaquan.wechat")
public interface WeChatConfig {

    /**
     * WeChat's API host for real accounts. {@code {port}} stands for this server's own HTTP port, so that tests can
     * point real-account registrations at the built-in sandbox ({@code http://localhost:{port}/sandbox/wechat}).
     */
    @WithDefault("https://api.weixin.qq.com")
    String apiBaseUrl();

    /** The built-in sandbox's API for sandbox accounts; {@code {port}} as above. */
    @WithDefault("http://localhost:{port}/sandbox/wechat")
    String sandboxBaseUrl();

    /** The built-in sandbox's admin API (creating the sandbox account of a sandbox tenant); {@code {port}} as above. */
    @WithDefault("http://localhost:{port}/sandbox/admin")
    String sandboxAdminUrl();

    /** Where the sandbox account of a sandbox tenant pushes its events: this app's callback; {@code {port}} as above. */
    @WithDefault("http://localhost:{port}/wechat/callback")
    String sandboxCallbackUrl();

    /** Time allowed to open a connection to WeChat. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time allowed for WeChat's answer; after it the outcome of the call is unknown. */
    @WithDefault("15s")
    Duration readTimeout();

    /**
     * How long before expiry a token is renewed in the background. WeChat rotates a stable token only in its last
     * 5 minutes (earlier calls get the same token back), and the expiry Kaquan knows is a little early (counted from
     * before the call, in whole seconds), so this stays a minute inside that window. For very short tokens (the
     * sandbox's test accounts) a quarter of the token's life is used instead.
     */
    @WithDefault("240s")
    Duration refreshAhead();

    /** Attempts in all for calls that are safe to repeat, when WeChat answers -1 (system busy) or does not answer. */
    @WithDefault("3")
    int safeAttempts();

    /** Pause before the second attempt; it doubles for each further one. */
    @WithDefault("300ms")
    Duration retryBackoff();

    /**
     * A token that WeChat refuses (40001/40014/42001) within this time of having been renewed after such a refusal is
     * not renewed again until the time has passed: renewing does not help then, and every call would cost a token call.
     */
    @WithDefault("60s")
    Duration renewalGuard();

    /**
     * Token refreshes in flight at once on one node. Each holds a database connection while it waits for WeChat, so
     * keep it well below quarkus.datasource.jdbc.max-size.
     */
    @WithDefault("5")
    int concurrentRefreshes();

    /** How often each node adds its call counts to api_usage (a crash loses at most this much counting). */
    @WithDefault("1s")
    Duration usageFlushInterval();

    /** While a tenant is stopped by a credential problem, how often a node looks whether someone has cleared it. */
    @WithDefault("5s")
    Duration problemRecheck();

    /** Daily call counts (api_usage) older than this are deleted by the retention job. */
    @WithDefault("400d")
    Duration usageKept();

    /**
     * For bench/token-broker-nodes only: {@code GET /wechat/bench/token-call/{tenantId}} looks up the tenant's token and
     * makes one card/batchget with it, answering how long the lookup took. 404 unless on.
     */
    @WithDefault("false")
    boolean benchTokenEndpoint();
}
