package io.kaquan.card;

import java.util.List;

/**
 * Everything the card page shows of the card feature's own data. The card's events and known codes belong to other
 * features: the page loads them from their pages (htmx fragments).
 */
public record CardPage(Card card, CardView view, List<StockAlerts.Alert> alerts, List<StockChange> stockChanges) {

    /** The card page's path, the base of its forms. */
    public String base() {
        return "/t/" + card.tenantId + "/cards/" + card.cardId;
    }

    /** The part of the page that its poll replaces. */
    public CardLive live() {
        return CardLive.of(card);
    }

    public StockChange openChange() {
        return stockChanges.stream().filter(c -> c.state.open()).findFirst().orElse(null);
    }
}
