package io.kaquan.tenant;

import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.wechat.CallState;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of the account (tenant), member and audit pages. Chinese here, English in tenantMsg_en. Long because a message
 * bundle has one method per text.
 */
@MessageBundle(value = "tenantMsg", locale = "zh-CN")
public interface TenantMsg {

    // Home

    @Message("我的公众号")
    String homeTitle();

    @Message("您还没有接入任何公众号。接入一个真实公众号，或者先用沙箱账号体验全部功能。")
    String homeEmpty();

    @Message("接入公众号")
    String registerAction();

    @Message("沙箱账号")
    String healthSandbox();

    @Message("正式账号")
    String healthReal();

    @Message("回调已验证")
    String healthCallbackVerified();

    @Message("回调未验证")
    String healthCallbackNotVerified();

    @Message("{count} 名成员")
    String healthMembers(long count);

    @Message("您的角色：{role}")
    String yourRole(String role);

    // Enums in words: Qute's enum messages, the words per constant in tenantMsg_zh-CN and tenantMsg_en

    @Message
    String role(Role role);

    @Message
    String roleHelp(Role role);

    @Message
    String mode(MessageMode mode);

    /** What an audit entry records, in words (never the stored code). */
    @Message
    String action(AuditAction action);

    @Message("{label}：{value}")
    String auditDetailLine(String label, String value);

    @Message("其他操作")
    String auditOtherAction();

    /** The name of a known key of an audit entry's details. */
    @Message
    String detail(AuditDetail detail);

    /** The outcome of a WeChat call, in an audit entry's details. */
    @Message
    String callState(CallState state);

    // Registration form

    @Message("接入公众号")
    String newTitle();

    @Message("在微信公众平台的「设置与开发 › 基本配置」中可以找到以下信息。")
    String newIntro();

    @Message("名称")
    String fieldDisplayName();

    @Message("在 Kaquan 中显示的名称，例如门店或品牌名。")
    String fieldDisplayNameHelp();

    @Message("AppID（开发者ID）")
    String fieldAppid();

    @Message("wx 开头，后跟 16 位十六进制字符。")
    String fieldAppidHelp();

    @Message("AppSecret（开发者密码）")
    String fieldAppsecret();

    @Message("32 位字母或数字。保存后加密存储，不再显示。")
    String fieldAppsecretHelp();

    @Message("原始ID")
    String fieldOriginalId();

    @Message("gh_ 开头，后跟 12 位十六进制字符；微信推送事件时用它标识公众号。")
    String fieldOriginalIdHelp();

    @Message("消息加解密方式")
    String fieldMessageMode();

    @Message("令牌（Token）")
    String fieldCallbackToken();

    @Message("3–32 位字母或数字；留空则自动生成。")
    String fieldCallbackTokenHelp();

    @Message("消息加解密密钥（EncodingAESKey）")
    String fieldAesKey();

    @Message("43 位字母或数字；留空则自动生成。")
    String fieldAesKeyHelp();

    @Message("沙箱账号")
    String fieldSandbox();

    @Message("使用内置的微信沙箱试用 Kaquan，无需真实公众号；AppID、AppSecret 和原始ID 可留空，将自动生成。")
    String fieldSandboxHelp();

    // Validation

    @Message("请填写名称。")
    String errDisplayNameRequired();

    @Message("名称最多 64 个字符。")
    String errDisplayNameTooLong();

    @Message("AppID 应为 wx 加 16 位十六进制字符，例如 wx1234567890abcdef。")
    String errAppid();

    @Message("wxsbx 与 gh_sbx 开头的编号属于沙箱：请勾选“沙箱账号”，或填写真实公众号的 AppID 和原始ID。")
    String errSandboxNamespace();

    @Message("AppSecret 应为 32 位字母或数字。")
    String errAppsecret();

    @Message("原始ID 应为 gh_ 加 12 位十六进制字符，例如 gh_0123456789ab。")
    String errOriginalId();

    @Message("请选择消息加解密方式。")
    String errMessageMode();

    @Message("令牌应为 3–32 位字母或数字。")
    String errCallbackToken();

    @Message("EncodingAESKey 应为 43 位字母或数字。")
    String errAesKey();

    @Message("该 AppID 已在 Kaquan 中接入。")
    String errAppidTaken();

    @Message("该原始ID 已在 Kaquan 中接入。")
    String errOriginalIdTaken();

    // Results

    @Message("已接入公众号「{name}」。请把下面的服务器配置填写到微信公众平台。")
    String registered(String name);

    @Message("设置已保存。")
    String settingsSaved();

    @Message("AppSecret 已更换。")
    String appsecretReplaced();

    @Message("令牌已更换，请同步修改微信公众平台中的配置。")
    String callbackTokenReplaced();

    @Message("EncodingAESKey 已更换，请同步修改微信公众平台中的配置。旧密钥在 {hours} 小时内仍然有效。")
    String aesKeyReplaced(long hours);

    // Overview and settings

    @Message("概览")
    String overviewTitle();

    @Message("服务器配置")
    String callbackTitle();

    @Message("把以下内容填写到微信公众平台「设置与开发 › 基本配置 › 服务器配置」，然后点击「提交」：微信会向该地址发送验证请求。")
    String callbackIntro();

    @Message("服务器地址（URL）")
    String callbackUrl();

    @Message("以下密钥只显示这一次，请现在复制。")
    String revealOnce();

    @Message("已保存（已隐藏）")
    String masked();

    @Message("更换")
    String replace();

    @Message("新的 AppSecret")
    String newAppsecret();

    @Message("新的令牌（留空自动生成）")
    String newCallbackToken();

    @Message("新的 EncodingAESKey（留空自动生成）")
    String newAesKey();

    @Message("基本信息")
    String basicsTitle();

    @Message("凭据")
    String credentialsTitle();

    @Message("凭据和密钥加密存储，保存后不再显示。更换后旧值立即失效（EncodingAESKey 的旧值在短时间内仍可解密推送）。")
    String credentialsIntro();

    @Message("只有所有者可以修改设置。")
    String ownersOnly();

    @Message("复制")
    String copy();

    @Message("已复制")
    String copied();

    @Message("令牌（Token）")
    String copyTokenLabel();

    @Message("这是沙箱账号：沙箱已经按这里的地址、令牌和 EncodingAESKey 向 Kaquan 推送事件，无需在微信公众平台填写任何内容。")
    String sandboxConnected();

    @Message("沙箱的推送会自动证明回调可用；还没有收到推送时，可以发送一条测试推送。")
    String sandboxProvenByPushes();

    @Message("已收到沙箱的推送")
    String sandboxCallbackProven();

    @Message("尚未收到沙箱的推送")
    String sandboxCallbackWaiting();

    @Message("打开沙箱控制台")
    String sandboxConsoleLink();

    @Message("发送测试推送")
    String testPush();

    @Message("让沙箱向上面的地址推送一条测试事件，确认 Kaquan 能收到并解密。")
    String testPushHelp();

    @Message("如何确认回调可用：在微信公众平台「服务器配置」中点击「提交」（或修改配置后「启用」），微信会向该地址发送验证请求；验证成功后，这里会显示验证时间。之后每收到一条推送，也会更新这里的状态。")
    String testPushRealAccount();

    @Message("微信无法从互联网访问这个地址（它指向本机或内网）。请在配置中设置公开地址 kaquan.tenant.public-url，或通过反向代理把 Kaquan 发布到公网。")
    String addressPrivate();

    @Message("微信只会访问 80 或 443 端口，这个地址的端口收不到推送。请通过 80/443 端口发布 Kaquan。")
    String addressWrongPort();

    @Message("这个地址使用 http，推送在网络上不加密传输。建议改用 https（443 端口）。")
    String addressPlainHttp();

    @Message("回调验证时间")
    String callbackVerifiedAt();

    @Message("尚未收到微信的验证请求")
    String callbackNeverVerified();

    @Message("接入时间")
    String createdAt();

    // Members

    @Message("成员")
    String membersTitle();

    @Message("邀请成员")
    String inviteTitle();

    @Message("输入同事的邮箱，再把邀请链接发给对方：对方登录后打开链接并接受即可加入。邮箱经身份提供方验证的同事首次登录时也会自动加入。")
    String inviteIntro();

    @Message("邮箱")
    String fieldEmail();

    @Message("角色")
    String fieldRole();

    @Message("邀请")
    String inviteAction();

    @Message("请输入有效的邮箱地址。")
    String errEmail();

    @Message("请选择角色。")
    String errRole();

    @Message("{who} 已经是成员。")
    String errAlreadyMember(String who);

    @Message("已邀请 {who}。请把下方“待接受的邀请”中的邀请链接发给对方。")
    String invitationCreated(String who);

    @Message("原始ID 归属")
    String originalIdState();

    @Message("已证实：微信的服务器验证或推送证明此原始ID 属于本账号（{time}）。")
    String originalIdVerified(String time);

    @Message("尚未证实。在微信公众平台完成服务器配置验证或收到第一条推送后即证实；在此之前，别人也可以登记这个原始ID，先证实的一方生效。")
    String originalIdProvisional();

    @Message("另一个 Kaquan 账号已证实拥有此原始ID，本账号收不到它的推送。请核对原始ID 是否填写正确。")
    String originalIdTakenByAnother();

    @Message("邀请链接")
    String invitationLink();

    @Message("链接可让任何登录者加入，请只发给受邀人。")
    String invitationLinkHint();

    @Message("加入 {tenant}")
    String invitationTitle(String tenant);

    @Message("{inviter} 邀请您以“{role}”身份加入公众号 {tenant}。")
    String invitationText(String inviter, String role, String tenant);

    @Message("接受邀请")
    String acceptInvitation();

    @Message("您已加入 {tenant}。")
    String invitationAccepted(String tenant);

    @Message("您已经是 {tenant} 的成员。")
    String invitationAlreadyMember(String tenant);

    @Message("已更新 {who} 的角色。")
    String roleChanged(String who);

    @Message("已移除成员 {who}。")
    String memberRemoved(String who);

    @Message("已撤销对 {email} 的邀请。")
    String invitationCancelled(String email);

    @Message("公众号至少需要一名所有者。请先指定另一名所有者。")
    String errLastOwner();

    @Message("待接受的邀请")
    String pendingInvitations();

    @Message("移除")
    String remove();

    @Message("移除 {who} 后，他将不能再打开这个公众号的任何页面（可以再次邀请）。确定移除吗？")
    String removeConfirm(String who);

    @Message("确定移除")
    String removeConfirmed();

    @Message("撤销")
    String cancelInvitation();

    @Message("修改角色")
    String changeRole();

    @Message("（您）")
    String you();

    @Message("加入时间")
    String joinedAt();

    @Message("邀请时间")
    String invitedAt();

    @Message("有效期至")
    String invitationValidUntil();

    @Message("已过期，请撤销后重新邀请")
    String invitationExpired();

    // Audit log

    @Message("操作日志")
    String auditTitle();

    @Message("时间")
    String auditWhen();

    @Message("操作人")
    String auditWho();

    @Message("操作")
    String auditWhat();

    @Message("对象")
    String auditTarget();

    @Message("详情")
    String auditDetails();

    @Message("系统")
    String auditSystem();

    @Message("暂无记录。")
    String auditEmpty();

    // WeChat checks at registration and on a new secret

    @Message("微信不认识这个 AppID（错误码 40013）。请检查是否填写正确。")
    String errWeChatAppid();

    @Message("微信拒绝了这个 AppSecret（错误码 {errcode}）。请在微信公众平台「设置与开发 › 基本配置」中核对或重置后重新填写。")
    String errWeChatAppsecret(int errcode);

    @Message("微信拒绝了来自 Kaquan 服务器（IP {ip}）的调用。请先在微信公众平台的 IP 白名单中加入 {ip}，再提交。")
    String errWeChatIp(String ip);

    @Message("无法向微信核对 AppID 和 AppSecret：{reason}")
    String errWeChatCheck(String reason);

    @Message("无法在内置沙箱中创建这个账号。请把 AppID、AppSecret 和原始ID 留空让 Kaquan 生成，或确认沙箱已开启。")
    String errSandboxUnavailable();

    // WeChat health: token, credential problem, calls today

    @Message("微信接口")
    String wechatTitle();

    @Message("正常")
    String wechatOk();

    @Message("已暂停")
    String wechatPaused();

    @Message("有接口额度用完")
    String wechatQuotaExhausted();

    @Message("令牌获取方式")
    String tokenModeLabel();

    @Message("上次获取令牌")
    String tokenLastRefresh();

    @Message("令牌到期")
    String tokenExpiresAt();

    @Message("尚未获取（首次调用时自动获取）")
    String tokenNone();

    @Message("已过期（下次调用时自动重新获取）")
    String tokenExpired();

    @Message("已暂停调用微信接口")
    String problemTitle();

    @Message("{when}，微信拒绝了 {api} 的调用：")
    String problemIntro(String when, String api);

    @Message("怎么办：")
    String problemWhatToDo();

    @Message("微信看到的调用 IP")
    String problemIp();

    @Message("错误码 {errcode}")
    String problemErrcode(int errcode);

    @Message("重试")
    String retry();

    @Message("已恢复调用微信接口。")
    String retried();

    @Message("仍然失败：{message}")
    String retryFailed(String message);

    @Message("今日调用（北京时间）")
    String usageTitle();

    @Message("接口")
    String usageApi();

    @Message("调用次数")
    String usageCalls();

    @Message("失败")
    String usageFailures();

    @Message("每日额度")
    String usageQuota();

    @Message("最近错误")
    String usageLastError();

    @Message("今天还没有调用微信接口。")
    String usageNone();

    @Message("微信未公开")
    String quotaUnpublished();

    @Message("已用 {percent}%（共 {quota} 次）")
    String quotaUse(int percent, int quota);

    @Message("今日额度已用完，北京时间 0 点后恢复")
    String quotaExhausted();

    @Message("令牌获取方式已改为「{mode}」。")
    String tokenModeChanged(String mode);

    @Message("请选择令牌获取方式。")
    String errTokenMode();

    @Message("修改")
    String changeTokenMode();

    // Tags (the cross-account overview groups accounts by them)

    @Message("标签“{tag}”太长：最多 {max} 个字。")
    String tagTooLong(String tag, int max);

    @Message("一个公众号最多 {max} 个标签。")
    String tooManyTags(int max);

    @Message("{name} 的标签已保存：{tags}。")
    String tagsSaved(String name, String tags);

    @Message("{name} 的标签已清空。")
    String tagsCleared(String name);

    @Message("这个公众号通过第三方平台授权接入：没有 AppSecret，令牌由平台获取。如需更换授权，请公众号管理员重新授权接入。")
    String errAuthorizedAccount();
}
