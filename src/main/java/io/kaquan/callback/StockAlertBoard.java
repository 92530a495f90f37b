package io.kaquan.callback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The open low-stock alerts (card_sku_remind, see {@link StockAlerts}) of the current tenant, for its overview page:
 * the latest per card, until someone acknowledges the card's alerts.
 */
@ApplicationScoped
public class StockAlertBoard {

    /** At most this many cards are listed; the rest are counted. */
    static final int SHOWN = 20;

    @Inject
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Audit audit;

    /** One card's latest open alert; {@code title} is empty when the card mirror does not hold the card yet. */
    public record Open(String cardId, String title, String detail, Instant raisedAt, long alerts) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Open> open() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select distinct on (a.card_id) a.card_id, coalesce(c.title, ''), a.detail, a.raised_at,
                    count(*) over (partition by a.card_id)
                from card_stock_alert a
                left join card c on c.tenant_id = a.tenant_id and c.card_id = a.card_id
                where a.tenant_id = ?1 and a.acknowledged_at is null
                order by a.card_id, a.raised_at desc, a.id desc""")
                .setParameter(1, currentTenant.id()).getResultList();
        return rows.stream()
                .map(r -> new Open((String) r[0], (String) r[1], (String) r[2], instant(r[3]),
                        ((Number) r[4]).longValue()))
                .sorted(Comparator.comparing(Open::raisedAt).reversed()).limit(SHOWN).toList();
    }

    /** Closes the card's open alerts (the merchant has seen them, e.g. after adding stock). OPERATOR or above. */
    @Transactional
    public int acknowledge(String cardId) {
        currentTenant.require(Role.OPERATOR);
        int closed = em.createNativeQuery("update card_stock_alert set acknowledged_at = ?1 where tenant_id = ?2 "
                + "and card_id = ?3 and acknowledged_at is null").setParameter(1, Instant.now())
                .setParameter(2, currentTenant.id()).setParameter(3, cardId == null ? "" : cardId).executeUpdate();
        if (closed > 0) {
            audit.record(currentTenant.id(), AuditAction.STOCK_ALERT_ACKNOWLEDGED, cardId, "count=" + closed);
        }
        return closed;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
