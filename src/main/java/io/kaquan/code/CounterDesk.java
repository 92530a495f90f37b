package io.kaquan.code;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.account.CurrentUser;
import io.kaquan.card.Card;
import io.kaquan.card.CardPagesMsg;
import io.kaquan.card.CardView;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.I18n;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The counter page's read model: a code looked up the way a redemption will see it (check_consume=true; a refused
 * code read again status-only, to say why in words), the redemption just made, and the cashier's shift (their own
 * redemptions of the last hours, newest first).
 */
@ApplicationScoped
public class CounterDesk {

    /** How far back "this shift" reaches. */
    static final Duration SHIFT = Duration.ofHours(12);
    static final int SHIFT_MAX = 30;

    /** A redemption with its card's title (null when the card is not mirrored). */
    public record Redemption(CodeOperation op, String cardTitle) {

        public boolean applied() {
            return op.state == CallState.APPLIED;
        }

        public boolean open() {
            return op.state == CallState.PENDING || op.state == CallState.UNCERTAIN;
        }
    }

    /** The current user's redemptions of the last {@code hours}, newest first. */
    public record Shift(long hours, List<Redemption> redemptions) {
    }

    /**
     * What a counter lookup found. {@code status} is null when WeChat does not know the code (then only
     * {@code refusal} says why); {@code refusal} is null when the code can be redeemed now.
     */
    public record Found(String code, String cardId, UserCardStatus status, Card card, String terms, Instant begins,
            Instant ends, String refusal, boolean redeemable) {

        public boolean known() {
            return status != null;
        }
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    CodeLookups lookups;

    @Inject
    CodeWords words;

    @Inject
    I18n i18n;

    /** Looks a code up with check_consume=true (listed as a lookup); a code refused for its state is read again. */
    public Found look(CodeLookups.Query query) {
        CodeLookups.Result result = lookups.lookup(query);
        if (result.found()) {
            return found(result);
        }
        if (result.refusedForState()) {
            CodeLookups.Result status = lookups.statusOnly(result.code(), query.cardId());
            if (status.found()) {
                return found(status);
            }
        }
        return new Found(result.code() != null ? result.code() : query.code(), query.cardId(), null, null, null, null,
                null, result.message(), false);
    }

    /** The tenant's redemption {@code operationId}, for the screen after it; null when there is none such. */
    public Redemption redemption(Long operationId) {
        if (operationId == null) {
            return null;
        }
        long tenantId = currentTenant.id();
        return QuarkusTransaction.requiringNew().call(() -> CodeOperation.of(tenantId, operationId)
                .filter(op -> op.kind == CodeOperation.Kind.CONSUME)
                .map(op -> new Redemption(op, title(tenantId, op.cardId, new HashMap<>()))).orElse(null));
    }

    /** The current user's redemptions of this shift, newest first. */
    public Shift shift() {
        long tenantId = currentTenant.id();
        Long actorId = currentUser.id();
        if (actorId == null) {
            return new Shift(SHIFT.toHours(), List.of());
        }
        Instant since = Instant.now().minus(SHIFT);
        return new Shift(SHIFT.toHours(), QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> titles = new HashMap<>();
            return CodeOperation.redemptionsOf(tenantId, actorId, since, SHIFT_MAX).stream()
                    .map(op -> new Redemption(op, title(tenantId, op.cardId, titles))).toList();
        }));
    }

    private Found found(CodeLookups.Result result) {
        CodeMsg msg = words.msg();
        UserCardStatus status = result.info().userCardStatus();
        String refusal = null;
        if (!result.open().isEmpty()) {
            refusal = msg.redeemStillChecking(msg.kind(result.open().get(0).kind));
        } else if (!result.info().canConsume()) {
            refusal = status == UserCardStatus.NORMAL ? msg.redeemNotYetEffective()
                    : msg.redeemRefusedStatus(msg.codeStatus(status));
        }
        return new Found(result.code(), result.cardId(), status, result.card(), terms(result.card()),
                result.info().card().begins(), result.info().card().ends(), refusal, refusal == null);
    }

    /** The offer in words from the card mirror (满30减5, 8.5 折, the deal), or null. */
    private String terms(Card card) {
        if (card == null) {
            return null;
        }
        String terms = new CardView(card, i18n.bundle(CardPagesMsg.class)).terms();
        return terms == null || terms.isBlank() ? null : terms;
    }

    private static String title(long tenantId, String cardId, Map<String, String> titles) {
        return titles.computeIfAbsent(cardId, id -> Card.of(tenantId, id).map(card -> card.title).orElse(null));
    }
}
