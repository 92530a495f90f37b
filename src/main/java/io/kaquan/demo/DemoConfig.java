package io.kaquan.demo;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The demo tenant of dev mode (kaquan.demo.*): an official account bound to a sandbox account that pushes to this
 * app's own /wechat/callback, owned by the dev users, with demo cards and weeks of activity, so that a newcomer can try
 * everything at once.
 */
@ConfigMapping(prefix = "kaquan.demo")
public interface DemoConfig {

    /** Creates the demo tenant at startup in dev mode (never in tests or production) when it does not exist yet. */
    @WithDefault("true")
    boolean enabled();

    /** Its name in Kaquan. */
    @WithDefault("演示商户")
    String name();

    /** wxsbx + 13 hex characters (the sandbox's own namespace); also the sandbox account's appid. */
    @WithDefault("wxsbxde00000000001")
    String appid();

    /** 32 letters or digits. */
    @WithDefault("KaquanDemoSecret0123456789abcdef")
    String appsecret();

    /** gh_sbx + 9 hex characters: the ToUserName of the sandbox's pushes. */
    @WithDefault("gh_sbxde0000001")
    String originalId();

    /** The callback token (3–32 letters or digits) shared by the sandbox account and the tenant. */
    @WithDefault("kaquandemo")
    String callbackToken();

    /** The EncodingAESKey (43 letters or digits) shared by the sandbox account and the tenant. */
    @WithDefault("KaquanDemoEncodingAESKey0123456789abcdefghi")
    String encodingAesKey();

    /** PLAIN, COMPAT or SAFE. */
    @WithDefault("SAFE")
    String messageMode();

    /** Emails of the users who own it: members at once if they signed in before, else at their first sign-in. */
    @WithDefault("alice@example.com,bob@example.com")
    List<String> owners();

    /** Give the demo tenant cards, simulated user activity in the sandbox and synced statistics ({@link StatsDemo}). */
    @WithDefault("true")
    boolean stats();

    /** How many past days of activity the demo simulates at its first start. */
    @WithDefault("21")
    int statsDays();
}
