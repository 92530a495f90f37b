package io.kaquan.wechat;

import java.util.Optional;

/**
 * Where the gateway finds a tenant's account. Implemented by the tenant package (which owns the encrypted credentials),
 * so that this package depends on nothing above it.
 */
public interface WeChatAccounts {

    /** The tenant's account with its secret decrypted, or empty when there is no such tenant. */
    Optional<WeChatAccount> find(long tenantId);

    /**
     * WeChat returned another authorizer refresh token than the one held (AUTHORIZED accounts): keep the new one, in
     * a transaction of its own, committed before this returns: WeChat already dropped the old one, so a refresh
     * transaction that fails to commit afterwards (its access token lost) must not lose this too. Called inside the
     * token refresh's transaction, which holds no lock on the tenant's row (only its advisory lock, and key-share
     * locks of rows that reference the tenant, which an update of the tenant's other columns does not wait for).
     */
    default void refreshTokenChanged(long tenantId, String refreshToken) {
    }

    /**
     * WeChat refused the held refresh token, and the authorizer's info or list gave the current one, which worked:
     * keep it (and record that it was recovered), in a transaction of its own like {@link #refreshTokenChanged}.
     */
    default void refreshTokenRecovered(long tenantId, String refreshToken) {
    }

    /**
     * WeChat refused the refresh token and nothing recovered a working one: only a new authorization helps. Called
     * inside the token refresh's transaction, which commits before the refusal is thrown.
     */
    default void authorizationLost(long tenantId, int errcode) {
    }
}
