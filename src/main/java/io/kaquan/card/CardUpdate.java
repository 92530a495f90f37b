package io.kaquan.card;

import static io.kaquan.card.CurrentCards.inTx;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.InvalidFormException;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatClient;

/**
 * Changing a card's base_info: WeChat's card is read first, {@link CardUpdateForm} decides what changed, card/update
 * sends only that, and the card is read back (WeChat's advice) into the mirror.
 */
@ApplicationScoped
public class CardUpdate {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentCards cards;

    @Inject
    CardMirror mirror;

    @Inject
    Audit audit;

    /** The card for its edit form: operators only, like the change itself. */
    public Card editable(String cardId) {
        currentTenant.require(Role.OPERATOR);
        return inTx(() -> cards.find(cardId));
    }

    /** Sends the fields of the form that differ from what WeChat holds now (read first), then re-reads the card. */
    public CardOutcome update(String cardId, Map<String, String> form) {
        currentTenant.require(Role.OPERATOR);
        CardPagesMsg msg = cards.msg();
        Card stored = inTx(() -> cards.find(cardId));
        if (stored.status == CardStatus.DELETE || stored.status == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg.errDeleted());
        }
        WeChatClient client = cards.client();
        WeChatCards.Detail fresh = cards.wechat(() -> client.cardGet(cardId));
        Card current = inTx(() -> mirror.refreshed(cards.tenantId(), fresh, Card.Origin.DISCOVERED));
        CardUpdateForm.Changes changes = CardUpdateForm.changes(new CardView(current, msg), form, msg);
        if (!changes.errors().isEmpty()) {
            // The flash travels in a cookie: a long description stays out of it (the form shows WeChat's again).
            Map<String, String> kept = new LinkedHashMap<>(form);
            if (kept.getOrDefault("description", "").length() > 300) {
                kept.remove("description");
            }
            throw new InvalidFormException(changes.errors(), kept);
        }
        if (changes.isEmpty()) {
            return new CardOutcome(false, msg.nothingChanged());
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject(fresh.typeKey()).set("base_info", changes.baseInfo());
        boolean sendCheck = cards.wechat(() -> client.cardUpdate(cardId, body));
        WeChatCards.Detail after = cards.readQuietly(client, cardId);
        Card updated = inTx(() -> {
            Card card = after == null ? cards.find(cardId)
                    : mirror.refreshed(cards.tenantId(), after, Card.Origin.DISCOVERED);
            if (after == null && sendCheck) {
                card.changeStatus(CardStatus.NOT_VERIFY, Instant.now());
            }
            audit.record(cards.tenantId(), AuditAction.CARD_UPDATED, cardId,
                    "fields=" + String.join(",", changes.changed()) + " send_check=" + sendCheck);
            return card;
        });
        String fields = msg.fieldList(
                changes.changed().stream().map(field -> CardUpdateForm.label(field, msg)).distinct().toList());
        String status = cards.cardMsg().status(updated.status);
        return new CardOutcome(true, sendCheck ? msg.updatedReview(fields, status) : msg.updated(fields, status));
    }
}
