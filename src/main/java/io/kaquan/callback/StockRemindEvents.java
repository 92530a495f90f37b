package io.kaquan.callback;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.card.StockAlerts;

/** card_sku_remind (a card is running out of stock): raises the card's low-stock alert ({@link StockAlerts}). */
@ApplicationScoped
public class StockRemindEvents implements CardEventHandler {

    @Inject
    StockAlerts alerts;

    @Override
    public Set<String> eventTypes() {
        return Set.of("card_sku_remind");
    }

    @Override
    public Outcome apply(WeChatEvent event) {
        if (event.cardId == null) {
            return Outcome.ignored("no CardId");
        }
        alerts.raise(event.tenantId, event.cardId, CallbackXmlFields.of(event).getOrDefault("Detail", ""), event.id,
                CardReviewEvents.eventTime(event));
        return Outcome.processed("low-stock alert raised for " + event.cardId);
    }
}
