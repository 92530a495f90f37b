package io.kaquan.wechat;

/**
 * Seals access tokens at rest, each bound to its tenant: a sealed token copied into another tenant's row does not open.
 * Implemented by the tenant package, which holds the master key, so that this package depends on nothing above it.
 */
public interface TokenSeal {

    String seal(long tenantId, String token);

    /** @throws IllegalStateException when the value was not sealed for this tenant (or the master key differs) */
    String open(long tenantId, String sealed);

    /** Seals a wx_card api_ticket for the tenant (another purpose than its access token: the two do not swap). */
    String sealTicket(long tenantId, String ticket);

    /** @throws IllegalStateException when the value was not sealed as this tenant's ticket */
    String openTicket(long tenantId, String sealed);
}
