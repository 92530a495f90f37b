package io.kaquan.card;

import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.CardType;

/**
 * A card a merchant can pick to hand out (on a landing page, in a multi-card QR code): reviewed or under review, not
 * deleted, with its title, logo and whether it uses its own codes.
 */
public record CardChoice(String cardId, String title, CardType type, String logoUrl, CardStatus status,
        boolean customCode) {

    public boolean underReview() {
        return status == CardStatus.NOT_VERIFY;
    }
}
