package io.kaquan.card;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.I18n;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/**
 * Low-stock alerts: WeChat's card_sku_remind (stock of a card with an initial stock above 200 fell to 100 or less, at
 * most every 12 h) raises one, which the card page and the tenant's overview show until an operator acknowledges the
 * card's alerts. The card may not be in the mirror yet (made in the MP console): an alert needs only its card_id.
 */
@ApplicationScoped
public class StockAlerts {

    /** At most this many cards are listed on the overview; the rest are counted. */
    static final int SHOWN = 20;

    @Inject
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Audit audit;

    /** An open alert of one card. */
    public record Alert(long id, String detail, Instant raisedAt) {
    }

    /** One card's latest open alert; {@code title} is empty when the card mirror does not hold the card yet. */
    public record Open(String cardId, String title, String detail, Instant raisedAt, long alerts) {
    }

    /**
     * Raises the alert of a pushed event, in the caller's transaction. One alert per event: the unique event id makes
     * a second application a no-op. {@code raisedAt} is when WeChat says (CreateTime), not when processed: pushes
     * arrive and are processed in any order, and "latest" must hold.
     */
    @Transactional(TxType.MANDATORY)
    public void raise(long tenantId, String cardId, String detail, long eventId, Instant raisedAt) {
        em.createNativeQuery("insert into card_stock_alert (tenant_id, card_id, detail, event_id, raised_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict (event_id) do nothing")
                .setParameter(1, tenantId).setParameter(2, cardId).setParameter(3, detail == null ? "" : detail)
                .setParameter(4, eventId).setParameter(5, raisedAt).executeUpdate();
    }

    /** The current tenant's open alerts, the latest per card, newest first. */
    @Transactional(TxType.SUPPORTS)
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

    /** The open alerts of one card of the current tenant, newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<Alert> openOf(String cardId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, detail, raised_at from card_stock_alert "
                + "where tenant_id = ?1 and card_id = ?2 and acknowledged_at is null order by raised_at desc, id desc")
                .setParameter(1, currentTenant.id()).setParameter(2, cardId).getResultList();
        return rows.stream().map(r -> new Alert(((Number) r[0]).longValue(), (String) r[1], instant(r[2]))).toList();
    }

    /**
     * Closes the card's open alerts (the merchant has seen them, e.g. after adding stock). OPERATOR or above; the one
     * way to acknowledge, from the card page and from the overview.
     *
     * @return how many were open
     */
    @Transactional
    public int acknowledge(String cardId) {
        currentTenant.require(Role.OPERATOR);
        int closed = em.createNativeQuery("update card_stock_alert set acknowledged_at = ?1 where tenant_id = ?2 "
                + "and card_id = ?3 and acknowledged_at is null").setParameter(1, Instant.now())
                .setParameter(2, currentTenant.id()).setParameter(3, cardId).executeUpdate();
        if (closed > 0) {
            audit.record(currentTenant.id(), AuditAction.CARD_STOCK_ALERT_ACKNOWLEDGED, cardId, "alerts=" + closed);
        }
        return closed;
    }

    /** card_sku_remind's Detail in words when it is one of WeChat's known sentences, else as WeChat wrote it. */
    @TemplateExtension(namespace = "stockAlerts")
    static String detail(String detail) {
        String text = detail == null ? "" : detail.strip();
        CardPagesMsg msg = Arc.container().instance(I18n.class).get().bundle(CardPagesMsg.class);
        return switch (text) {
            case "the card's quantity is equal to 0" -> msg.stockDetailEmpty();
            case "the card's quantity is less than or equal to 100" -> msg.stockDetailLow();
            default -> text;
        };
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant()
                : value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
