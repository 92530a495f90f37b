package io.kaquan.wechat;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps the tokens of active tenants fresh ahead of expiry, for the scheduled token job ({@code io.kaquan.jobs}):
 * which tokens are due, and their refresh through the broker's single flight (one token call per expiry, whatever the
 * nodes, never a loop: a refused or stopped refresh just fails and is tried at the next sweep).
 */
@ApplicationScoped
public class TokenUpkeep {

    /** What one refresh did. */
    public enum Result {
        /** WeChat issued a token now. */
        FETCHED,
        /** Nothing to do: still fresh, or another node or thread had just refreshed it. */
        KEPT
    }

    @Inject
    TokenBroker broker;

    @Inject
    WeChatConfig config;

    @Inject
    EntityManager em;

    /**
     * Tenants whose stored token is past its refresh point (the broker's rule: {@code refresh-ahead} before expiry, a
     * quarter of its life for short tokens) or within {@code horizonSeconds} of it, that called a business API since
     * {@code activeSince}, and have no credential problem; soonest expiry first.
     */
    public List<Long> due(Instant activeSince, long horizonSeconds, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("""
                    select t.tenant_id from access_token t
                    where t.expires_at - least(cast(?1 as interval), (t.expires_at - t.obtained_at) / 4)
                              <= now() + cast(?2 as interval)
                      and exists (select 1 from api_usage u where u.tenant_id = t.tenant_id
                                  and u.api not in ('/cgi-bin/token', '/cgi-bin/stable_token')
                                  and u.last_call_at >= ?3)
                      and not exists (select 1 from credential_problem p where p.tenant_id = t.tenant_id)
                    order by t.expires_at limit ?4""")
                    .setParameter(1, config.refreshAhead().toSeconds() + " seconds")
                    .setParameter(2, horizonSeconds + " seconds").setParameter(3, activeSince)
                    .setParameter(4, limit).getResultList();
            return ids.stream().map(Number::longValue).toList();
        });
    }

    /**
     * Refreshes the tenant's token if it is past its refresh point.
     *
     * @throws WeChatException when WeChat refused or could not be asked (recorded by the broker as usual)
     */
    public Result refreshIfDue(long tenantId) {
        Instant before = obtainedAt(tenantId);
        // The shared row said "due": a copy in this node's memory that looks fresher is out of date (the row changed
        // behind it), so ask the broker from the row. Still one flight: the broker re-reads the row under its locks.
        broker.forget(tenantId);
        broker.refreshIfDue(tenantId);
        Instant after = obtainedAt(tenantId);
        return after != null && !after.equals(before) ? Result.FETCHED : Result.KEPT;
    }

    private Instant obtainedAt(long tenantId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AccessToken.ofTenant(tenantId).map(t -> t.obtainedAt).orElse(null));
    }
}
