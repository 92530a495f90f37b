package io.kaquan.card;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.CardType;

/**
 * What can change on an open card page or card list without the merchant doing anything: the status WeChat pushes
 * (review results), the remaining stock that receipts move, and how fresh that figure is. Read for the pages' polls
 * by one query on the (tenant_id, card_id) index, without the card's JSON.
 */
public record CardLive(String cardId, String cardType, CardStatus status, String refusalReason, Integer quantity,
        Integer totalQuantity, Instant refreshedAt, Instant stockEventAt) {

    /** The columns read, in the order of the constructor. */
    static final String COLUMNS = "c.cardId, c.cardType, c.status, c.refusalReason, c.quantity, c.totalQuantity, "
            + "c.refreshedAt, c.stockEventAt";

    static CardLive of(Card card) {
        return new CardLive(card.cardId, card.cardType, card.status, card.refusalReason, card.quantity,
                card.totalQuantity, card.refreshedAt, card.stockEventAt);
    }

    static CardLive of(Object[] row) {
        return new CardLive((String) row[0], (String) row[1], (CardStatus) row[2], (String) row[3], (Integer) row[4],
                (Integer) row[5], (Instant) row[6], (Instant) row[7]);
    }

    public CardType type() {
        return CardType.of(cardType);
    }

    public String quantityText() {
        return quantity == null ? "?" : String.valueOf(quantity);
    }

    public String totalText() {
        return totalQuantity == null ? "?" : String.valueOf(totalQuantity);
    }

    /**
     * How fresh the remaining stock is, in words: "按微信推送更新" when a receipt moved it after the last card/get,
     * then how long ago card/get last confirmed it.
     */
    String freshness(CardPagesMsg msg, Instant now) {
        return freshness(refreshedAt, stockEventAt, msg, now);
    }

    static String freshness(Instant refreshedAt, Instant stockEventAt, CardPagesMsg msg, Instant now) {
        List<String> parts = new ArrayList<>();
        if (stockEventAt != null && (refreshedAt == null || stockEventAt.isAfter(refreshedAt))) {
            parts.add(msg.stockFollowsPushes());
        }
        if (refreshedAt == null) {
            parts.add(msg.stockNeverChecked());
        } else {
            long minutes = Math.max(0, Duration.between(refreshedAt, now).toMinutes());
            parts.add(minutes < 1 ? msg.stockCheckedJustNow()
                    : minutes < 60 ? msg.stockCheckedMinutes(minutes)
                            : minutes < 48 * 60 ? msg.stockCheckedHours(minutes / 60)
                                    : msg.stockCheckedDays(minutes / (24 * 60)));
        }
        return String.join(" · ", parts);
    }
}
