package io.kaquan.card;

import static io.kaquan.card.CurrentCards.inTx;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatException;
import io.quarkus.logging.Log;

/**
 * Opening a card page corrects the mirror's drift from WeChat: when the last card/get is older than
 * {@link CardsConfig#stockCheckAfter()}, card/get is read once before the page is rendered. Single flight: one
 * attempt per card and period on this node, whoever wins the claim reads, concurrent viewers see the figure they
 * have; a failed read waits for the next period too (never a card/get on every view). Not for cards WeChat has
 * deleted. Any member's view may trigger it: it only reads WeChat, it changes nothing a person decided.
 */
@ApplicationScoped
public class CardStockCheck {

    @Inject
    CurrentCards cards;

    @Inject
    CardMirror mirror;

    @Inject
    CardsConfig config;

    /** The last attempt per tenant and card, the claim of the single flight. */
    private final ConcurrentMap<String, Instant> attempts = new ConcurrentHashMap<>();

    /** Reads card/get into the mirror when the card's figure is stale; answers whether it did. 404 for a stranger. */
    public boolean checkIfStale(String cardId) {
        Instant now = Instant.now();
        Instant staleBefore = now.minus(config.stockCheckAfter());
        Card card = inTx(() -> cards.find(cardId));
        if (gone(card.status) || (card.refreshedAt != null && card.refreshedAt.isAfter(staleBefore))) {
            return false;
        }
        String key = cards.tenantId() + "/" + cardId;
        Instant claimed = attempts.compute(key,
                (k, last) -> last != null && last.isAfter(staleBefore) ? last : now);
        if (!claimed.equals(now)) {
            return false; // another view is reading it or has tried within the period
        }
        try {
            WeChatCards.Detail detail = cards.client().cardGet(cardId);
            inTx(() -> mirror.refreshed(cards.tenantId(), detail, Card.Origin.DISCOVERED));
            return true;
        } catch (WeChatException e) {
            // The page still opens with the mirror as it is; the next period (or the sync job) tries again.
            Log.infof("card/get of %s on view failed, the page shows the mirror: %s", cardId, e.getMessage());
            return false;
        } finally {
            attempts.entrySet().removeIf(entry -> entry.getValue().isBefore(staleBefore)); // keeps the map small
        }
    }

    private static boolean gone(CardStatus status) {
        return status == CardStatus.DELETE || status == CardStatus.SYS_DELETE;
    }
}
