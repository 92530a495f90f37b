package io.kaquan.tenant;

/** How an authorized tenant's authorization stands; in words through {@link AuthorizationMsg#authorizationState}. */
public enum AuthorizationState {
    /** Tokens come from the platform. */
    CONNECTED,
    /** The administrator revoked the authorization (unauthorized). */
    REVOKED,
    /** WeChat refused the refresh token and nothing recovered one. */
    LOST;

    /** Only a new authorization by the account's administrator helps. */
    public boolean needsAuthorization() {
        return this != CONNECTED;
    }
}
