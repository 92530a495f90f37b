package io.kaquan.sandbox;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the sandbox console and of the admin API's validation messages. Chinese here, English in
 * sandboxMsg_en.properties. (Card and code pages of sandbox-cards may add their own keys here on request, or use
 * their own bundle.)
 */
@MessageBundle(value = "sandboxMsg", locale = "zh-CN")
public interface SandboxMsg {

    // Console: accounts

    @Message("微信沙箱")
    String title();

    @Message("沙箱模拟微信公众平台的接口（access_token、卡券、统计）和事件推送。把客户端的接口地址换成下面的地址即可，无需真实公众号。")
    String intro();

    @Message("接口地址")
    String apiBaseUrl();

    @Message("沙箱账号")
    String accountsTitle();

    @Message("还没有沙箱账号。")
    String accountsEmpty();

    @Message("新建沙箱账号")
    String createTitle();

    @Message("所有字段都可留空，将自动生成。")
    String createIntro();

    @Message("新建")
    String createAction();

    @Message("已新建沙箱账号 {appid}。")
    String created(String appid);

    @Message("AppID")
    String fieldAppid();

    @Message("AppSecret")
    String fieldSecret();

    @Message("原始ID")
    String fieldOriginalId();

    @Message("回调地址（URL）")
    String fieldCallbackUrl();

    @Message("沙箱把事件推送到这个地址，例如 Kaquan 的 /wechat/callback。")
    String fieldCallbackUrlHelp();

    @Message("令牌（Token）")
    String fieldCallbackToken();

    @Message("消息加解密密钥（EncodingAESKey）")
    String fieldEncodingAesKey();

    @Message("消息加解密方式")
    String fieldMessageMode();

    @Message("access_token 有效期（秒）")
    String fieldTokenTtl();

    @Message("1–7200 秒；测试时可设为几秒，让令牌很快过期。")
    String fieldTokenTtlHelp();

    @Message("IP 白名单")
    String fieldAllowedIps();

    @Message("用逗号分隔；留空则不限制。")
    String fieldAllowedIpsHelp();

    @Message("权限")
    String permissionsTitle();

    @Message("卡券功能")
    String fieldCardEnabled();

    @Message("微信支付（买单）")
    String fieldPayEnabled();

    @Message("已隐藏，点击显示")
    String secretHidden();

    @Message("自定义 code")
    String fieldCustomCodeEnabled();

    /**
     * The mode in the visitor's language: Qute's enum messages, one key mode_CONSTANT per constant in
     * messages/sandboxMsg_zh-CN.properties and sandboxMsg_en.properties.
     */
    @Message
    String mode(SandboxAccount.MessageMode mode);

    /** A token's kind: kind_CONSTANT. */
    @Message
    String kind(SandboxToken.Kind kind);

    // Console: one account

    @Message("账号信息")
    String basicsTitle();

    @Message("设置")
    String settingsTitle();

    @Message("设置已保存。")
    String settingsSaved();

    @Message("创建时间")
    String createdAt();

    @Message("未设置")
    String notSet();

    @Message("access_token")
    String tokensTitle();

    @Message("还没有发放过 access_token。")
    String tokensEmpty();

    @Message("类型")
    String tokenKind();

    @Message("令牌")
    String tokenValue();

    @Message("发放时间")
    String tokenIssuedAt();

    @Message("过期时间")
    String tokenExpiresAt();

    @Message("状态")
    String status();

    @Message("有效")
    String tokenValid();

    @Message("已失效")
    String tokenRevoked();

    @Message("已过期")
    String tokenExpired();

    @Message("过渡期，至 {until} 失效")
    String tokenOverlap(String until);

    @Message("强制刷新")
    String tokenForced();

    @Message("今日调用")
    String usageTitle();

    @Message("接口")
    String usageApi();

    @Message("次数")
    String usageCalls();

    @Message("每日上限")
    String usageDaily();

    @Message("今天还没有调用。")
    String usageEmpty();

    @Message("卡券")
    String cardsLink();

    @Message("卡券码")
    String codesLink();

    // Console: pushes

    @Message("事件推送")
    String pushesTitle();

    @Message("还没有推送。")
    String pushesEmpty();

    @Message("事件")
    String pushEvent();

    @Message("尝试次数")
    String pushAttempts();

    @Message("HTTP 状态")
    String pushHttpStatus();

    @Message("耗时")
    String pushLatency();

    @Message("{ms} 毫秒")
    String millis(int ms);

    @Message("回复")
    String pushReply();

    @Message("时间")
    String pushCreatedAt();

    @Message("内容")
    String pushBody();

    @Message("第 {n} 次")
    String pushAttemptNo(int n);

    @Message("发送测试事件")
    String testPushAction();

    @Message("已推送测试事件。")
    String testPushQueued();

    // Console: faults

    @Message("故障注入")
    String faultsTitle();

    @Message("让接口和推送按下面的设置出错，用来检验客户端的重试与容错。")
    String faultsIntro();

    @Message("返回 -1（系统繁忙）的比例")
    String fieldErrorShare();

    @Message("0 到 1 之间，例如 0.2 表示约 20% 的调用失败。")
    String fieldErrorShareHelp();

    @Message("附加延迟（毫秒）")
    String fieldLatencyMs();

    @Message("剩余调用次数")
    String fieldCallBudget();

    @Message("用完后所有调用返回 45009；留空表示不限。")
    String fieldCallBudgetHelp();

    @Message("丢弃推送")
    String fieldDropPushes();

    @Message("重复推送")
    String fieldDuplicatePushes();

    @Message("故障设置已保存。")
    String faultsSaved();

    @Message("立即作废当前 access_token")
    String invalidateAction();

    @Message("已作废 {count} 个 access_token，下一次调用将返回 40001。")
    String invalidated(int count);

    @Message("已开启故障")
    String faultsActive();

    // Validation (also the admin API's messages, in English there)

    @Message("AppID 应为 3–32 位字母、数字或下划线。")
    String errAppid();

    @Message("AppSecret 应为 1–64 位字母或数字。")
    String errSecret();

    @Message("原始ID 应为 gh_ 加 1–32 位字母或数字。")
    String errOriginalId();

    @Message("回调地址只能是本应用的 {path}（可带查询参数），沙箱不向其他地址推送。")
    String errCallbackUrl(String path);

    @Message("沙箱账号的 AppID 须以 {prefix} 开头，以免与真实公众号混淆。")
    String errAppidNamespace(String prefix);

    @Message("沙箱账号的原始ID 须以 {prefix} 开头，以免与真实公众号混淆。")
    String errOriginalIdNamespace(String prefix);

    @Message("令牌应为 3–32 位字母或数字。")
    String errCallbackToken();

    @Message("EncodingAESKey 应为 43 位字母或数字。")
    String errEncodingAesKey();

    @Message("请选择 PLAIN、COMPAT 或 SAFE。")
    String errMessageMode();

    @Message("有效期应为 1 到 7200 之间的整数。")
    String errTokenTtl();

    @Message("IP 白名单中有无效的 IP 地址：{ip}")
    String errAllowedIps(String ip);

    @Message("该 AppID 已被使用。")
    String errAppidTaken();

    @Message("该原始ID 已被使用。")
    String errOriginalIdTaken();

    @Message("比例应为 0 到 1 之间的数字。")
    String errErrorShare();

    @Message("延迟应为 0 到 60000 之间的整数。")
    String errLatencyMs();

    @Message("剩余调用次数应为不小于 0 的整数，或留空。")
    String errCallBudget();

    @Message("应为 true 或 false。")
    String errBoolean();

    @Message("没有这个沙箱账号。")
    String errNoAccount();
}
