package io.kaquan.card;

import static io.kaquan.card.CurrentCards.inTx;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.FormErrors;
import io.kaquan.web.InvalidFormException;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatException;

/**
 * Settling a stock change whose answer was lost: by reading card/get (its total_quantity against the totals before
 * and expected), or, when no reading can tell any more, by an operator's decision with a note. A settled change is
 * never reopened; every settlement is audited with whoever asked.
 */
@ApplicationScoped
public class StockSettlement {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    CurrentCards cards;

    @Inject
    CardMirror mirror;

    @Inject
    Audit audit;

    @Inject
    EntityManager em;

    /** Settles an open stock change of the card by reading card/get. */
    public CardOutcome reconcile(String cardId, String operationId) {
        currentTenant.require(Role.OPERATOR);
        StockChange change = openChange(cardId, operationId);
        if (!change.state.open()) {
            throw new ActionRefused(cards.msg().errNotOpen());
        }
        return reconcileNow(cards.client(), change.id);
    }

    /**
     * Settles by hand a change that reading card/get cannot decide (see {@link StockChange#undecidable()}): the
     * operator checked in the MP console. Reads card/get once more first: if that decides, the reading wins.
     */
    public CardOutcome settleByHand(String cardId, String operationId, String decision, String noteInput) {
        currentTenant.require(Role.OPERATOR);
        CardPagesMsg msg = cards.msg();
        StockChange change = openChange(cardId, operationId);
        String note = noteInput == null ? "" : noteInput.strip();
        FormErrors errors = new FormErrors();
        if (!"applied".equals(decision) && !"not-applied".equals(decision)) {
            errors.add("note", msg.errChoice());
        }
        if (note.isEmpty() || note.length() > 500) {
            errors.add("note", msg.errSettleNote());
        }
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, Map.of("note", note));
        }
        if (!change.state.open()) {
            throw new ActionRefused(msg.errNotOpen());
        }
        CardOutcome read = reconcileNow(cards.client(), change.id);
        String operation = change.operationId.toString();
        return inTx(() -> {
            StockChange row = em.find(StockChange.class, change.id, LockModeType.PESSIMISTIC_WRITE);
            if (!row.state.open()) {
                return read; // card/get decided after all
            }
            if (!row.undecidable()) {
                throw new ActionRefused(msg.errSettleNotNeeded(operation));
            }
            boolean applied = "applied".equals(decision);
            row.state = applied ? CallState.APPLIED : CallState.NOT_APPLIED;
            row.finishedAt = Instant.now();
            row.settledBy = currentUser.isSignedIn() ? currentUser.id() : null;
            row.settleNote = note;
            audit.record(cards.tenantId(), AuditAction.CARD_STOCK_SETTLED_BY_HAND, row.cardId, "operation=" + operation
                    + " state=" + row.state + " total=" + row.totalSeen + " requested_by=" + row.requestedBy
                    + " note=" + note);
            return new CardOutcome(true, applied ? msg.settledApplied(operation) : msg.settledNotApplied(operation));
        });
    }

    /** The card's change by its operation id; a malformed id or another card's change is a 404. */
    private StockChange openChange(String cardId, String operationId) {
        UUID id;
        try {
            id = UUID.fromString(operationId == null ? "" : operationId.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        return inTx(() -> {
            cards.find(cardId);
            return StockChange.of(cards.tenantId(), id).filter(c -> c.cardId.equals(cardId))
                    .orElseThrow(NotFoundException::new);
        });
    }

    /** Reads card/get and settles the change if its total_quantity tells; otherwise it stays UNCERTAIN. */
    CardOutcome reconcileNow(WeChatClient client, long changeId) {
        CardPagesMsg msg = cards.msg();
        StockChange change = inTx(() -> StockChange.<StockChange> findById(changeId));
        String operation = change.operationId.toString();
        WeChatCards.Detail detail;
        try {
            detail = client.cardGet(change.cardId);
        } catch (WeChatException e) {
            if (change.state == CallState.PENDING) {
                markUncertain(change, null, cards.words(e), change.settlesAt);
            }
            return new CardOutcome(false, msg.stockUncertain(operation) + " "
                    + msg.reconcileUnreadable(operation, cards.words(e)));
        }
        Integer seen = detail.totalQuantity();
        return inTx(() -> {
            mirror.refreshed(cards.tenantId(), detail, Card.Origin.DISCOVERED);
            StockChange row = em.find(StockChange.class, changeId, LockModeType.PESSIMISTIC_WRITE);
            if (!row.state.open()) {
                return new CardOutcome(row.state == CallState.APPLIED, msg.errNotOpen());
            }
            row.totalSeen = seen;
            Instant now = Instant.now();
            CardOutcome outcome;
            if (seen != null && seen == row.totalExpected) {
                row.state = CallState.APPLIED;
                row.finishedAt = now;
                outcome = new CardOutcome(true, msg.reconciledApplied(seen, operation));
            } else if (seen != null && seen == row.totalBefore) {
                if (row.settlesAt == null || !now.isBefore(row.settlesAt)) {
                    row.state = CallState.NOT_APPLIED;
                    row.finishedAt = now;
                    outcome = new CardOutcome(false, msg.reconciledFailed(seen, operation));
                } else {
                    row.state = CallState.UNCERTAIN;
                    outcome = new CardOutcome(false,
                            msg.reconciledWaiting(seen, operation, CardView.dateTime(row.settlesAt)));
                }
            } else {
                row.state = CallState.UNCERTAIN;
                outcome = new CardOutcome(false, msg.reconciledOther(seen == null ? -1 : seen, row.totalBefore,
                        row.totalExpected, operation));
            }
            // Audit records whoever is signed in (the one who asked to check): the change's requester goes in the details.
            audit.record(cards.tenantId(), AuditAction.CARD_STOCK_RECONCILED, row.cardId,
                    "operation=" + operation + " state=" + row.state + " total=" + seen + " requested_by="
                            + row.requestedBy);
            return outcome;
        });
    }

    /** No clear answer: the change stays open until a reading (or a person) settles it. */
    void markUncertain(StockChange change, Integer errcode, String error, Instant settlesAt) {
        inTx(() -> {
            StockChange row = em.find(StockChange.class, change.id, LockModeType.PESSIMISTIC_WRITE);
            row.state = CallState.UNCERTAIN;
            row.errcode = errcode;
            row.error = error;
            row.settlesAt = settlesAt;
            audit.record(cards.tenantId(), AuditAction.CARD_STOCK_UNCERTAIN, change.cardId,
                    "operation=" + change.operationId + " errcode=" + errcode);
            return row;
        });
    }
}
