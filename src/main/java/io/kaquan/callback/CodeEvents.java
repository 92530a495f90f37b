package io.kaquan.callback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.kaquan.card.Card;
import io.kaquan.card.CardMirror;
import io.kaquan.code.CardCode;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.UserCardStatus;

/**
 * What users do with codes, into the code mirror and the card's counters (protocol reference §3): user_get_card,
 * user_gifting_card, user_del_card, user_consume_card, user_pay_from_pay_cell.
 *
 * <p>
 * Exactly once: the processor applies this in the transaction that marks the event, and each effect is also
 * idempotent on its own. A counter moves only when the row makes the transition it counts (received_at set for the
 * first time, consumed_at set for the first time, status into DELETE, status from outside into a gift state, a
 * payment row inserted for the event), so applying an event twice changes nothing the second time.
 *
 * <p>
 * Remaining stock (the card's {@code quantity}) moves the way WeChat moves sku.quantity (protocol reference §3,
 * §4.10; the sandbox's SimulatedUsers does the same): only a user receiving a new code from the card's stock takes
 * one, once per code, when its receipt is first applied. A friend's gift (IsGiveByFriend=1) hands on a code that
 * already left the stock, and a restored member card (IsRestoreMemberCard=1) is the user's old code, so neither takes
 * one; a gift coming back (IsReturnBack=1) returns the code to the giver, not to the stock; consumed, deleted and
 * expired codes are not returned to the stock either. What the pushes miss or count twice (modifystock from the MP
 * console; a receipt pushed while a card/get was under way) is corrected by the next card/get (on view after a
 * while, and the sync job).
 *
 * <p>
 * Any order: pushes of one moment are delivered in parallel and retried late. A code's status only moves to the
 * status of an event not older than the one that set it ({@code last_event_id}'s CreateTime); on a tie within the
 * same second the further status wins (NORMAL, then GIFTING, then the final ones). Counters do not depend on the
 * order: a user_get_card arriving after the code's consumption still counts the receipt, without reviving the code.
 *
 * <p>
 * Locks: the card row first (through {@link CardMirror#ensure}), then its code rows; the processor orders a batch
 * by card so that two nodes never take them in opposite orders.
 */
@ApplicationScoped
public class CodeEvents implements CardEventHandler {

    static final String GET = "user_get_card";
    static final String GIFTING = "user_gifting_card";
    static final String DELETE = "user_del_card";
    static final String CONSUME = "user_consume_card";
    static final String PAY = "user_pay_from_pay_cell";

    private static final Set<UserCardStatus> GIFT_STATES = Set.of(UserCardStatus.GIFTING, UserCardStatus.GIFT_SUCC);

    @Inject
    EntityManager em;

    @Inject
    CardMirror mirror;

    @Override
    public Set<String> eventTypes() {
        return Set.of(GET, GIFTING, DELETE, CONSUME, PAY);
    }

    @Override
    public Outcome apply(WeChatEvent event) {
        if (event.cardId == null || event.userCardCode == null) {
            return Outcome.ignored("no CardId or UserCardCode");
        }
        Map<String, String> fields = CallbackXmlFields.of(event);
        Card card = mirror.ensure(event.tenantId, event.cardId, CardReviewEvents.UNKNOWN_TYPE, CardStatus.UNKNOWN,
                Card.Origin.DISCOVERED);
        Effects effects = new Effects();
        switch (event.eventType) {
            case GET -> received(event, fields, card, effects);
            case GIFTING -> gifting(event, fields, card, effects);
            case DELETE -> deleted(event, card, effects);
            case CONSUME -> consumed(event, card, effects);
            case PAY -> paid(event, fields, card, effects);
            default -> throw new IllegalStateException("not a code event: " + event.eventType);
        }
        return Outcome.processed(effects.describe(event));
    }

    // The events

    private void received(WeChatEvent event, Map<String, String> fields, Card card, Effects effects) {
        Instant at = CardReviewEvents.eventTime(event);
        Row row = row(event, event.userCardCode, UserCardStatus.NORMAL, event.fromUser);
        CardCode code = row.code();
        boolean gift = "1".equals(fields.get("IsGiveByFriend"));
        if (code.receivedAt == null) {
            code.receivedAt = at;
            card.receivedCount++;
            effects.add("received_count+1");
            if (!gift && !"1".equals(fields.get("IsRestoreMemberCard")) && card.takeReceived(event.receivedAt, Instant.now())) {
                effects.add("quantity-1");
            }
        }
        if (code.openid == null || code.openid.isEmpty()) {
            code.openid = event.fromUser;
        }
        if (code.source == null) {
            code.source = source(fields);
        }
        String outerStr = fields.getOrDefault("OuterStr", "").strip();
        if (code.outerStr == null && !gift && !outerStr.isEmpty()) {
            code.outerStr = outerStr.length() > 64 ? outerStr.substring(0, 64) : outerStr; // the channel of a receipt
        }
        if (!row.created()) {
            moveTo(code, event, UserCardStatus.NORMAL, effects);
            if (gift && code.lastEventId != null && code.lastEventId.equals(event.id)) {
                code.openid = event.fromUser; // a gift that kept its code: the friend holds it now
            }
        } else {
            effects.add("code " + code.code + " NORMAL");
        }
        touch(code, event, row.created());
        String oldCode = fields.getOrDefault("OldUserCardCode", "");
        if (gift && !oldCode.isEmpty() && !oldCode.equals(event.userCardCode)) {
            // The friend accepted a gift: the giver's code is gone for good (WeChat issues the friend a new code).
            String giver = fields.getOrDefault("FriendUserName", "");
            Row old = row(event, oldCode, UserCardStatus.GIFT_SUCC, giver.isEmpty() ? null : giver);
            giftState(old, event, UserCardStatus.GIFT_SUCC, card, effects);
        }
    }

    private void gifting(WeChatEvent event, Map<String, String> fields, Card card, Effects effects) {
        boolean returned = "1".equals(fields.get("IsReturnBack"));
        // ⚠ IsReturnBack=1: the friend did not take the gift and the code is back with the giver (usable again).
        UserCardStatus status = returned ? UserCardStatus.NORMAL : UserCardStatus.GIFTING;
        Row row = row(event, event.userCardCode, status, event.fromUser);
        if (returned) {
            if (!row.created()) {
                moveTo(row.code(), event, UserCardStatus.NORMAL, effects);
            }
            touch(row.code(), event, row.created());
            effects.add("gift returned");
            return;
        }
        giftState(row, event, UserCardStatus.GIFTING, card, effects);
    }

    private void deleted(WeChatEvent event, Card card, Effects effects) {
        Row row = row(event, event.userCardCode, UserCardStatus.DELETE, event.fromUser);
        UserCardStatus before = row.created() ? null : row.code().status;
        if (!row.created()) {
            moveTo(row.code(), event, UserCardStatus.DELETE, effects);
        }
        if (before != UserCardStatus.DELETE && row.code().status == UserCardStatus.DELETE) {
            card.deletedCount++;
            effects.add("deleted_count+1");
        }
        touch(row.code(), event, row.created());
    }

    private void consumed(WeChatEvent event, Card card, Effects effects) {
        Row row = row(event, event.userCardCode, UserCardStatus.CONSUMED, event.fromUser);
        CardCode code = row.code();
        if (!row.created()) {
            moveTo(code, event, UserCardStatus.CONSUMED, effects);
        }
        if (code.consumedAt == null) {
            code.consumedAt = CardReviewEvents.eventTime(event);
            card.consumedCount++;
            effects.add("consumed_count+1");
        }
        touch(code, event, row.created());
    }

    /** 买单 through the pay cell: a payment (amounts as WeChat gives them) and the code used up with it. */
    private void paid(WeChatEvent event, Map<String, String> fields, Card card, Effects effects) {
        List<?> inserted = em.createNativeQuery("insert into card_payment (tenant_id, card_id, code, openid, trans_id, "
                + "location_id, fee, original_fee, paid_at, event_id) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                + "on conflict (event_id) do nothing returning id")
                .setParameter(1, event.tenantId).setParameter(2, event.cardId).setParameter(3, event.userCardCode)
                .setParameter(4, event.fromUser).setParameter(5, fields.getOrDefault("TransId", ""))
                .setParameter(6, number(fields.get("LocationId"), 0L)).setParameter(7, number(fields.get("Fee"), null))
                .setParameter(8, number(fields.get("OriginalFee"), null))
                .setParameter(9, CardReviewEvents.eventTime(event)).setParameter(10, event.id).getResultList();
        if (!inserted.isEmpty()) {
            card.paidCount++;
            effects.add("paid_count+1 (fee " + fields.getOrDefault("Fee", "?") + " of "
                    + fields.getOrDefault("OriginalFee", "?") + ")");
        }
        consumed(event, card, effects);
    }

    // Code rows

    /** A code row and whether this event created it. */
    private record Row(CardCode code, boolean created) {
    }

    /** The code's row, locked; created with the event's status and owner when the mirror has none. */
    private Row row(WeChatEvent event, String code, UserCardStatus statusIfNew, String openidIfNew) {
        Instant now = Instant.now();
        List<?> inserted = em.createNativeQuery("insert into card_code (tenant_id, card_id, code, openid, status, "
                + "last_event_id, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                + "on conflict (tenant_id, card_id, code) do nothing returning id")
                .setParameter(1, event.tenantId).setParameter(2, event.cardId).setParameter(3, code)
                .setParameter(4, openidIfNew).setParameter(5, statusIfNew.name()).setParameter(6, event.id)
                .setParameter(7, now).getResultList();
        CardCode row = em.createQuery("from CardCode where tenantId = ?1 and cardId = ?2 and code = ?3", CardCode.class)
                .setParameter(1, event.tenantId).setParameter(2, event.cardId).setParameter(3, code)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResult();
        return new Row(row, !inserted.isEmpty());
    }

    /**
     * Into GIFTING or GIFT_SUCC: gifted_count counts a code leaving its owner by gift once, whichever of
     * user_gifting_card and the friend's user_get_card arrives first.
     */
    private void giftState(Row row, WeChatEvent event, UserCardStatus status, Card card, Effects effects) {
        CardCode code = row.code();
        boolean wasGift = !row.created() && GIFT_STATES.contains(code.status);
        if (!row.created()) {
            moveTo(code, event, status, effects);
        } else {
            effects.add("code " + code.code + " " + status);
        }
        if (!wasGift && GIFT_STATES.contains(code.status)) {
            card.giftedCount++;
            effects.add("gifted_count+1");
        }
        touch(code, event, row.created());
    }

    /** Moves an existing code to the event's status unless the code's status is newer than the event. */
    private void moveTo(CardCode code, WeChatEvent event, UserCardStatus status, Effects effects) {
        if (code.status == status) {
            return;
        }
        Long lastTime = code.lastEventId == null || code.lastEventId.equals(event.id) ? null
                : (Long) em.createQuery("select e.createTime from WeChatEvent e where e.id = ?1")
                        .setParameter(1, code.lastEventId).getResultStream().findFirst().orElse(null);
        boolean newer = lastTime == null || lastTime == 0 || event.createTime == 0 ? rank(status) >= rank(code.status)
                : event.createTime > lastTime || (event.createTime == lastTime && rank(status) >= rank(code.status));
        if (!newer) {
            effects.add("code " + code.code + " stays " + code.status + " (newer than this event)");
            return;
        }
        effects.add("code " + code.code + " " + code.status + " → " + status);
        code.status = status;
        code.lastEventId = event.id;
    }

    /** Records the event on the row when it set the row's status (a new row) and the time of the change. */
    private static void touch(CardCode code, WeChatEvent event, boolean created) {
        if (created) {
            code.lastEventId = event.id;
        }
        code.updatedAt = Instant.now();
    }

    /** How far along its life a code is: a later state wins a tie of CreateTime. */
    static int rank(UserCardStatus status) {
        return switch (status) {
            case NORMAL -> 0;
            case GIFTING, GIFT_TIMEOUT -> 1;
            case UNKNOWN -> -1;
            default -> 2;
        };
    }

    /** How the user came by the code, from user_get_card's fields (WeChat's names; empty and zero values left out). */
    static String source(Map<String, String> fields) {
        List<String> parts = new ArrayList<>();
        boolean gift = "1".equals(fields.get("IsGiveByFriend"));
        if (gift) {
            parts.add("IsGiveByFriend=1");
        }
        for (String name : List.of("FriendUserName", "OldUserCardCode", "OuterStr", "OuterId", "SourceScene")) {
            String value = fields.getOrDefault(name, "").strip();
            if (!value.isEmpty() && !("OuterId".equals(name) && "0".equals(value))) {
                parts.add(name + "=" + value);
            }
        }
        for (String flag : List.of("IsRestoreMemberCard", "IsRecommendByFriend")) {
            if ("1".equals(fields.get(flag))) {
                parts.add(flag + "=1");
            }
        }
        String source = String.join("; ", parts);
        return source.isEmpty() ? null : source.length() > 500 ? source.substring(0, 500) : source;
    }

    private static Long number(String value, Long otherwise) {
        try {
            return value == null || value.isBlank() ? otherwise : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The effects of one event, for its outcome line in the event log. */
    private static final class Effects {
        private final List<String> parts = new ArrayList<>();

        void add(String part) {
            parts.add(part);
        }

        String describe(WeChatEvent event) {
            return event.cardId + "/" + event.userCardCode + ": "
                    + (parts.isEmpty() ? "nothing new" : String.join(", ", parts));
        }
    }
}
