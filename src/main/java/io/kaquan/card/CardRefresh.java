package io.kaquan.card;

import static io.kaquan.card.CurrentCards.inTx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.wechat.WeChatCards;

/** Reading one card from WeChat (card/get) into the mirror, on the merchant's request. */
@ApplicationScoped
public class CardRefresh {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentCards cards;

    @Inject
    CardMirror mirror;

    @Inject
    Audit audit;

    public Card refresh(String cardId) {
        currentTenant.require(Role.OPERATOR);
        inTx(() -> cards.find(cardId));
        WeChatCards.Detail detail = cards.wechat(() -> cards.client().cardGet(cardId));
        return inTx(() -> {
            Card card = mirror.refreshed(cards.tenantId(), detail, Card.Origin.DISCOVERED);
            audit.record(cards.tenantId(), AuditAction.CARD_REFRESHED, cardId, "status=" + card.status);
            return card;
        });
    }
}
