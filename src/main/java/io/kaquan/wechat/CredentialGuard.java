package io.kaquan.wechat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The per-tenant breaker for credential problems (§1.3, §1.4): once WeChat refuses a tenant's appid, secret, IP or
 * permission, no further call goes out for the tenant until its credentials change or a user retries, so a broken
 * account never turns into a storm of refused calls. The problem is stored (shown on the tenant page, seen by every
 * node that refreshes a token); in memory a node keeps it and looks again every few seconds whether it was cleared.
 */
@ApplicationScoped
class CredentialGuard {

    private record Known(int errcode, String errmsg, WeChatApi api, Instant checkedAt) {

        Known checked(Instant at) {
            return new Known(errcode, errmsg, api, at);
        }
    }

    private final Map<Long, Known> known = new ConcurrentHashMap<>();

    @Inject
    WeChatConfig config;

    @Inject
    EntityManager em;

    /** Throws a STOPPED exception while the tenant has a credential problem. */
    void checkOpen(long tenantId, WeChatApi api) {
        Known problem = known.get(tenantId);
        if (problem == null) {
            return;
        }
        Instant now = Instant.now();
        // Someone may have retried on another node: one caller looks; the others fail from memory meanwhile.
        Known checking = problem.checked(now);
        if (problem.checkedAt.plus(config.problemRecheck()).isBefore(now) && known.replace(tenantId, problem, checking)) {
            Optional<CredentialProblem> stored = QuarkusTransaction.requiringNew()
                    .call(() -> CredentialProblem.ofTenant(tenantId));
            if (stored.isEmpty()) {
                known.remove(tenantId, checking); // unless a new problem was recorded meanwhile
                return;
            }
            problem = remember(stored.get());
        }
        throw WeChatException.stopped(problem.api, problem.errcode, problem.errmsg);
    }

    /**
     * Stores the problem and stops the tenant: in a transaction of its own (the caller's may roll back with the
     * failure), or in the caller's when {@code here} (the token refresh, which commits its outcome).
     */
    void record(long tenantId, WeChatException e, boolean here) {
        Log.warnf("Tenant %d paused: WeChat refused its credentials on %s with %d %s", tenantId, e.api().path(),
                e.errcode(), e.errmsg());
        (here ? QuarkusTransaction.joiningExisting() : QuarkusTransaction.requiringNew()).run(() -> store(tenantId, e));
        known.put(tenantId, new Known(e.errcode(), e.errmsg(), e.api(), Instant.now()));
    }

    /** An upsert: two nodes may meet the problem at the same moment. */
    private void store(long tenantId, WeChatException e) {
        em.createNativeQuery("""
                insert into credential_problem (tenant_id, api, errcode, errmsg, seen_ip, detected_at)
                values (?1, ?2, ?3, ?4, cast(?5 as text), now())
                on conflict (tenant_id) do update set api = excluded.api, errcode = excluded.errcode,
                    errmsg = excluded.errmsg, seen_ip = excluded.seen_ip, detected_at = excluded.detected_at""")
                .setParameter(1, tenantId).setParameter(2, e.api().path()).setParameter(3, e.errcode())
                .setParameter(4, e.errmsg()).setParameter(5, e.ip()).executeUpdate();
    }

    /** Learns a stored problem (found while refreshing a token). */
    Known remember(CredentialProblem problem) {
        WeChatApi api = WeChatApi.byPath(problem.api);
        Known entry = new Known(problem.errcode, problem.errmsg, api == null ? WeChatApi.STABLE_TOKEN : api,
                Instant.now());
        known.put(problem.tenantId, entry);
        return entry;
    }

    /** Lets calls go out again (joining the caller's transaction). */
    void clear(long tenantId) {
        QuarkusTransaction.joiningExisting().run(() -> CredentialProblem.delete("tenantId", tenantId));
        known.remove(tenantId);
    }
}
