package io.kaquan.wechat;

/**
 * What the gateway needs to know about a tenant's official account: its credentials, its token mode and where its
 * API lives. Provided by the tenant package through {@link WeChatAccounts}.
 *
 * @param appsecret the AppSecret, or for {@link TokenMode#AUTHORIZED} accounts the authorizer refresh token
 * @param apiBaseUrl the API host of this account only (a proxy with a fixed outgoing IP, a test's stand-in); null
 *        for the default: WeChat, or the built-in sandbox for sandbox accounts
 */
public record WeChatAccount(long tenantId, String appid, String appsecret, boolean sandbox, TokenMode tokenMode,
        String apiBaseUrl) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WeChatAccount[tenant=" + tenantId + ", appid=" + appid + ", sandbox=" + sandbox + ", mode=" + tokenMode
                + "]";
    }
}
