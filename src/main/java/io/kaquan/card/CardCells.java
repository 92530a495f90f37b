package io.kaquan.card;

import static io.kaquan.card.CurrentCards.inTx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.wechat.CardStatus;

/**
 * Opening or closing a card's pay cell (买单) and self-consume cell (自助核销). The two exclude each other, and both
 * need stores; WeChat Pay permission only WeChat knows (43008).
 */
@ApplicationScoped
public class CardCells {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentCards cards;

    @Inject
    Audit audit;

    /** @return the flash text */
    public String payCell(String cardId, boolean open) {
        currentTenant.require(Role.OPERATOR);
        CardPagesMsg msg = cards.msg();
        Card card = inTx(() -> cards.find(cardId));
        checkCell(card, open, Boolean.TRUE.equals(card.selfConsumeCellOpen), msg.errSelfConsumeOpen());
        cards.wechat(() -> {
            cards.client().paycellSet(cardId, open);
            return null;
        });
        inTx(() -> {
            cards.find(cardId).payCellOpen = open;
            audit.record(cards.tenantId(), AuditAction.CARD_PAYCELL_SET, cardId, "open=" + open);
            return null;
        });
        return msg.payCellSet(open ? msg.opened() : msg.closed());
    }

    /** @return the flash text */
    public String selfConsumeCell(String cardId, boolean open, boolean needVerifyCod, boolean needRemarkAmount) {
        currentTenant.require(Role.OPERATOR);
        CardPagesMsg msg = cards.msg();
        Card card = inTx(() -> cards.find(cardId));
        checkCell(card, open, Boolean.TRUE.equals(card.payCellOpen), msg.errPayCellOpen());
        cards.wechat(() -> {
            cards.client().selfConsumeCellSet(cardId, open, needVerifyCod, needRemarkAmount);
            return null;
        });
        inTx(() -> {
            cards.find(cardId).selfConsumeCellOpen = open;
            audit.record(cards.tenantId(), AuditAction.CARD_SELFCONSUMECELL_SET, cardId,
                    "open=" + open + " verify_cod=" + needVerifyCod + " remark_amount=" + needRemarkAmount);
            return null;
        });
        return msg.selfConsumeSet(open ? msg.opened() : msg.closed());
    }

    /** The preconditions Kaquan can see before calling. */
    private void checkCell(Card card, boolean open, boolean otherOpen, String conflict) {
        CardPagesMsg msg = cards.msg();
        if (card.status == CardStatus.DELETE || card.status == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg.errDeleted());
        }
        if (open && !new CardView(card, msg).hasStores()) {
            throw new ActionRefused(msg.errNoStores());
        }
        if (open && otherOpen) {
            throw new ActionRefused(conflict);
        }
    }
}
