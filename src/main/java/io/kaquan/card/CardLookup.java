package io.kaquan.card;

import io.kaquan.tenant.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Reading the current tenant's cards for the pages: the list and one card's page. Any member reads. */
@ApplicationScoped
public class CardLookup {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentCards cards;

    @Inject
    CardList cardList;

    @Inject
    StockAlerts alerts;

    @Transactional
    public CardList.Page list(CardList.Filter filter) {
        return cardList.page(currentTenant.id(), filter);
    }

    @Transactional
    public CardPage page(String cardId) {
        Card card = cards.find(cardId);
        return new CardPage(card, new CardView(card, cards.msg()), alerts.openOf(cardId),
                StockChange.recentOf(currentTenant.id(), cardId, 20));
    }
}
