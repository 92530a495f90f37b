package io.kaquan.sandbox.users;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.cards.CardEvents;
import io.kaquan.sandbox.cards.CardIds;
import io.kaquan.sandbox.cards.CardRules;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.cards.CardWhitelistEntry;
import io.kaquan.sandbox.cards.PoiStore;
import io.kaquan.sandbox.cards.SandboxCards;
import io.kaquan.sandbox.cards.SimulatedCardStatus;
import io.kaquan.sandbox.codes.CodeEvents;
import io.kaquan.sandbox.codes.CodeIssued;
import io.kaquan.sandbox.codes.DepositedCode;
import io.kaquan.sandbox.codes.SandboxCodes;
import io.kaquan.sandbox.codes.SimulatedCodeStatus;
import io.kaquan.sandbox.push.PushSender;
import io.kaquan.sandbox.stats.StatsEvent;

/**
 * What WeChat users do with cards, simulated: receive, view, consume (self-consume, pay cell, merchant helper),
 * gift and delete. Each action changes the code, feeds the statistics on its day (an optional back-dated {@code at}
 * lets tests create past activity) and pushes the event WeChat would push. Refusals are WeChatErrors with the
 * errcode WeChat's client would meet (45031 no stock, 45033 limit reached, 40127 code not usable…).
 */
@ApplicationScoped
public class SimulatedUsers {

    /** card_sku_remind: initial stock above 200, stock now at most 100, at most once per 12 hours and card. */
    static final long REMIND_INITIAL_ABOVE = 200;
    static final long REMIND_AT_MOST = 100;
    static final Duration REMIND_SPACING = Duration.ofHours(12);

    /** ⚠ WeChat documents FROM_API, FROM_MP and FROM_MOBILE_HELPER only; self-consume's own value is unverified. */
    static final String SELF_CONSUME_SOURCE = "FROM_SELF_CONSUME";

    @Inject
    PushSender pushes;

    public record Received(String cardId, String code, String openid, String encryptCode) {
    }

    public record Gifted(String code, String openid, String oldCode) {
    }

    /**
     * A user receives the card: stock −1, a new code. The card must be approved, or the user on the test whitelist.
     * Commits even when refused, so that the stock alarm of a user meeting an empty stock is still pushed.
     */
    @Transactional(dontRollbackOn = WeChatError.class)
    public Received receive(String cardId, ObjectNode request) {
        CardTemplate card = CardTemplate.byCardIdForUpdate(cardId).orElseThrow(NotFoundException::new);
        SandboxAccount account = SandboxAccount.findById(card.accountId);
        Instant at = at(request);
        Optional<String> givenOpenid = text(request, "openid");
        String openid = givenOpenid.orElseGet(() -> CardIds.openid(account.appid));
        if (card.status == SimulatedCardStatus.CARD_STATUS_DELETE) {
            throw new WeChatError(40078, "invalid card status: the card was deleted");
        }
        if (card.status != SimulatedCardStatus.CARD_STATUS_VERIFY_OK && card.status != SimulatedCardStatus.CARD_STATUS_DISPATCH
                && !CardWhitelistEntry.listed(account.id, openid)) {
            throw new WeChatError(40078, "invalid card status: not approved, and the user is not on the test whitelist");
        }
        if (card.bindOpenid && givenOpenid.isEmpty()) {
            throw CardRules.missing("openid (the card is bound to chosen users)");
        }
        long received = CodeIssued.count("cardPk = ?1 and openid = ?2 and givenBy is null", card.id, openid);
        if (received >= card.getLimit) {
            throw new WeChatError(45033, "user get card reach limit");
        }
        if (card.quantity == 0) {
            remindIfLow(account, card, openid);
            throw new WeChatError(45031, "card stock is 0");
        }
        String text;
        if (SandboxCards.depositMode(card) && text(request, "code").isEmpty()) {
            // A deposit-mode card hands out its imported codes; none left is an empty stock to the user.
            DepositedCode deposited = DepositedCode.nextFree(card.id)
                    .orElseThrow(() -> new WeChatError(45031, "card stock is 0: no deposited code left"));
            deposited.received = true;
            text = deposited.code;
        } else if (card.useCustomCode && text(request, "code").isPresent()) {
            text = text(request, "code").get();
            if (CodeIssued.byCode(account.id, text).isPresent()) {
                throw new WeChatError(40116, "invalid code: the code is already used");
            }
        } else {
            text = newCode(account.id);
        }
        card.quantity -= 1;
        CodeIssued code = new CodeIssued();
        code.accountId = account.id;
        code.cardPk = card.id;
        code.code = text;
        code.openid = openid;
        code.status = SimulatedCodeStatus.NORMAL;
        code.encryptCode = CardIds.encryptCode();
        code.outerStr = text(request, "outerStr").orElse("");
        code.outerId = SandboxJson.optionalLong(request, "outerId").orElse(0);
        validity(card, code, at);
        code.receivedAt = at;
        code.updatedAt = Instant.now();
        code.persist();
        StatsEvent.record(card, StatsEvent.Kind.RECEIVE, openid, at);
        pushes.push(account, CodeEvents.userGetCard(account, card, code, at));
        remindIfLow(account, card, openid);
        return new Received(card.cardId, code.code, openid, code.encryptCode);
    }

    /** FIX_TIME_RANGE: the card's range. FIX_TERM: from the receipt day (+fixed_begin_term) for fixed_term days. */
    static void validity(CardTemplate card, CodeIssued code, Instant receivedAt) {
        if (card.dates().fixedRange()) {
            code.beginAt = card.beginAt;
            code.endAt = card.endAt;
            return;
        }
        LocalDate first = LocalDate.ofInstant(receivedAt, CardIds.SHANGHAI).plusDays(card.fixedBeginTerm);
        code.beginAt = first.atStartOfDay(CardIds.SHANGHAI).toInstant();
        Instant end = first.plusDays(card.fixedTerm).atStartOfDay(CardIds.SHANGHAI).toInstant().minusSeconds(1);
        code.endAt = card.endAt != null && card.endAt.isBefore(end) ? card.endAt : end;
    }

    private void remindIfLow(SandboxAccount account, CardTemplate card, String openid) {
        Instant now = Instant.now();
        if (card.initialQuantity > REMIND_INITIAL_ABOVE && card.quantity <= REMIND_AT_MOST
                && (card.skuRemindedAt == null || card.skuRemindedAt.plus(REMIND_SPACING).isBefore(now))) {
            card.skuRemindedAt = now;
            pushes.push(account, CardEvents.skuRemind(account, card, openid, now));
        }
    }

    /**
     * The user has the code consumed. mode SELF (self-consume cell), PAY_CELL (买单, pushes user_pay_from_pay_cell)
     * or MOBILE_HELPER (a clerk with 卡券商户助手); by default whichever cell the card has open, else MOBILE_HELPER.
     */
    @Transactional
    public void consume(String codeText, String appid, ObjectNode request) {
        SandboxCodes.Held held = held(codeText, appid);
        CodeIssued code = held.code();
        CardTemplate card = held.card();
        SandboxAccount account = SandboxAccount.findById(card.accountId);
        Instant at = at(request);
        String mode = text(request, "mode")
                .orElse(card.selfConsumeCell ? "SELF" : card.payCell ? "PAY_CELL" : "MOBILE_HELPER");
        SandboxCodes.requireConsumable(code, at);
        Optional<PoiStore> store = store(account, card, SandboxJson.optionalLong(request, "locationId"));
        String xml;
        switch (mode) {
            case "SELF" -> {
                if (!card.selfConsumeCell) {
                    throw new WeChatError(40078, "invalid card status: the self-consume cell is not open");
                }
                String verifyCode = text(request, "verifyCode").orElse("");
                String remarkAmount = text(request, "remarkAmount").orElse("");
                if ((card.needVerifyCod && verifyCode.isEmpty()) || (card.needRemarkAmount && remarkAmount.isEmpty())) {
                    throw CardRules.missing(card.needVerifyCod ? "verifyCode" : "remarkAmount");
                }
                code.consumeSource = SELF_CONSUME_SOURCE;
                xml = CodeEvents.userConsumeCard(account, card, code, SELF_CONSUME_SOURCE,
                        store.map(PoiStore::displayName).orElse(""), "", verifyCode, remarkAmount, "", at);
            }
            case "PAY_CELL" -> {
                if (!card.payCell) {
                    throw new WeChatError(40078, "invalid card status: the pay cell is not open");
                }
                long originalFee = SandboxJson.optionalLong(request, "originalFee").orElse(10000);
                long fee = SandboxJson.optionalLong(request, "fee").orElse(discounted(card, originalFee));
                code.consumeSource = "FROM_PAY_CELL";
                xml = CodeEvents.userPayFromPayCell(account, card, code, CardIds.digits(23),
                        store.map(poi -> Long.parseLong(poi.poiId)).orElse(0L), fee, originalFee, at);
            }
            case "MOBILE_HELPER" -> {
                code.consumeSource = "FROM_MOBILE_HELPER";
                String staff = text(request, "staffOpenid").orElseGet(() -> CardIds.openid(account.appid));
                xml = CodeEvents.userConsumeCard(account, card, code, "FROM_MOBILE_HELPER", "", staff, "", "", "",
                        at);
            }
            default -> throw CardRules.invalidArgs("mode must be SELF, PAY_CELL or MOBILE_HELPER");
        }
        code.status = SimulatedCodeStatus.CONSUMED;
        code.consumedAt = at;
        code.updatedAt = Instant.now();
        StatsEvent.record(card, StatsEvent.Kind.VERIFY, code.openid, at);
        pushes.push(account, xml);
    }

    /** What the user pays through the pay cell: the card's reduction applied to the amount due. */
    static long discounted(CardTemplate card, long originalFee) {
        JsonNode typed = SandboxCards.read(card.cardJson);
        return switch (card.cardType) {
            case CASH -> originalFee >= typed.path("least_cost").asLong()
                    ? Math.max(0, originalFee - typed.path("reduce_cost").asLong())
                    : originalFee;
            case DISCOUNT -> originalFee * (100 - typed.path("discount").asLong()) / 100;
            default -> originalFee;
        };
    }

    /** The store of the action: the one asked for, else the card's first approved store. */
    private static Optional<PoiStore> store(SandboxAccount account, CardTemplate card,
            OptionalLong locationId) {
        List<PoiStore> stores = PoiStore.list("accountId = ?1 and availableState = ?2 order by id", account.id,
                PoiStore.APPROVED);
        if (locationId.isPresent()) {
            return stores.stream().filter(poi -> poi.poiId.equals(Long.toString(locationId.getAsLong()))).findFirst();
        }
        JsonNode listed = SandboxCards.read(card.cardJson).path("base_info").path("location_id_list");
        for (JsonNode id : listed) {
            Optional<PoiStore> match = stores.stream().filter(poi -> poi.poiId.equals(id.asText())).findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    /** The user gives the card to a friend: the old code is gone (40056), the friend gets a new one. */
    @Transactional
    public Gifted gift(String codeText, String appid, ObjectNode request) {
        SandboxCodes.Held held = held(codeText, appid);
        CodeIssued old = held.code();
        CardTemplate card = held.card();
        SandboxAccount account = SandboxAccount.findById(card.accountId);
        Instant at = at(request);
        if (!card.canGiveFriend) {
            throw new WeChatError(40078, "invalid card status: the card cannot be given to friends");
        }
        SandboxCodes.requireConsumable(old, at);
        String friend = text(request, "friendOpenid").orElseGet(() -> CardIds.openid(account.appid));
        if (friend.equals(old.openid)) {
            throw CardRules.invalidArgs("friendOpenid must differ from the giver");
        }
        pushes.push(account, CodeEvents.userGiftingCard(account, card, old, friend,
                SandboxJson.booleanOr(request, "chatRoom", false), at));
        old.status = SimulatedCodeStatus.GIFT_SUCC;
        old.updatedAt = Instant.now();
        StatsEvent.record(card, StatsEvent.Kind.GIVEN, old.openid, at);

        CodeIssued gift = new CodeIssued();
        gift.accountId = account.id;
        gift.cardPk = card.id;
        gift.code = newCode(account.id);
        gift.openid = friend;
        gift.status = SimulatedCodeStatus.NORMAL;
        gift.encryptCode = CardIds.encryptCode();
        gift.oldCode = old.code;
        gift.givenBy = old.openid;
        gift.beginAt = old.beginAt;
        gift.endAt = old.endAt;
        gift.receivedAt = at;
        gift.updatedAt = Instant.now();
        gift.persist();
        pushes.push(account, CodeEvents.userGetCard(account, card, gift, at));
        return new Gifted(gift.code, friend, old.code);
    }

    /** The user deletes the card from the wallet. */
    @Transactional
    public void delete(String codeText, String appid, ObjectNode request) {
        SandboxCodes.Held held = held(codeText, appid);
        CodeIssued code = held.code();
        Instant at = at(request);
        if (code.status != SimulatedCodeStatus.NORMAL && code.status != SimulatedCodeStatus.EXPIRE) {
            SandboxCodes.refuseUnusable(code);
        }
        SandboxAccount account = SandboxAccount.findById(held.card().accountId);
        code.status = SimulatedCodeStatus.DELETE;
        code.updatedAt = Instant.now();
        pushes.push(account, CodeEvents.userDelCard(account, held.card(), code, at));
    }

    /** The user opens the card: counted as a view; user_view_card only for cards created with need_push_on_view. */
    @Transactional
    public boolean view(String codeText, String appid, ObjectNode request) {
        SandboxCodes.Held held = held(codeText, appid);
        SandboxAccount account = SandboxAccount.findById(held.card().accountId);
        Instant at = at(request);
        StatsEvent.record(held.card(), StatsEvent.Kind.VIEW, held.code().openid, at);
        if (held.card().needPushOnView) {
            pushes.push(account, CodeEvents.userViewCard(account, held.card(), held.code(), at));
            return true;
        }
        return false;
    }

    // Shared

    /** The code named on an admin path; appid disambiguates a code text used by several accounts. */
    static SandboxCodes.Held held(String codeText, String appid) {
        List<CodeIssued> found = CodeIssued.everywhere(codeText).stream()
                .filter(code -> appid == null || SandboxAccount.<SandboxAccount> findById(code.accountId).appid
                        .equals(appid))
                .filter(code -> code.status != SimulatedCodeStatus.GIFT_SUCC).toList();
        if (found.isEmpty()) {
            throw new NotFoundException();
        }
        if (found.size() > 1) {
            throw CardRules.invalidArgs("several accounts have this code: add ?appid=");
        }
        CodeIssued code = CodeIssued.findById(found.get(0).id, LockModeType.PESSIMISTIC_WRITE);
        CardTemplate card = CardTemplate.findById(code.cardPk);
        SandboxCodes.expireIfDue(code, card, Instant.now());
        return new SandboxCodes.Held(code, card);
    }

    static String newCode(Long accountId) {
        String code;
        do {
            code = CardIds.code();
        } while (CodeIssued.byCode(accountId, code).isPresent());
        return code;
    }

    /** When the action happened: now, or an earlier instant ("at": ISO-8601 or Unix seconds) for past statistics. */
    static Instant at(ObjectNode request) {
        Instant now = Instant.now();
        JsonNode at = request == null ? null : SandboxJson.field(request, "at");
        if (at == null) {
            return now;
        }
        Instant when;
        if (at.isIntegralNumber()) {
            when = Instant.ofEpochSecond(at.longValue());
        } else {
            try {
                when = Instant.parse(at.asText());
            } catch (DateTimeParseException e) {
                throw CardRules.invalidArgs("at must be ISO-8601 (2026-01-31T08:00:00Z) or Unix seconds");
            }
        }
        if (when.isAfter(now.plusSeconds(60))) {
            throw CardRules.invalidArgs("at must not be in the future");
        }
        return when;
    }

    private static Optional<String> text(ObjectNode request, String name) {
        return request == null ? Optional.empty()
                : SandboxJson.optionalText(request, name).filter(value -> !value.isBlank());
    }
}
