package io.kaquan.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The remaining-stock rules of the mirror and the freshness words, without booting the app. */
class CardStockRulesTest {

    /** Each message as its key and arguments, e.g. "stockCheckedMinutes[3]". */
    static final CardPagesMsg KEYS = (CardPagesMsg) Proxy.newProxyInstance(CardPagesMsg.class.getClassLoader(),
            new Class<?>[] { CardPagesMsg.class },
            (proxy, method, args) -> method.getName() + (args == null ? "" : Arrays.toString(args)));

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    static Card card(Integer quantity, Instant refreshedAt) {
        Card card = new Card();
        card.quantity = quantity;
        card.totalQuantity = quantity;
        card.refreshedAt = refreshedAt;
        return card;
    }

    @Test
    void aReceiptPushedAfterTheLastCardGetTakesOne() {
        Card card = card(10, NOW.minusSeconds(60));
        assertTrue(card.takeReceived(NOW.minusSeconds(1), NOW));
        assertEquals(9, card.quantity);
        assertEquals(NOW, card.stockEventAt);
    }

    @Test
    void aReceiptThatArrivedBeforeTheLastCardGetIsAlreadyInItsFigure() {
        Card card = card(10, NOW);
        assertFalse(card.takeReceived(NOW.minusMillis(1), NOW));
        assertEquals(10, card.quantity);
        assertNull(card.stockEventAt);
    }

    @Test
    void theFigureNeverGoesBelowZeroAndAnUnknownFigureStaysUnknown() {
        Card empty = card(0, NOW.minusSeconds(60));
        assertFalse(empty.takeReceived(NOW, NOW));
        assertEquals(0, empty.quantity);
        Card unknown = card(null, null);
        assertFalse(unknown.takeReceived(NOW, NOW));
        assertNull(unknown.quantity);
    }

    @Test
    void freshnessSaysWhetherPushesMovedTheFigureAndHowOldTheLastCheckIs() {
        assertEquals("stockNeverChecked", CardLive.freshness(null, null, KEYS, NOW));
        assertEquals("stockCheckedJustNow", CardLive.freshness(NOW.minusSeconds(30), null, KEYS, NOW));
        assertEquals("stockFollowsPushes · stockCheckedMinutes[3]",
                CardLive.freshness(NOW.minus(Duration.ofMinutes(3)), NOW.minusSeconds(5), KEYS, NOW));
        assertEquals("stockCheckedMinutes[3]", CardLive.freshness(NOW.minus(Duration.ofMinutes(3)),
                NOW.minus(Duration.ofMinutes(4)), KEYS, NOW), "a push older than the check is in the check");
        assertEquals("stockCheckedHours[5]", CardLive.freshness(NOW.minus(Duration.ofHours(5)), null, KEYS, NOW));
        assertEquals("stockCheckedDays[3]", CardLive.freshness(NOW.minus(Duration.ofDays(3)), null, KEYS, NOW));
        assertEquals("stockFollowsPushes · stockNeverChecked", CardLive.freshness(null, NOW, KEYS, NOW));
    }
}
