package io.kaquan.code;

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
}
