package io.kaquan.sandbox;

/**
 * What the gate asks about an authorizer token (§7). The open platform answers it (open.OpenPlatformGate): the gate
 * is below the open platform and reads none of its tables.
 */
public interface AuthorizerTokens {

    /** Inside a transaction: throws the WeChatError WeChat would answer when the token may not call that API. */
    void check(SandboxToken token, String api);
}
