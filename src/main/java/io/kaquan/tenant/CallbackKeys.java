package io.kaquan.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The callback's routing in memory: an original id (a push's ToUserName) → the tenants claiming it, with their callback
 * token and EncodingAESKeys already unsealed, so that a push costs neither a database read nor an AES-GCM unseal.
 *
 * <p>
 * Freshness. On this node an entry is forgotten as soon as a tenant's callback settings change (token, key, mode,
 * authorization, a proven claim), and once more after that transaction ends, so that a push read in between cannot keep
 * the old values. Other nodes learn of a change by a short time to live ({@link TenantConfig#callbackKeysTtl()}) and
 * by the push itself: a push refused with cached values is checked again against the database at once
 * ({@link #reload}), so a new token or key works on every node with its first push; only the old one may still be taken
 * elsewhere for up to the TTL. A TTL rather than a version column: checking a version on every push costs the very
 * database round trip the cache saves, and the refusal path already covers the case that matters to the merchant.
 *
 * <p>
 * Only known original ids are kept (unknown ones are read each time, as before: anybody can send them), at most
 * {@link #MAX_ENTRIES}. Secrets stay out of {@code toString}, so no log line can print them.
 */
@ApplicationScoped
public class CallbackKeys {

    static final int MAX_ENTRIES = 20_000;

    @Inject
    SecretBox secretBox;

    @Inject
    TenantConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final ConcurrentHashMap<String, Entry> byOriginalId = new ConcurrentHashMap<>();
    /** The database reads in progress, by original id. */
    private final ConcurrentHashMap<String, CompletableFuture<List<Claim>>> loading = new ConcurrentHashMap<>();
    /** When this node last forgot something ({@link System#nanoTime}): a read begun before it is not kept. */
    private volatile long lastForgotten = System.nanoTime();

    /** A tenant claiming an original id, with what the callback needs to check and open its pushes. */
    public record Claim(Long tenantId, String appid, String originalId, MessageMode messageMode,
            boolean originalIdProven, boolean callbackVerified, String callbackToken, String aesKey,
            String previousAesKey, Instant aesKeyRotatedAt) {

        @Override
        public String toString() {
            return "Claim[tenant " + tenantId + ", " + originalId + ", " + messageMode + "]";
        }
    }

    private record Entry(List<Claim> claims, long loadedAt) {
    }

    /** The tenants claiming the original id, the proven claim first, then the oldest provisional ones (as stored). */
    public List<Claim> claiming(String originalId, int limit) {
        Entry entry = byOriginalId.get(originalId);
        if (entry != null && (System.nanoTime() - entry.loadedAt < config.callbackKeysTtl().toNanos()
                || loading.containsKey(originalId))) {
            return entry.claims; // fresh, or being read again by another push: serve what is known meanwhile
        }
        return reload(originalId, limit);
    }

    /**
     * Reads the claims from the database, whatever this node holds (after a refusal with cached values). One read per
     * original id at a time: pushes that need it meanwhile wait for that read instead of each taking a connection
     * (when an entry expires under load, every request thread would otherwise read it at once and empty the pool).
     */
    public List<Claim> reload(String originalId, int limit) {
        CompletableFuture<List<Claim>> mine = new CompletableFuture<>();
        CompletableFuture<List<Claim>> running = loading.putIfAbsent(originalId, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            List<Claim> claims = load(originalId, limit);
            mine.complete(claims);
            return claims;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(originalId, mine);
        }
    }

    private List<Claim> load(String originalId, int limit) {
        long loadedAt = System.nanoTime();
        List<Claim> claims = QuarkusTransaction.requiringNew()
                .call(() -> Tenant.claiming(originalId, limit).stream().map(this::claim).toList());
        if (claims.isEmpty()) {
            byOriginalId.remove(originalId);
            return claims;
        }
        if (byOriginalId.size() >= MAX_ENTRIES) {
            byOriginalId.clear(); // crude, and never reached by real installations: the map cannot grow without bound
        }
        if (loadedAt - lastForgotten > 0) { // a change forgotten while this read ran must win: keep nothing then
            byOriginalId.merge(originalId, new Entry(claims, loadedAt),
                    (old, fresh) -> old.loadedAt - fresh.loadedAt > 0 ? old : fresh);
        }
        return claims;
    }

    /** The EncodingAESKey before the last rotation, while its grace period lasts. */
    public Optional<String> previousKeyInGrace(Claim claim) {
        if (claim.previousAesKey() == null || claim.aesKeyRotatedAt() == null
                || claim.aesKeyRotatedAt().plus(config.previousAesKeyGrace()).isBefore(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(claim.previousAesKey());
    }

    /**
     * The callback settings of this tenant changed (or may have): forget what this node holds of it now, and again
     * when the current transaction ends.
     */
    public void changed(long tenantId, String originalId) {
        forget(tenantId, originalId);
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget(tenantId, originalId);
                }
            });
        }
    }

    /** Forgets the tenant's entry wherever it is (its original id, or any other that it was cached under). */
    private void forget(long tenantId, String originalId) {
        lastForgotten = System.nanoTime();
        if (originalId != null) {
            byOriginalId.remove(originalId);
        }
        byOriginalId.values().removeIf(entry -> entry.claims.stream().anyMatch(c -> c.tenantId() == tenantId));
    }

    private Claim claim(Tenant tenant) {
        return new Claim(tenant.id, tenant.appid, tenant.originalId, tenant.messageMode,
                tenant.originalIdVerifiedAt != null, tenant.callbackVerifiedAt != null, tenant.callbackToken(secretBox),
                tenant.aesKey(secretBox), tenant.previousAesKey(secretBox).orElse(null), tenant.aesKeyRotatedAt);
    }
}
