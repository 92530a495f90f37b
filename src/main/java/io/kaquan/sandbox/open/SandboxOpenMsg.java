package io.kaquan.sandbox.open;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the simulated open platform's pages. Chinese here, English in sandboxOpenMsg_en.properties. */
@MessageBundle(value = "sandboxOpenMsg", locale = "zh-CN")
public interface SandboxOpenMsg {

    /** A permission set's name: set_CONSTANT. */
    @Message
    String set(PermissionSet set);

    // The authorization page

    @Message("公众号授权（沙箱）")
    String authorizeTitle();

    @Message("第三方平台 {platform} 请求管理你的公众号。你以公众号管理员的身份选择一个沙箱账号和要授予的权限，确认后回到第三方平台。")
    String authorizeIntro(String platform);

    @Message("选择公众号")
    String chooseAccount();

    @Message("你还没有可授权的沙箱公众号。先在沙箱控制台新建一个。")
    String noAccounts();

    @Message("打开沙箱控制台")
    String openConsole();

    @Message("授予的权限集")
    String chooseSets();

    @Message("不勾选「微信卡券」，第三方平台就不能管理这个公众号的卡券。")
    String cardSetHelp();

    @Message("授权")
    String confirm();

    @Message("授权链接无效")
    String refusedTitle();

    @Message("这个授权链接已经用过、已过期或不属于该第三方平台。请回到第三方平台重新发起授权。")
    String refusedText();

    @Message("请选择一个公众号。")
    String errAccount();

    // The console

    @Message("第三方平台（沙箱）")
    String consoleTitle();

    @Message("模拟微信开放平台的第三方平台：每 10 分钟推送 component_verify_ticket，签发 component_access_token、预授权码和授权方令牌，并由公众号管理员授权。")
    String consoleIntro();

    @Message("还没有第三方平台。")
    String platformsEmpty();

    @Message("新建第三方平台")
    String createAction();

    @Message("已新建第三方平台 {appid}。")
    String created(String appid);

    @Message("AppID")
    String fieldAppid();

    @Message("授权事件接收URL")
    String fieldAuthEventUrl();

    @Message("消息与事件接收URL")
    String fieldMessageUrl();

    @Message("未设置")
    String notSet();

    @Message("立即推送 ticket")
    String pushTicket();

    @Message("已推送新的 component_verify_ticket。")
    String ticketPushed();

    @Message("已授权的公众号")
    String authorizersTitle();

    @Message("还没有公众号授权。")
    String authorizersEmpty();

    @Message("公众号")
    String columnAccount();

    @Message("权限集")
    String columnSets();

    @Message("更新授权")
    String updateAction();

    @Message("已更新 {appid} 的授权。")
    String updated(String appid);

    @Message("取消授权")
    String unauthorizeAction();

    @Message("{appid} 已取消授权。")
    String unauthorized(String appid);

    @Message("{appid} 已不在这个平台的授权列表中（可能已取消授权）。")
    String errNotAuthorizer(String appid);

    @Message("由该公众号的管理员操作")
    String administeredElsewhere();

    @Message("推送记录")
    String pushesTitle();

    @Message("还没有推送。")
    String pushesEmpty();

    /** A push's status: pushStatus_CONSTANT. */
    @Message
    String pushStatus(OpenPush.Status status);

    @Message("第三方平台")
    String back();

    // The account's page: the platforms it authorized

    @Message("已授权的第三方平台")
    String authorizedTitle();

    @Message("该公众号还没有授权任何第三方平台。")
    String authorizedEmpty();

    @Message("授予的权限")
    String authorizedSets();

    @Message("授权时间")
    String authorizedAt();
}
