package io.kaquan.agency;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of 授权接入. Chinese here, English in agencyMsg_en.properties. */
@MessageBundle(value = "agencyMsg", locale = "zh-CN")
public interface AgencyMsg {

    @Message("授权接入公众号")
    String authorizeTitle();

    @Message("不需要 AppSecret：请公众号的管理员用微信扫描下面的二维码（或在电脑上打开授权链接），选择要接入的公众号，并勾选「微信卡券」权限。授权完成后会回到 Kaquan，公众号自动接入。")
    String authorizeIntro();

    @Message("用微信扫码授权")
    String qrTitle();

    @Message("在电脑上打开授权页面")
    String openLink();

    @Message("授权链接 30 分钟内有效，只能使用一次；过期后刷新本页即可获得新的链接。")
    String linkHelp();

    @Message("还没有配置第三方平台，无法授权接入。请平台管理员按 README 配置第三方平台，或使用 AppSecret 接入。")
    String notConfigured();

    @Message("暂时无法生成授权链接：{reason}")
    String linkFailed(String reason);

    @Message("用 AppSecret 接入")
    String appsecretWay();

    @Message("已授权接入公众号「{name}」。")
    String connected(String name);

    @Message("公众号「{name}」已重新授权，恢复连接。")
    String reconnected(String name);

    @Message("授权没有包含「微信卡券」权限，Kaquan 无法管理这个公众号的卡券。请重新授权，并勾选「微信卡券」。")
    String missingCardPermission();

    @Message("这个公众号已经由其他团队接入 Kaquan。请联系该团队的所有者邀请你加入。")
    String connectedByOthers();

    @Message("授权链接已失效或不是为你生成的，请重新发起授权。")
    String linkInvalid();

    @Message("授权没有完成：{reason}")
    String authorizationFailed(String reason);

    @Message("或者")
    String or();
}
