package io.kaquan.sandbox;

/**
 * What the gate asks the open platform about the tokens it issues (§7). The open platform answers
 * (open.OpenPlatformGate): the gate is below the open platform and reads none of its tables.
 */
public interface OpenPlatformTokens {

    /** Inside a transaction: throws the WeChatError WeChat would answer when an authorizer token may not call that API. */
    void checkAuthorizer(SandboxToken token, String api);

    /** Inside a transaction: a working component token (WeChat answers 48001 when one is used on an account's API). */
    boolean isComponentToken(String token);
}
