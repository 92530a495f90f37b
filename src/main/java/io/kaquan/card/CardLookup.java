package io.kaquan.card;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.kaquan.tenant.CurrentTenant;
import io.kaquan.wechat.CardStatus;

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

    @Inject
    EntityManager em;

    @Transactional
    public CardList.Page list(CardList.Filter filter) {
        return cardList.page(currentTenant.id(), filter);
    }

    /** The most cards one poll of the card list asks about (a page of the list holds at most kaquan.cards.page-size). */
    static final int LIVE_MAX = 200;

    /** One card's status and stock for the card page's poll; 404 for a card the tenant does not have. */
    @Transactional
    public CardLive live(String cardId) {
        List<CardLive> found = live(List.of(cardId == null ? "" : cardId));
        if (found.isEmpty()) {
            throw new NotFoundException();
        }
        return found.get(0);
    }

    /** The listed cards' statuses and stock for the card list's poll: the tenant's cards among the ids, others left out. */
    @Transactional
    public List<CardLive> live(List<String> cardIds) {
        List<String> ids = cardIds.stream().filter(id -> id != null && !id.isEmpty() && id.length() <= 64).distinct()
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select " + CardLive.COLUMNS + " from Card c where c.tenantId = ?1 and c.cardId in ?2",
                Object[].class).setParameter(1, currentTenant.id()).setParameter(2, ids).getResultStream()
                .map(CardLive::of).toList();
    }

    /** The most cards a picker offers. */
    static final int CHOICES_MAX = 200;

    /** The tenant's cards that can still be handed out (approved, on sale or under review), newest first. */
    @Transactional
    public List<CardChoice> choices() {
        CardPagesMsg msg = cards.msg();
        return Card.<Card> find("tenantId = ?1 and status in ?2 order by createdAt desc, id desc", currentTenant.id(),
                List.of(CardStatus.VERIFY_OK, CardStatus.DISPATCH, CardStatus.NOT_VERIFY)).page(0, CHOICES_MAX)
                .stream().map(card -> new CardChoice(card.cardId, card.title, card.type(), card.logoUrl, card.status,
                        new CardView(card, msg).usesCustomCode()))
                .toList();
    }

    @Transactional
    public CardPage page(String cardId) {
        Card card = cards.find(cardId);
        return new CardPage(card, new CardView(card, cards.msg()), alerts.openOf(cardId),
                StockChange.recentOf(currentTenant.id(), cardId, 20));
    }
}
