package io.kaquan.card;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The htmx trigger of the card pages' live parts ({@code {inject:cardLiveRefresh.trigger}}), from kaquan.cards.live-refresh.
 */
@Named
@ApplicationScoped
public class CardLiveRefresh {

    @Inject
    CardsConfig config;

    public String trigger() {
        return "every " + Math.max(1, config.liveRefresh().toSeconds()) + "s";
    }
}
