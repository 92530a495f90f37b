package io.kaquan.card;

import static io.kaquan.card.CurrentCards.inTx;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.FormErrors;
import io.kaquan.web.InvalidFormException;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatException;

/**
 * Deleting a card in WeChat (codes already received stay valid). Not repeatable: the intent is audited before the
 * call, and a lost answer is decided by reading the card back.
 */
@ApplicationScoped
public class CardDeletion {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentCards cards;

    @Inject
    CardMirror mirror;

    @Inject
    Audit audit;

    /** @return the deleted card's title, for the flash */
    public String delete(String cardId, String confirm) {
        currentTenant.require(Role.OPERATOR);
        CardPagesMsg msg = cards.msg();
        Card card = inTx(() -> cards.find(cardId));
        if (!"yes".equals(confirm)) {
            throw new InvalidFormException(new FormErrors().add("confirm", msg.errConfirm()), Map.of());
        }
        if (card.status == CardStatus.DELETE || card.status == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg.errAlreadyDeleted());
        }
        inTx(() -> {
            audit.record(cards.tenantId(), AuditAction.CARD_DELETE_REQUESTED, cardId, "title=" + card.title);
            return null;
        });
        WeChatClient client = cards.client();
        WeChatException failure = null;
        try {
            client.cardDelete(cardId);
        } catch (WeChatException e) {
            failure = e;
        }
        WeChatCards.Detail after = cards.readQuietly(client, cardId);
        boolean deleted = after != null
                && (after.status() == CardStatus.DELETE || after.status() == CardStatus.SYS_DELETE);
        WeChatException problem = failure;
        inTx(() -> {
            if (after != null) {
                mirror.refreshed(cards.tenantId(), after, Card.Origin.DISCOVERED);
            } else if (problem == null) {
                cards.find(cardId).changeStatus(CardStatus.DELETE, Instant.now());
            }
            if (problem == null || deleted) {
                audit.record(cards.tenantId(), AuditAction.CARD_DELETED, cardId, "title=" + card.title);
            } else if (problem.uncertain() && after == null) {
                audit.record(cards.tenantId(), AuditAction.CARD_DELETE_UNCERTAIN, cardId, "errcode=" + problem.errcode());
            } else {
                audit.record(cards.tenantId(), AuditAction.CARD_DELETE_FAILED, cardId, "errcode=" + problem.errcode());
            }
            return null;
        });
        if (problem != null && !deleted && problem.uncertain() && after == null) {
            // No answer to the delete and no card/get to tell: it may have happened.
            throw new ActionRefused(msg.deleteUncertain(cards.words(problem)));
        }
        if (problem != null && !deleted) {
            throw new ActionRefused(cards.words(problem));
        }
        return card.title;
    }
}
