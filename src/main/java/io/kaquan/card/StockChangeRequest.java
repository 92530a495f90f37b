package io.kaquan.card;

import static io.kaquan.card.CurrentCards.inTx;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.FormErrors;
import io.kaquan.web.InvalidFormException;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatException;
import io.quarkus.logging.Log;

/**
 * Adding or taking away stock (card/modifystock, not repeatable). The intent is committed (PENDING, with an operation
 * id) before the call; an answer settles it; no clear answer leaves it UNCERTAIN, reconciled at once against card/get's
 * total_quantity and later by {@link StockSettlement}. Never sent twice; one open change per card at a time.
 */
@ApplicationScoped
public class StockChangeRequest {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    CurrentCards cards;

    @Inject
    StockSettlement settlement;

    @Inject
    CardMirror mirror;

    @Inject
    CardsConfig config;

    @Inject
    Audit audit;

    @Inject
    EntityManager em;

    public CardOutcome changeStock(String cardId, String direction, String amountInput, String reasonInput) {
        currentTenant.require(Role.OPERATOR);
        CardPagesMsg msg = cards.msg();
        FormErrors errors = new FormErrors();
        String reason = reasonInput == null ? "" : reasonInput.strip();
        String amountText = amountInput == null ? "" : amountInput.strip();
        Map<String, String> values = Map.of("direction", direction == null ? "" : direction, "amount", amountText,
                "reason", reason);
        if (!"increase".equals(direction) && !"decrease".equals(direction)) {
            errors.add("direction", msg.errDirection());
        }
        int amount = amountText.matches("[0-9]{1,9}") ? Integer.parseInt(amountText) : 0;
        if (amount < 1 || amount > CardUpdateForm.MAX_STOCK) {
            errors.add("amount", msg.errAmount());
        }
        if (reason.isEmpty() || reason.length() > 200) {
            errors.add("reason", msg.errReason());
        }
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, values);
        }
        Card stored = inTx(() -> cards.find(cardId));
        WeChatClient client = cards.client();
        // An earlier change still open is settled first if WeChat can tell now; otherwise nothing new is sent.
        StockChange open = inTx(() -> StockChange.openOf(cards.tenantId(), cardId)).orElse(null);
        if (open == null) {
            return send(client, stored, direction, amount, reason, values);
        }
        CardOutcome settled = settlement.reconcileNow(client, open.id);
        if (inTx(() -> StockChange.<StockChange> findById(open.id)).state.open()) {
            throw new ActionRefused(msg.errStockOpen(open.operationId.toString()));
        }
        CardOutcome outcome = send(client, inTx(() -> cards.find(cardId)), direction, amount, reason, values);
        return new CardOutcome(outcome.ok(), settled.message() + " " + outcome.message());
    }

    private CardOutcome send(WeChatClient client, Card known, String direction, int amount, String reason,
            Map<String, String> values) {
        CardPagesMsg msg = cards.msg();
        String cardId = known.cardId;
        if (known.status == CardStatus.DELETE || known.status == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg.errDeletedStock());
        }
        // The stock as WeChat holds it now (one card/get, cheap): the refusal below and the reconciliation later
        // compare with it; the mirror may be stale (received codes, changes in the MP console).
        WeChatCards.Detail read = cards.wechat(() -> client.cardGet(cardId));
        int delta = "increase".equals(direction) ? amount : -amount;
        StockChange change = inTx(() -> intent(cardId, read, delta, amount, reason, values));
        String operation = change.operationId.toString();
        try {
            client.cardModifyStock(cardId, delta);
        } catch (WeChatException e) {
            if (!e.uncertain()) {
                String text = delta > 0 && e.errcode() == STOCK_REFUSED && new CardView(known, msg).usesCustomCode()
                        ? aboveCodes(client, cardId, msg)
                        : cards.words(e);
                inTx(() -> {
                    StockChange row = em.find(StockChange.class, change.id, LockModeType.PESSIMISTIC_WRITE);
                    row.state = CallState.NOT_APPLIED;
                    row.errcode = e.errcode();
                    row.error = text;
                    row.finishedAt = Instant.now();
                    audit.record(cards.tenantId(), AuditAction.CARD_STOCK_FAILED, cardId,
                            "operation=" + operation + " errcode=" + e.errcode());
                    return row;
                });
                return new CardOutcome(false, msg.stockFailed(operation, text));
            }
            settlement.markUncertain(change, e.errcode(), cards.words(e),
                    // An answered -1 is final; an unanswered call may still reach WeChat later.
                    e.kind() == WeChatException.Kind.REFUSED ? Instant.now() : change.settlesAt);
            return settlement.reconcileNow(client, change.id);
        } catch (RuntimeException e) {
            Log.warnf(e, "card/modifystock of %s (operation %s) ended unexpectedly", cardId, operation);
            settlement.markUncertain(change, null, e.getClass().getSimpleName(), change.settlesAt);
            return settlement.reconcileNow(client, change.id);
        }
        WeChatCards.Detail after = cards.readQuietly(client, cardId);
        StockChange applied = inTx(() -> {
            StockChange row = em.find(StockChange.class, change.id, LockModeType.PESSIMISTIC_WRITE);
            row.state = CallState.APPLIED;
            row.finishedAt = Instant.now();
            if (after != null) {
                mirror.refreshed(cards.tenantId(), after, Card.Origin.DISCOVERED);
                row.totalSeen = after.totalQuantity();
            }
            audit.record(cards.tenantId(), AuditAction.CARD_STOCK_CHANGED, cardId,
                    "operation=" + operation + " delta=" + delta);
            return row;
        });
        Card card = inTx(() -> cards.find(cardId));
        return new CardOutcome(true, msg.stockApplied(delta > 0 ? msg.increased() : msg.decreased(), amount,
                operation, String.valueOf(card.quantity), String.valueOf(applied.totalSeen == null
                        ? change.totalExpected
                        : applied.totalSeen)));
    }

    /** WeChat's answer to a stock it will not take (40122; for a custom-code card also stock above its codes). */
    static final int STOCK_REFUSED = 40122;

    /** Why a custom-code card's stock cannot grow: its codes, with WeChat's count of those not handed out yet. */
    private String aboveCodes(WeChatClient client, String cardId, CardPagesMsg msg) {
        try {
            return msg.errStockAboveCodes(client.codeDepositCount(cardId));
        } catch (WeChatException e) {
            return msg.errStockAboveCodesUnknown();
        }
    }

    /** The intent, committed before the call, against the stock WeChat just showed (the card locked meanwhile). */
    private StockChange intent(String cardId, WeChatCards.Detail read, int delta, int amount, String reason,
            Map<String, String> values) {
        CardPagesMsg msg = cards.msg();
        Card card = cards.locked(cardId);
        mirror.refreshed(cards.tenantId(), read, Card.Origin.DISCOVERED);
        StockChange open = StockChange.openOf(cards.tenantId(), cardId).orElse(null);
        if (open != null) {
            throw new ActionRefused(msg.errStockOpen(open.operationId.toString()));
        }
        int quantity = card.quantity == null ? 0 : card.quantity;
        int total = card.totalQuantity == null ? quantity : card.totalQuantity;
        if (card.status == CardStatus.DELETE || card.status == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg.errDeletedStock());
        }
        if (delta < 0 && quantity + delta < 0) {
            throw new InvalidFormException(new FormErrors().add("amount", msg.errBelowRemaining(quantity, amount)),
                    values);
        }
        if ((long) total + delta > CardUpdateForm.MAX_STOCK) {
            throw new InvalidFormException(new FormErrors().add("amount", msg.errAboveMax()), values);
        }
        StockChange intent = new StockChange();
        intent.operationId = UUID.randomUUID();
        intent.tenantId = cards.tenantId();
        intent.cardId = cardId;
        intent.delta = delta;
        intent.reason = reason;
        intent.state = CallState.PENDING;
        intent.totalBefore = total;
        intent.quantityBefore = quantity;
        intent.totalExpected = total + delta;
        intent.requestedBy = currentUser.isSignedIn() ? currentUser.id() : null;
        intent.requestedAt = Instant.now();
        intent.settlesAt = intent.requestedAt.plus(config.stockSettleTime());
        intent.persist();
        audit.record(cards.tenantId(), AuditAction.CARD_STOCK_REQUESTED, cardId,
                "operation=" + intent.operationId + " delta=" + delta + " reason=" + reason);
        return intent;
    }
}
