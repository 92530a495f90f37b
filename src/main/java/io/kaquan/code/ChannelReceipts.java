package io.kaquan.code;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kaquan.tenant.CurrentTenant;

/**
 * Receipts by channel: codes of the current tenant received with an OuterStr (a QR code's scene value), counted from
 * the code mirror. A gift's receipt keeps no channel: the friend did not scan anything.
 */
@ApplicationScoped
public class ChannelReceipts {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    EntityManager em;

    /** outer_str → codes received through it, for the given cards (all the tenant's cards when empty). */
    @Transactional
    public Map<String, Long> byOuterStr(List<String> cardIds) {
        String query = "select c.outerStr, count(c) from CardCode c where c.tenantId = ?1 and c.outerStr is not null"
                + (cardIds.isEmpty() ? "" : " and c.cardId in ?2") + " group by c.outerStr";
        var typed = em.createQuery(query, Object[].class).setParameter(1, currentTenant.id());
        if (!cardIds.isEmpty()) {
            typed.setParameter(2, cardIds);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        typed.getResultStream().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * outer_str → codes first received in [from, until), for one card (all the tenant's cards when null), in one
     * grouped query; the null key counts the receipts that came without a scene value.
     */
    @Transactional
    public Map<String, Long> byOuterStr(String cardId, Instant from, Instant until) {
        String query = "select c.outerStr, count(c) from CardCode c where c.tenantId = :tenant"
                + " and c.receivedAt >= :from and c.receivedAt < :until" + (cardId == null ? "" : " and c.cardId = :card")
                + " group by c.outerStr";
        var typed = em.createQuery(query, Object[].class).setParameter("tenant", currentTenant.id())
                .setParameter("from", from).setParameter("until", until);
        if (cardId != null) {
            typed.setParameter("card", cardId);
        }
        Map<String, Long> counts = new HashMap<>();
        typed.getResultStream().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
