package io.kaquan.wechat;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What WeChat's error codes mean, for merchants: one clear text per errcode of the protocol reference, plus what to do
 * about credential problems. Chinese here, English in wechatMsg_en. Looked up by code in {@link WeChatErrors}.
 */
@MessageBundle(value = "wechatMsg", locale = "zh-CN")
public interface WeChatMsg {

    // One text per errcode (wechat-protocol.md §1.3, §1.4, §4.0, §5, §6)

    @Message("微信系统繁忙，请稍后再试。")
    String err_minus1();

    @Message("访问令牌（access_token）无效或已被替换。Kaquan 会自动重新获取；如果反复出现，请检查是否有其他系统用同一个 AppSecret 获取令牌。")
    String err_40001();

    @Message("获取令牌的请求不正确（grant_type 无效）。这是 Kaquan 的问题，请联系我们。")
    String err_40002();

    @Message("OpenID 无效：该用户不存在，或不属于这个公众号。")
    String err_40003();

    @Message("文件类型不支持：只能上传 JPG 或 PNG 图片。")
    String err_40005();

    @Message("图片太大：不能超过 1 MB。")
    String err_40009();

    @Message("AppID 无效：微信不认识这个 AppID。请检查是否填写正确。")
    String err_40013();

    @Message("访问令牌格式不正确。Kaquan 会自动重新获取。")
    String err_40014();

    @Message("请求中含有微信不接受的字符（只接受 UTF-8）。")
    String err_40033();

    @Message("参数不正确，请检查填写的内容。")
    String err_40035();

    @Message("二维码参数（action_info）不正确。")
    String err_40053();

    @Message("卡券码无效：不存在、不在用户的卡包中，或已转赠他人。")
    String err_40056();

    @Message("卡券类型不正确。")
    String err_40071();

    @Message("卡券码的展示方式（code_type）不正确。")
    String err_40072();

    @Message("卡券 ID 无效：找不到这张卡券。")
    String err_40073();

    @Message("卡券的状态不允许这个操作（例如已删除或未通过审核）。")
    String err_40078();

    @Message("时间设置不正确。")
    String err_40079();

    @Message("卡券扩展信息（CardExt）不正确。")
    String err_40080();

    @Message("这个卡券码已经核销过了。")
    String err_40099();

    @Message("有效期不正确：结束时间必须晚于开始时间。")
    String err_40100();

    @Message("卡券码不正确（例如新的码已被使用）。")
    String err_40116();

    @Message("库存数量不正确：不能小于 0，也不能超过 1 亿。")
    String err_40122();

    @Message("会员卡的自定义字段超出了数量限制。")
    String err_40124();

    @Message("AppSecret 不正确。")
    String err_40125();

    @Message("卡券码已被用户删除、正在转赠中，或已被设为失效。")
    String err_40127();

    @Message("卡券参数不正确。")
    String err_40150();

    @Message("调用方 IP 不在公众号的 IP 白名单中。")
    String err_40164();

    @Message("AppSecret 已被冻结。")
    String err_40243();

    @Message("缺少访问令牌。这是 Kaquan 的问题，请联系我们。")
    String err_41001();

    @Message("缺少 AppID。")
    String err_41002();

    @Message("缺少 AppSecret。")
    String err_41004();

    @Message("没有收到上传的文件。")
    String err_41005();

    @Message("缺少必填字段。")
    String err_41011();

    @Message("缺少卡券 ID。")
    String err_41012();

    @Message("访问令牌已过期。Kaquan 会自动重新获取。")
    String err_42001();

    @Message("微信要求使用 GET 请求。这是 Kaquan 的问题，请联系我们。")
    String err_43001();

    @Message("微信要求使用 POST 请求。这是 Kaquan 的问题，请联系我们。")
    String err_43002();

    @Message("微信要求使用 HTTPS。请检查微信接口地址的配置。")
    String err_43003();

    @Message("公众号没有开通微信支付或「买单」权限。")
    String err_43008();

    @Message("公众号没有自定义卡券码的权限。")
    String err_43009();

    @Message("公众号没有储值权限。")
    String err_43010();

    @Message("请求内容为空。")
    String err_44002();

    @Message("这个接口今天的调用次数已用完，北京时间 0 点后恢复。")
    String err_45009();

    @Message("调用太频繁，请一分钟后再试。")
    String err_45011();

    @Message("有字段超过了长度限制。")
    String err_45021();

    @Message("这张卡券不能通过接口管理（可能由其他公众号或平台创建）。")
    String err_45030();

    @Message("库存为 0。")
    String err_45031();

    @Message("用户领取这张卡券的次数已达上限。")
    String err_45033();

    @Message("自助核销和「买单」不能同时开启。")
    String err_45046();

    @Message("数据格式不正确。")
    String err_47001();

    @Message("公众号没有这个接口的权限（例如没有开通卡券功能，或公众号未认证）。")
    String err_48001();

    @Message("这个接口因违规被禁止使用。")
    String err_48004();

    @Message("本月的调用次数清零机会已用完（每月 10 次）。")
    String err_48006();

    @Message("用户没有授权这个接口。")
    String err_50001();

    @Message("公众号被限制或冻结。")
    String err_50002();

    @Message("公众号被禁止获取访问令牌。")
    String err_50004();

    @Message("公众号已被冻结。")
    String err_50007();

    @Message("公众号已取消对第三方平台的授权，需要管理员重新授权。")
    String err_61003();

    @Message("调用方 IP 没有登记在 IP 白名单中。")
    String err_61004();

    @Message("第三方平台的 component_verify_ticket 已过期，正在等待微信推送新的 ticket。")
    String err_61005();

    @Message("还没有收到微信推送的 component_verify_ticket（每 10 分钟一次），请稍后再试。")
    String err_61006();

    @Message("公众号没有把「微信卡券」权限授权给第三方平台，需要管理员重新授权并勾选它。")
    String err_61007();

    @Message("授权码无效或已经用过，请重新发起授权。")
    String err_61009();

    @Message("授权码已过期，请重新发起授权。")
    String err_61010();

    @Message("授权已失效（刷新令牌无效），需要管理员重新授权。")
    String err_61023();

    @Message("日期格式不正确，应为 YYYY-MM-DD。")
    String err_61500();

    @Message("日期范围不正确：最多 62 天，且最晚只能到昨天。")
    String err_61501();

    @Message("接口路径的格式不正确。")
    String err_76003();

    @Message("找不到这个接口路径。")
    String err_76021();

    @Message("没有权限查询这个接口路径。")
    String err_76022();

    @Message("这个 IP 正在等待公众号管理员确认。")
    String err_89501();

    @Message("这次调用需要公众号管理员在微信中确认。")
    String err_89503();

    @Message("公众号管理员在 24 小时内两次拒绝了这个 IP 的调用，24 小时内不能再用它调用。")
    String err_89506();

    @Message("公众号管理员在 1 小时内拒绝了这个 IP 的调用，1 小时内不能再用它调用。")
    String err_89507();

    // Variants, failures without an errcode, and what to do

    @Message("AppSecret 不正确，或者不属于这个 AppID。")
    String err_40001_token();

    @Message("调用方 IP {ip} 不在公众号的 IP 白名单中。")
    String err_40164_ip(String ip);

    @Message("微信返回了错误 {errcode}：{errmsg}")
    String errOther(int errcode, String errmsg);

    @Message("无法连接微信服务器（{host}）。请检查网络后重试。")
    String unreachable(String host);

    @Message("微信服务器没有及时回应。")
    String noAnswer();

    @Message("微信服务器没有及时回应，这次操作可能已经生效，也可能没有。请先刷新查看结果，再决定是否重做。")
    String noAnswerUncertain();

    @Message("微信拒绝了刚刚重新获取的访问令牌。为避免反复获取令牌，Kaquan 一分钟内不再重新获取，请稍后再试。")
    String tokenRefusedAgain();

    @Message("已暂停调用微信接口：{problem}")
    String stopped(String problem);

    @Message("请在微信公众平台「设置与开发 › 基本配置」中查看或重置 AppSecret，然后在「设置 › 凭据」中更换。更换后自动恢复调用。")
    String fixAppsecret();

    @Message("请确认这个公众号的 AppID 是否正确。AppID 不能修改；如果填错了，请重新接入公众号。")
    String fixAppid();

    @Message("请在微信公众平台「设置与开发 › 基本配置 › IP白名单」中加入 {ip}，然后点击「重试」。")
    String fixIpWhitelist(String ip);

    @Message("请在微信公众平台「设置与开发 › 基本配置 › IP白名单」中加入 Kaquan 服务器的出口 IP，然后点击「重试」。")
    String fixIpWhitelistUnknownIp();

    @Message("请公众号管理员在微信公众平台解冻或重置 AppSecret，然后在「设置 › 凭据」中更换。")
    String fixAppsecretFrozen();

    @Message("请在微信公众平台开通「卡券功能」（公众号需要完成微信认证），开通后点击「重试」。")
    String fixCardPermission();

    @Message("公众号或这个接口被微信限制了。请登录微信公众平台查看通知并处理，处理完成后点击「重试」。")
    String fixAccountRestricted();

    @Message("请公众号管理员在微信中确认来自 Kaquan 服务器的调用，然后点击「重试」。")
    String fixAdminConfirmation();

    @Message("这是 Kaquan 的配置问题，请联系我们。")
    String fixContactUs();

    @Message("处理完成后点击「重试」。")
    String fixThenRetry();

    // Token modes: {wechatMsg:tokenMode(mode)} and {wechatMsg:tokenModeHelp(mode)}. Qute words each constant from the
    // keys tokenMode_CONSTANT and tokenModeHelp_CONSTANT in wechatMsg_zh-CN.properties and wechatMsg_en.properties.

    @Message
    String tokenMode(TokenMode mode);

    @Message
    String tokenModeHelp(TokenMode mode);
}
