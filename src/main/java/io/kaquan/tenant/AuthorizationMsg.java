package io.kaquan.tenant;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Texts of an authorized tenant's settings (third-party platform): the authorizer, its permissions and how the
 * authorization stands. Chinese here and in authorizationMsg_zh-CN (enum words), English in authorizationMsg_en.
 */
@MessageBundle(value = "authorizationMsg", locale = "zh-CN")
public interface AuthorizationMsg {

    @Message("第三方平台授权")
    String authorizationTitle();

    @Message("这个公众号通过第三方平台授权接入：Kaquan 不保存它的 AppSecret，也不需要在公众平台配置服务器地址。令牌由第三方平台用授权刷新令牌获取，卡券事件由平台统一接收。")
    String authorizationIntro();

    @Message
    String authorizationState(AuthorizationState state);

    /** Why a new authorization is needed, per state (CONNECTED: nothing to say). */
    @Message
    String reauthorizeReason(AuthorizationState state);

    @Message("重新授权")
    String reauthorize();

    @Message("请公众号管理员用本团队所有者的账号发起重新授权；重新授权后，数据和设置都会保留。")
    String reauthorizeHow();

    @Message("只有所有者可以发起重新授权，请联系本公众号的所有者。")
    String reauthorizeOwnersOnly();

    @Message("公众号名称")
    String authorizerName();

    @Message("原始ID")
    String authorizerOriginalId();

    @Message("主体")
    String authorizerPrincipal();

    @Message("类型")
    String authorizerType();

    @Message("认证")
    String authorizerVerification();

    @Message("已授权的权限")
    String authorizerPermissions();

    @Message("授权状态")
    String authorizationStateLabel();

    @Message("授权方令牌上次刷新")
    String authorizerTokenRefreshed();

    @Message("还没有刷新过")
    String authorizerTokenNever();

    @Message("授权方")
    String authorizedVia();

    @Message("第三方平台 {appid}")
    String authorizedViaPlatform(String appid);

    @Message("授权没有包含「微信卡券」权限，卡券功能无法使用。请重新授权并勾选「微信卡券」。")
    String cardPermissionMissing();

    @Message
    String serviceType(ServiceType type);

    @Message
    String verification(Verification verification);

    @Message
    String permissionSet(PermissionSet set);

    @Message("权限集 {id}")
    String otherPermissionSet(int id);

    @Message("未知")
    String unknownValue();
}
