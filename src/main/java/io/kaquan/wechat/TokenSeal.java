package io.kaquan.wechat;

/**
 * Seals access tokens at rest, each bound to its tenant: a sealed token copied into another tenant's row does not open.
 * Implemented by the tenant package, which holds the master key, so that this package depends on nothing above it.
 */
public interface TokenSeal {

    String seal(long tenantId, String token);

    /** @throws IllegalStateException when the value was not sealed for this tenant (or the master key differs) */
    String open(long tenantId, String sealed);
}
