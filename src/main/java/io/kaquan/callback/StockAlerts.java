package io.kaquan.callback;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * card_sku_remind (WeChat: stock of a card with an initial stock above 200 fell to 100 or less, at most every 12 h):
 * a low-stock alert row for the card, which the card page and dashboard show until acknowledged (issues 5/8).
 */
@ApplicationScoped
public class StockAlerts implements CardEventHandler {

    @Inject
    EntityManager em;

    @Override
    public Set<String> eventTypes() {
        return Set.of("card_sku_remind");
    }

    @Override
    public Outcome apply(WeChatEvent event) {
        if (event.cardId == null) {
            return Outcome.ignored("no CardId");
        }
        String detail = CallbackXmlFields.of(event).getOrDefault("Detail", "");
        // One alert per event: the unique event_id makes a second application a no-op. Raised when WeChat says
        // (CreateTime), not when processed: pushes arrive and are processed in any order, and "latest" must hold.
        em.createNativeQuery("insert into card_stock_alert (tenant_id, card_id, detail, event_id, raised_at) "
                + "values (?1, ?2, ?3, ?4, ?5) on conflict (event_id) do nothing")
                .setParameter(1, event.tenantId).setParameter(2, event.cardId).setParameter(3, detail)
                .setParameter(4, event.id).setParameter(5, CardReviewEvents.eventTime(event)).executeUpdate();
        return Outcome.processed("low-stock alert raised for " + event.cardId);
    }
}
