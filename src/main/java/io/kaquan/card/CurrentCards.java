package io.kaquan.card;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;

import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.I18n;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatMsg;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The current tenant's cards as every card use case reaches them: looked up with the tenant (another tenant's card_id
 * is a 404 before anything happens), WeChat through the tenant's client, and short transactions of their own — WeChat
 * is called outside any database transaction (a call may take the whole read timeout).
 */
@ApplicationScoped
class CurrentCards {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    WeChatGateway gateway;

    @Inject
    EntityManager em;

    @Inject
    I18n i18n;

    long tenantId() {
        return currentTenant.id();
    }

    /** The tenant's card, or 404. Inside a transaction. */
    Card find(String cardId) {
        if (cardId == null || cardId.length() > 64) {
            throw new NotFoundException();
        }
        return Card.of(currentTenant.id(), cardId).orElseThrow(NotFoundException::new);
    }

    /** The tenant's card, locked for the rest of the transaction. */
    Card locked(String cardId) {
        Card card = find(cardId);
        em.lock(card, LockModeType.PESSIMISTIC_WRITE);
        return card;
    }

    WeChatClient client() {
        return gateway.forTenant(currentTenant.id());
    }

    /** A WeChat call whose failure the merchant reads as WeChat's error in words. */
    <T> T wechat(Supplier<T> call) {
        try {
            return call.get();
        } catch (WeChatException e) {
            throw new ActionRefused(WeChatErrors.message(wechatMsg(), e));
        }
    }

    /** card/get after a change: its failure does not undo the change, the page then shows the mirror as it was. */
    WeChatCards.Detail readQuietly(WeChatClient client, String cardId) {
        try {
            return client.cardGet(cardId);
        } catch (WeChatException e) {
            Log.infof("card/get of %s after a change failed: %s", cardId, e.getMessage());
            return null;
        }
    }

    /** WeChat's error in the merchant's words. */
    String words(WeChatException e) {
        return WeChatErrors.message(wechatMsg(), e);
    }

    static <T> T inTx(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    CardPagesMsg msg() {
        return i18n.bundle(CardPagesMsg.class);
    }

    CardMsg cardMsg() {
        return i18n.bundle(CardMsg.class);
    }

    private WeChatMsg wechatMsg() {
        return i18n.bundle(WeChatMsg.class);
    }
}
