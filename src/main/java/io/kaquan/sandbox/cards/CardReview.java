package io.kaquan.sandbox.cards;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxTick;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.push.PushSender;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * WeChat's review of new and re-submitted cards: a card waits in CARD_STATUS_NOT_VERIFY until its review is due
 * (kaquan.sandbox.review-delay, or the account's own delay), then passes (or fails with the account's refusal
 * reason) and card_pass_check / card_not_pass_check is pushed. The admin API and the console decide at once.
 */
@ApplicationScoped
public class CardReview {

    /** Cards reviewed per tick and node; the rest wait for the next tick. */
    static final int BATCH = 20;

    static final String DEFAULT_REFUSAL = "卡券信息不符合规范";

    @Inject
    EntityManager em;

    @Inject
    PushSender pushes;

    /** Several nodes tick at once: SKIP LOCKED lets each claim different due cards, so none is reviewed twice. */
    void reviewDue(@Observes SandboxTick tick) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                @SuppressWarnings("unchecked")
                List<CardTemplate> due = em.createNativeQuery("select * from sbx_card"
                        + " where status = 'CARD_STATUS_NOT_VERIFY' and review_due_at <= now()"
                        + " order by review_due_at limit " + BATCH + " for update skip locked", CardTemplate.class)
                        .getResultList();
                for (CardTemplate card : due) {
                    CardSettings settings = CardSettings.findById(card.accountId);
                    boolean pass = settings == null || settings.reviewPass;
                    decide(card, pass, settings == null ? null : settings.refuseReason);
                }
            });
        } catch (RuntimeException e) {
            Log.warnf(e, "Due card reviews failed; the next tick retries");
        }
    }

    /** The admin's decision, at once, whatever the card's review state (a deleted card cannot be reviewed). */
    @Transactional
    public CardTemplate decide(String cardId, boolean pass, String reason) {
        CardTemplate card = CardTemplate.byCardIdForUpdate(cardId).orElseThrow(NotFoundException::new);
        if (card.status == SimulatedCardStatus.CARD_STATUS_DELETE) {
            throw new WeChatError(40078, "invalid card status: the card was deleted");
        }
        decide(card, pass, reason);
        return card;
    }

    private void decide(CardTemplate card, boolean pass, String reason) {
        SandboxAccount account = SandboxAccount.findById(card.accountId);
        Instant now = Instant.now();
        card.status = pass ? SimulatedCardStatus.CARD_STATUS_VERIFY_OK : SimulatedCardStatus.CARD_STATUS_VERIFY_FAIL;
        card.refuseReason = pass ? null : (reason == null || reason.isBlank() ? DEFAULT_REFUSAL : reason);
        card.reviewDueAt = null;
        card.reviewedAt = now;
        pushes.push(account, pass ? CardEvents.passCheck(account, card, now)
                : CardEvents.notPassCheck(account, card, card.refuseReason, now));
    }

    /** The account's own review rule (delay, outcome), set on the admin API. */
    @Transactional
    public CardSettings configure(SandboxAccount account, int delaySeconds, boolean pass, String refuseReason) {
        if (delaySeconds < 0) {
            throw CardRules.invalidArgs("delaySeconds must be 0 or more");
        }
        CardSettings settings = CardSettings.findById(account.id);
        if (settings == null) {
            settings = new CardSettings();
            settings.accountId = account.id;
            settings.persist();
        }
        settings.reviewDelaySeconds = delaySeconds;
        settings.reviewPass = pass;
        settings.refuseReason = refuseReason;
        return settings;
    }
}
