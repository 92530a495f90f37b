package io.kaquan.agency;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The third-party platform (kaquan.agency.*) registered on WeChat's open platform. Without an appid the feature is
 * off: "授权接入" says so and the platform endpoints refuse pushes. The secret, token and key come from the
 * environment in production; they are never shown or logged.
 */
@ConfigMapping(prefix = "kaquan.agency")
public interface AgencyConfig {

    /** The platform's AppID (component_appid). */
    Optional<String> componentAppid();

    /** The platform's AppSecret (component_appsecret). */
    Optional<String> componentSecret();

    /** 消息校验Token: checks the signatures of the authorization-event and message URLs. */
    Optional<String> token();

    /** 消息加解密Key (43 characters): opens the pushes of both URLs. */
    Optional<String> encodingAesKey();

    /** The API host of the platform's calls; empty: WeChat's (kaquan.wechat.api-base-url). */
    Optional<String> apiBaseUrl();

    /** WeChat's authorization page (PC, with QR code). */
    @WithDefault("https://mp.weixin.qq.com/cgi-bin/componentloginpage")
    String authorizePageUrl();

    /** The permission sets asked for on the authorization page: 微信卡券, 素材管理, 微信门店. */
    @WithDefault("8|11|13")
    String requestedSets();

    /** How long an authorization link stays usable (WeChat's pre-auth codes last 30 minutes at most). */
    @WithDefault("PT30M")
    Duration linkLifetime();
}
