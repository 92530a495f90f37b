package io.kaquan.sandbox.cards;

import java.time.Instant;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.push.SandboxEvents;

/**
 * The card's own event pushes of §3 (review, stock alarm), field for field in WeChat's order, from the account's
 * system sender; a user's events with a code are {@code codes.CodeEvents}. CreateTime is when the (possibly
 * back-dated) action happened.
 */
public final class CardEvents {

    private CardEvents() {
    }

    private static SandboxEvents.Builder event(SandboxAccount account, String fromUser, String event, Instant at) {
        return SandboxEvents.event(account.originalId, fromUser, event, at.getEpochSecond());
    }

    public static String passCheck(SandboxAccount account, CardTemplate card, Instant at) {
        return event(account, CardIds.systemOpenid(account.appid), "card_pass_check", at).text("CardId", card.cardId)
                .xml();
    }

    public static String notPassCheck(SandboxAccount account, CardTemplate card, String reason, Instant at) {
        return event(account, CardIds.systemOpenid(account.appid), "card_not_pass_check", at)
                .text("CardId", card.cardId).text("RefuseReason", reason).xml();
    }

    public static String skuRemind(SandboxAccount account, CardTemplate card, String fromUser, Instant at) {
        String detail = card.quantity == 0 ? "the card's quantity is equal to 0"
                : "the card's quantity is less than or equal to 100";
        return event(account, fromUser, "card_sku_remind", at).text("CardId", card.cardId).text("Detail", detail)
                .xml();
    }
}
