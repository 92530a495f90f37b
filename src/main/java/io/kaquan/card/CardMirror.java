package io.kaquan.card;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.databind.JsonNode;

import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.StorableJson;
import io.kaquan.wechat.WeChatCards;

/**
 * Writes what WeChat says about a card into the mirror. Every writer (wizard, management pages, status sync, callback
 * processor) goes through here so that a card is created once per tenant even when two of them race (insert … on
 * conflict do nothing, then a locked read).
 */
@ApplicationScoped
public class CardMirror {

    @Inject
    EntityManager em;

    /** The card's mirror row, created as a bare row (status and type as given) when the tenant has none yet. */
    @Transactional(TxType.MANDATORY)
    public Card ensure(long tenantId, String cardId, String cardType, CardStatus status, Card.Origin origin) {
        Instant now = Instant.now();
        em.createNativeQuery("insert into card (tenant_id, card_id, card_type, status, origin, created_at, "
                + "status_changed_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?6) on conflict (tenant_id, card_id) do nothing")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("card") // not every entity: see CardViewCounter
                .setParameter(1, tenantId).setParameter(2, cardId).setParameter(3, cardType)
                .setParameter(4, status.name()).setParameter(5, origin.name()).setParameter(6, now).executeUpdate();
        return em.createQuery("from Card where tenantId = ?1 and cardId = ?2", Card.class)
                .setParameter(1, tenantId).setParameter(2, cardId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
    }

    /** Takes in a card/get answer: status, title, brand, colour, logo, stock and the whole answer. */
    @Transactional(TxType.MANDATORY)
    public Card refreshed(long tenantId, WeChatCards.Detail detail, Card.Origin originIfNew) {
        Card card = ensure(tenantId, detail.cardId(), detail.cardType(), detail.status(), originIfNew);
        Instant now = Instant.now();
        JsonNode base = detail.card().path(detail.typeKey()).path("base_info");
        card.cardType = detail.cardType().isEmpty() ? card.cardType : detail.cardType();
        card.changeStatus(detail.status(), now);
        if (detail.status() == CardStatus.VERIFY_OK) {
            card.refusalReason = null;
        }
        card.title = detail.title() == null ? card.title : detail.title();
        card.brandName = base.path("brand_name").asText(card.brandName);
        card.color = base.path("color").asText(card.color);
        card.logoUrl = base.path("logo_url").asText(card.logoUrl);
        card.quantity = detail.quantity();
        card.totalQuantity = detail.totalQuantity();
        card.detailJson = StorableJson.of(detail.card());
        card.refreshedAt = now;
        return card;
    }
}
