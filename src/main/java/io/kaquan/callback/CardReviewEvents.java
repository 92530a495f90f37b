package io.kaquan.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.card.Card;
import io.kaquan.card.CardMirror;
import io.kaquan.wechat.CardStatus;

/**
 * card_pass_check / card_not_pass_check: the card's review result, into the card mirror (VERIFY_OK, or VERIFY_FAIL
 * with the refusal reason). A card Kaquan does not know yet (made in the MP console) gets a DISCOVERED row.
 *
 * <p>
 * Pushes can arrive late (WeChat's retries, our own backlog) and out of order, so a result only applies when it
 * is not older than the status the mirror holds: the event's CreateTime against {@code status_changed_at}, at
 * WeChat's one-second resolution; a tie applies the event (a review result follows the submission it answers, often
 * within the same second in the sandbox).
 */
@ApplicationScoped
public class CardReviewEvents implements CardEventHandler {

    static final String PASS = "card_pass_check";
    static final String NOT_PASS = "card_not_pass_check";

    /** The type of a card row made from an event, until card/get tells (CardTexts shows it as "other"). */
    static final String UNKNOWN_TYPE = "UNKNOWN";

    @Inject
    CardMirror mirror;

    @Override
    public Set<String> eventTypes() {
        return Set.of(PASS, NOT_PASS);
    }

    @Override
    public Outcome apply(WeChatEvent event) {
        if (event.cardId == null) {
            return Outcome.ignored("no CardId");
        }
        boolean pass = PASS.equals(event.eventType);
        CardStatus result = pass ? CardStatus.VERIFY_OK : CardStatus.VERIFY_FAIL;
        Instant at = eventTime(event);
        Card card = mirror.ensure(event.tenantId, event.cardId, UNKNOWN_TYPE, CardStatus.UNKNOWN, Card.Origin.DISCOVERED);
        boolean discovered = card.status == CardStatus.UNKNOWN;
        if (!discovered && card.statusChangedAt != null
                && at.getEpochSecond() < card.statusChangedAt.getEpochSecond()) {
            return Outcome.processed("not applied: the card's status " + card.status + " since "
                    + card.statusChangedAt + " is newer than this result of " + at);
        }
        String reason = pass ? null : CallbackXmlFields.of(event).getOrDefault("RefuseReason", "");
        if (card.status == result && Objects.equals(card.refusalReason, reason)) {
            return Outcome.processed("card " + event.cardId + " was already " + result);
        }
        card.changeStatus(result, at);
        card.refusalReason = reason;
        return Outcome.processed((discovered ? "discovered card " : "card ") + event.cardId + " is now " + result
                + (pass ? "" : " (" + reason + ")"));
    }

    /** When WeChat says the event happened (CreateTime), or when it arrived if it carries none. */
    static Instant eventTime(WeChatEvent event) {
        return event.createTime > 0 ? event.createdAt() : event.receivedAt;
    }
}
