package io.kaquan.wechat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * Every tenant's access token, on two levels: a map in memory (the hot path: no I/O) over the {@code access_token}
 * table that all nodes share.
 * <ul>
 * <li><b>Once per expiry.</b> A refresh takes the tenant's lock in this JVM, then the tenant's PostgreSQL advisory
 * lock, re-reads the stored token and calls WeChat only if that one is still stale: however many threads and nodes
 * ask at once, one token request goes out.</li>
 * <li><b>Ahead of expiry.</b> Past its refresh point a token is still handed out while a background refresh replaces
 * it, so callers rarely wait.</li>
 * <li><b>Compare, then expire.</b> A token WeChat refused (40001/40014/42001) is replaced only if it is still the
 * current one; a token that someone else replaced is simply swapped for the new one, without calling WeChat.</li>
 * <li><b>No loop.</b> A token renewed after a refusal that is refused again soon after is not renewed again before
 * {@code kaquan.wechat.renewal-guard} has passed.</li>
 * <li><b>Stopped is cheap.</b> Until then the tenant's calls fail from memory: no call with the refused token, no wait
 * for the refresh lock, no database transaction.</li>
 * </ul>
 */
@ApplicationScoped
public class TokenBroker {

    /** The first key of the two-key advisory lock: this broker's lock space ("kq" + 1); the second is the tenant. */
    static final int LOCK_SPACE = 0x6b71_0001;

    /** A token in memory, with what a call needs besides it. */
    record Lease(String token, TokenMode kind, URI apiBase, Instant obtainedAt, Instant expiresAt,
            boolean renewedAfterRefusal, Instant refreshAt, Instant usableUntil) {

        static Lease of(AccessToken row, String token, URI apiBase, Duration refreshAhead) {
            return of(token, row.kind, apiBase, row.obtainedAt, row.expiresAt, row.renewedAfterRefusal,
                    refreshAhead);
        }

        static Lease of(String token, TokenMode kind, URI apiBase, Instant obtainedAt, Instant expiresAt,
                boolean renewedAfterRefusal, Duration refreshAhead) {
            Duration life = Duration.between(obtainedAt, expiresAt);
            // Inside WeChat's rotation window (its last 5 minutes; half the life of very short sandbox tokens).
            Duration ahead = min(refreshAhead, life.dividedBy(4));
            Duration margin = min(Duration.ofSeconds(30), life.dividedBy(10));
            return new Lease(token, kind, apiBase, obtainedAt, expiresAt, renewedAfterRefusal, expiresAt.minus(ahead),
                    expiresAt.minus(margin));
        }

        /** Later refresh attempts after a failed background refresh, so that a failure does not cause a storm. */
        Lease postponed(Instant refreshAt) {
            return new Lease(token, kind, apiBase, obtainedAt, expiresAt, renewedAfterRefusal,
                    refreshAt.isBefore(usableUntil) ? refreshAt : usableUntil, usableUntil);
        }

        @Override
        public String toString() {
            return "Lease[" + kind + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** The token WeChat refused and why. */
    record Refusal(String token, WeChatApi api, int errcode, String errmsg) {
    }

    /** The outcome of a refresh transaction: committed in both cases, thrown after; a halt when the guard stopped it. */
    private record Outcome(Lease lease, WeChatException failure, Halt halt) {

        static Outcome of(Lease lease) {
            return new Outcome(lease, null, null);
        }

        static Outcome failed(WeChatException failure) {
            return new Outcome(null, failure, null);
        }
    }

    /** A renewed token refused again: until the renewal guard ends, the tenant's calls fail here, from memory. */
    private record Halt(String refusedToken, WeChatApi api, int errcode, String errmsg, Instant until) {

        WeChatException failure() {
            return WeChatException.tokenRefusedAgain(api, errcode, errmsg);
        }
    }

    private final Map<Long, Lease> leases = new ConcurrentHashMap<>();
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Set<Long> renewing = ConcurrentHashMap.newKeySet();
    private final Map<Long, Halt> halts = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "kaquan-token-refresh");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    WeChatConfig config;

    @Inject
    WeChatAccounts accounts;

    @Inject
    TokenSeal seal;

    @Inject
    ApiClients clients;

    @Inject
    TokenIssuer issuer;

    @Inject
    ApiQuotas quotas;

    @Inject
    CredentialGuard guard;

    @Inject
    RefreshPermits permits;

    @Inject
    EntityManager em;

    /**
     * A usable token of the tenant: from memory when fresh (no I/O), else refreshed.
     *
     * @throws WeChatException STOPPED, from memory, while the renewal guard holds the tenant
     */
    Lease lease(long tenantId) {
        Instant now = Instant.now();
        checkNotHalted(tenantId, null, now);
        Lease lease = leases.get(tenantId);
        if (lease != null && now.isBefore(lease.refreshAt)) {
            return lease;
        }
        if (lease != null && now.isBefore(lease.usableUntil)) {
            renewInBackground(tenantId);
            return lease;
        }
        return refresh(tenantId, null, false);
    }

    /**
     * A replacement for a token WeChat refused; the same lease if someone replaced it meanwhile.
     *
     * @throws WeChatException the refusal itself (STOPPED) when a renewed token was refused again within the guard
     */
    Lease renewAfterRefusal(long tenantId, Refusal refusal) {
        return refresh(tenantId, refusal, false);
    }

    /** A token fetched from WeChat now, whatever is stored: a user asked whether WeChat accepts the credentials. */
    Lease fetchNow(long tenantId) {
        return refresh(tenantId, null, true);
    }

    /**
     * Refreshes the tenant's token now, in the caller's thread, if it is past its refresh point (the scheduled upkeep,
     * {@link TokenUpkeep}); a fresh one, or one another node just refreshed, is kept. Same single flight as any refresh.
     */
    Lease refreshIfDue(long tenantId) {
        return refresh(tenantId, null, false);
    }

    /** Forgets the tenant's token on this node (its credentials or token mode changed). */
    void forget(long tenantId) {
        leases.remove(tenantId);
        halts.remove(tenantId);
    }

    /**
     * Fails at once while the tenant is halted: any lookup ({@code refusal} null), or a refusal of the token that was
     * refused again (a call that was already under way); a refusal of another token is a new question.
     */
    private void checkNotHalted(long tenantId, Refusal refusal, Instant now) {
        Halt halt = halts.get(tenantId);
        if (halt == null) {
            return;
        }
        if (!now.isBefore(halt.until)) {
            halts.remove(tenantId, halt); // the guard ended: the next refusal may renew again
            return;
        }
        if (refusal == null || refusal.token.equals(halt.refusedToken)) {
            throw halt.failure();
        }
    }

    private Lease refresh(long tenantId, Refusal refusal, boolean fetch) {
        if (!fetch) {
            checkNotHalted(tenantId, refusal, Instant.now()); // before the lock: a halted tenant makes nobody wait
        }
        ReentrantLock lock = locks.computeIfAbsent(tenantId, id -> new ReentrantLock());
        lock.lock();
        try {
            Lease current = leases.get(tenantId);
            if (!fetch && current != null && stillGood(current, refusal, Instant.now())) {
                return current; // another thread of this node refreshed it while we waited
            }
            Outcome outcome;
            AtomicReference<Outcome> reached = new AtomicReference<>();
            permits.acquire(); // before the transaction takes a connection
            try {
                outcome = QuarkusTransaction.requiringNew().call(() -> {
                    reached.set(refreshLocked(tenantId, refusal, fetch));
                    return reached.get();
                });
            } catch (QuarkusTransactionException e) {
                if (reached.get() == null || reached.get().failure == null) {
                    throw e;
                }
                // WeChat's failure is what the user must hear; the commit only lost its call count.
                Log.warnf(e, "Tenant %d: storing the outcome of a failed token fetch failed", tenantId);
                reached.get().failure.addSuppressed(e);
                outcome = reached.get();
            } finally {
                permits.release();
            }
            if (outcome.halt != null) {
                halts.put(tenantId, outcome.halt);
            }
            if (outcome.failure != null) {
                throw outcome.failure;
            }
            leases.put(tenantId, outcome.lease);
            halts.remove(tenantId); // a new token (a user's retry) ends a halt
            return outcome.lease;
        } finally {
            lock.unlock();
        }
    }

    /** A fresh lease needs no refresh; after a refusal, any other token that is still usable will do. */
    private static boolean stillGood(Lease lease, Refusal refusal, Instant now) {
        return refusal == null ? now.isBefore(lease.refreshAt)
                : !lease.token.equals(refusal.token) && now.isBefore(lease.usableUntil);
    }

    /**
     * Inside the tenant's advisory lock: adopt what another node stored, or fetch and store a new token ({@code fetch}:
     * always fetch).
     */
    private Outcome refreshLocked(long tenantId, Refusal refusal, boolean fetch) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)").setParameter(1, LOCK_SPACE)
                .setParameter(2, (int) tenantId).getSingleResult(); // ids beyond 2^31 only share a lock, harmlessly
        WeChatAccount account = accounts.find(tenantId)
                .orElseThrow(() -> new IllegalArgumentException("No tenant " + tenantId));
        URI base = clients.apiBase(account.sandbox(), account.apiBaseUrl());
        WeChatApi api = account.tokenMode().api();
        CredentialProblem problem = CredentialProblem.ofTenant(tenantId).orElse(null);
        if (problem != null) {
            guard.remember(problem);
            return Outcome.failed(WeChatException.stopped(api, problem.errcode, problem.errmsg));
        }
        Instant now = Instant.now();
        AccessToken stored = AccessToken.ofTenant(tenantId).orElse(null);
        String storedToken = stored == null ? null : openOrNull(stored); // unsealed here only, not per call
        if (stored != null && storedToken == null) {
            stored = null; // not sealed for this tenant: never used, replaced by a fresh token below
        }
        if (!fetch && stored != null && stored.kind == account.tokenMode()) {
            Lease lease = Lease.of(stored, storedToken, base, config.refreshAhead());
            if (stillGood(lease, refusal, now)) {
                return Outcome.of(lease); // another node refreshed it
            }
            if (refusal != null && storedToken.equals(refusal.token) && stored.renewedAfterRefusal
                    && stored.obtainedAt.plus(config.renewalGuard()).isAfter(now)) {
                Log.warnf("Tenant %d: WeChat refused the token renewed at %s too (%d); not renewing it again yet",
                        tenantId, stored.obtainedAt, refusal.errcode);
                Halt halt = new Halt(storedToken, refusal.api, refusal.errcode, refusal.errmsg,
                        stored.obtainedAt.plus(config.renewalGuard()));
                return new Outcome(null, halt.failure(), halt);
            }
        }
        try {
            quotas.checkOpen(tenantId, api); // the token API may be used up for the day too
            TokenIssuer.Grant grant = issuer.fetch(account, base, refusal == null ? null : refusal.token,
                    errcode -> quotas.countHere(tenantId, api, errcode)); // in this transaction: no second connection
            boolean unchanged = storedToken != null && storedToken.equals(grant.accessToken());
            // On /q/metrics: "unchanged" fetches brought back the token already held (WeChat had not rotated it yet).
            Metrics.counter("kaquan.wechat.token.fetches", "mode", grant.kind().name(), "result",
                    unchanged ? "unchanged" : "new").increment();
            AccessToken row = AccessToken.store(seal, tenantId, grant.kind(), grant.accessToken(), now, grant.expiresIn(),
                    refusal != null);
            Log.debugf("Tenant %d: new %s token, expires in %d s", Long.valueOf(tenantId), grant.kind(),
                    Long.valueOf(grant.expiresIn()));
            return Outcome.of(Lease.of(row, grant.accessToken(), base, config.refreshAhead()));
        } catch (WeChatException e) {
            Metrics.counter("kaquan.wechat.token.fetches", "mode", account.tokenMode().name(), "result", "failed").increment();
            if (e.kind() == WeChatException.Kind.REFUSED && e.credentialProblem()) {
                guard.record(tenantId, e, true);
            } else if (e.kind() == WeChatException.Kind.REFUSED) {
                quotas.refused(tenantId, api, e.errcode(), e.errmsg(), true);
            }
            return Outcome.failed(e);
        }
    }

    private String openOrNull(AccessToken stored) {
        try {
            return stored.token(seal);
        } catch (IllegalStateException e) {
            Log.warnf("Tenant %d: the stored access token does not open for this tenant; fetching a new one",
                    stored.tenantId);
            return null;
        }
    }

    private void renewInBackground(long tenantId) {
        if (!renewing.add(tenantId)) {
            return;
        }
        background.execute(() -> {
            try {
                refresh(tenantId, null, false);
            } catch (RuntimeException e) {
                Log.warnf("Tenant %d: refreshing the token ahead of expiry failed (%s); trying again later", tenantId,
                        e.getMessage());
                leases.computeIfPresent(tenantId,
                        (id, lease) -> lease.postponed(Instant.now().plus(config.renewalGuard().dividedBy(2))));
            } finally {
                renewing.remove(tenantId);
            }
        });
    }

    /** Lets refreshes under way finish (a call WeChat answered should be stored), then stops. */
    @PreDestroy
    void stop() {
        background.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background.shutdownNow();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
