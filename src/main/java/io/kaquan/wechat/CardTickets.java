package io.kaquan.wechat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Every tenant's wx_card api_ticket (JS-SDK addCard), cached like its access token ({@link TokenBroker}): a map in
 * memory over the {@code card_api_ticket} table that all nodes share.
 * <ul>
 * <li><b>One ticket per tenant across nodes.</b> A refresh takes the tenant's lock in this JVM, then its PostgreSQL
 * advisory lock, re-reads the stored ticket and calls getticket only if that one is still stale.</li>
 * <li><b>Ahead of expiry.</b> A ticket is replaced once less than {@link #REFRESH_AHEAD} of its life is left, so a
 * cardExt signed now still verifies on the user's phone a while later.</li>
 * <li><b>Compare, then expire.</b> A ticket someone reports as refused is dropped only if it is still the current
 * one; one another node already replaced is kept.</li>
 * </ul>
 */
@ApplicationScoped
public class CardTickets {

    /** The advisory lock space of tickets ("kq" + 4); the second key is the tenant. */
    static final int LOCK_SPACE = 0x6b71_0004;

    /** How much life a ticket handed out still has at least. */
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(10);

    record Held(String ticket, Instant obtainedAt, Instant expiresAt) {
        boolean fresh(Instant now) {
            return now.isBefore(expiresAt.minus(min(REFRESH_AHEAD, Duration.between(obtainedAt, expiresAt).dividedBy(2))));
        }
    }

    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Inject
    WeChatGateway gateway;

    @Inject
    TokenBroker broker;

    @Inject
    TokenSeal seal;

    @Inject
    EntityManager em;

    /** The tenant's usable ticket: from memory when fresh (no I/O), else from the shared table or WeChat. */
    public String ticket(long tenantId) {
        Held current = held.get(tenantId);
        if (current != null && current.fresh(Instant.now())) {
            return current.ticket;
        }
        return refresh(tenantId, null).ticket;
    }

    /**
     * A ticket WeChat refused (a cardExt signed with it did not verify): replaced only if it is still the tenant's
     * current one, so that reports of an old ticket do not make every node fetch again.
     */
    public String renewAfterRefusal(long tenantId, String refusedTicket) {
        return refresh(tenantId, refusedTicket).ticket;
    }

    private Held refresh(long tenantId, String refused) {
        ReentrantLock lock = locks.computeIfAbsent(tenantId, id -> new ReentrantLock());
        lock.lock();
        try {
            Held current = held.get(tenantId);
            if (current != null && current.fresh(Instant.now()) && !current.ticket.equals(refused)) {
                return current; // another thread of this node refreshed it while we waited
            }
            broker.lease(tenantId); // the access token first, outside the ticket's transaction (one connection each)
            Held fresh = QuarkusTransaction.requiringNew().call(() -> refreshLocked(tenantId, refused));
            held.put(tenantId, fresh);
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    /** Inside the tenant's advisory lock: adopt what another node stored, or fetch and store a new ticket. */
    private Held refreshLocked(long tenantId, String refused) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)").setParameter(1, LOCK_SPACE)
                .setParameter(2, (int) tenantId).getSingleResult();
        Instant now = Instant.now();
        CardApiTicket row = CardApiTicket.ofTenant(tenantId).orElse(null);
        if (row != null) {
            String stored = openOrNull(row);
            Held held = stored == null ? null : new Held(stored, row.obtainedAt, row.expiresAt);
            if (held != null && held.fresh(now) && !stored.equals(refused)) {
                return held; // another node fetched it, or it is not the refused one
            }
        }
        WeChatDistribution.ApiTicket answer = gateway.forTenant(tenantId).cardApiTicket();
        if (row == null) {
            row = new CardApiTicket();
            row.tenantId = tenantId;
        }
        row.sealedTicket = seal.sealTicket(tenantId, answer.ticket());
        row.obtainedAt = now;
        row.expiresAt = now.plusSeconds(answer.expiresIn());
        row.persistAndFlush();
        Log.debugf("Tenant %d: new wx_card api_ticket, expires in %d s", Long.valueOf(tenantId),
                Long.valueOf(answer.expiresIn()));
        return new Held(answer.ticket(), row.obtainedAt, row.expiresAt);
    }

    private String openOrNull(CardApiTicket row) {
        try {
            return seal.openTicket(row.tenantId, row.sealedTicket);
        } catch (IllegalStateException e) {
            Log.warnf("Tenant %d: the stored api_ticket does not open for this tenant; fetching a new one", row.tenantId);
            return null;
        }
    }

    /** Forgets the tenant's ticket on this node (tests, or credentials that changed). */
    void forget(long tenantId) {
        held.remove(tenantId);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
