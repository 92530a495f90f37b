package io.kaquan.sandbox.codes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.cards.CardRules;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.push.PushSender;
import io.kaquan.sandbox.stats.StatsEvent;

/**
 * The code APIs (SEED-MANAGE §查询Code… and reference §4.3, §4.4, §4.11, §4.13, §5.6, §5.7) and the code state
 * machine they share with the simulated users: NORMAL → CONSUMED | DELETE | UNAVAILABLE | GIFT_SUCC | EXPIRE.
 */
@ApplicationScoped
public class SandboxCodes {

    static final String INVALID_STATUS = "invalid user-card status! Hint: the card was given to user, but may be "
            + "deleted or set unavailable !";

    @Inject
    PushSender pushes;

    /** A code with its card, as one lookup finds them. */
    public record Held(CodeIssued code, CardTemplate card) {
    }

    /** Commits even when refusing, so that a code found expired stays expired (and is counted once). */
    @Transactional(dontRollbackOn = WeChatError.class)
    public ObjectNode get(SandboxAccount account, ObjectNode body) {
        Held held = lookup(account, body, false);
        boolean checkConsume = SandboxJson.booleanOr(body, "check_consume", true);
        CodeIssued code = held.code();
        Instant now = Instant.now();
        if (checkConsume) {
            refuseUnusable(code);
        }
        ObjectNode reply = WeChatReply.object();
        reply.putObject("card").put("card_id", held.card().cardId).put("begin_time", code.beginAt.getEpochSecond())
                .put("end_time", code.endAt.getEpochSecond());
        reply.put("openid", code.openid);
        reply.put("can_consume", code.status == SimulatedCodeStatus.NORMAL && !now.isBefore(code.beginAt));
        reply.put("user_card_status", code.status.name());
        reply.put("outer_str", code.outerStr);
        return reply;
    }

    @Transactional
    public ObjectNode consume(SandboxAccount account, ObjectNode body) {
        Held held = lookup(account, body, true);
        CodeIssued code = held.code();
        Instant now = Instant.now();
        requireConsumable(code, now);
        code.status = SimulatedCodeStatus.CONSUMED;
        code.consumedAt = now;
        code.consumeSource = "FROM_API";
        code.updatedAt = now;
        StatsEvent.record(held.card(), StatsEvent.Kind.VERIFY, code.openid, now);
        pushes.push(account, CodeEvents.userConsumeCard(account, held.card(), code, "FROM_API", "", "", "", "",
                SandboxJson.optionalText(body, "outer_str").orElse(""), now));
        ObjectNode reply = WeChatReply.object();
        reply.putObject("card").put("card_id", held.card().cardId);
        reply.put("openid", code.openid);
        return reply;
    }

    @Transactional
    public void unavailable(SandboxAccount account, ObjectNode body) {
        Held held = lookup(account, body, true);
        CodeIssued code = held.code();
        // Irreversible: an unavailable code stays so; consumed ones cannot be withdrawn.
        switch (code.status) {
            case CONSUMED -> throw consumed();
            case NORMAL, EXPIRE -> {
                code.status = SimulatedCodeStatus.UNAVAILABLE;
                code.updatedAt = Instant.now();
            }
            default -> throw new WeChatError(40127, INVALID_STATUS);
        }
    }

    @Transactional
    public void update(SandboxAccount account, ObjectNode body) {
        if (!account.customCodeEnabled) {
            throw new WeChatError(43009, "no permission to use custom code");
        }
        SandboxJson.optionalText(body, "card_id").filter(id -> !id.isBlank())
                .orElseThrow(() -> new WeChatError(41012, "missing card_id"));
        Held held = lookup(account, body, true);
        if (!held.card().useCustomCode) {
            throw new WeChatError(43009, "no permission to use custom code: the card does not use custom codes");
        }
        String newCode = SandboxJson.optionalText(body, "new_code").filter(text -> !text.isBlank())
                .orElseThrow(() -> CardRules.missing("new_code"));
        if (newCode.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw new WeChatError(45021, CardRules.TOO_LONG);
        }
        CodeIssued code = held.code();
        if (code.status == SimulatedCodeStatus.CONSUMED) {
            throw consumed();
        }
        if (code.status != SimulatedCodeStatus.NORMAL) {
            throw new WeChatError(40127, INVALID_STATUS);
        }
        if (CodeIssued.byCode(account.id, newCode).isPresent()) {
            throw new WeChatError(40116, "invalid code: new_code is already used");
        }
        code.code = newCode;
        code.updatedAt = Instant.now();
    }

    @Transactional
    public ObjectNode decrypt(SandboxAccount account, ObjectNode body) {
        String encrypted = SandboxJson.optionalText(body, "encrypt_code").filter(text -> !text.isBlank())
                .orElseThrow(() -> CardRules.missing("encrypt_code"));
        CodeIssued code = CodeIssued.<CodeIssued> find("accountId = ?1 and encryptCode = ?2", account.id, encrypted)
                .firstResultOptional().orElseThrow(SandboxCodes::invalidSerial);
        ObjectNode reply = WeChatReply.object();
        reply.put("code", code.code);
        return reply;
    }

    @Transactional
    public ObjectNode userCards(SandboxAccount account, ObjectNode body) {
        String openid = SandboxJson.optionalText(body, "openid").filter(text -> !text.isBlank())
                .orElseThrow(() -> new WeChatError(41009, "missing openid"));
        if (openid.length() > 64) {
            throw new WeChatError(40003, "invalid openid");
        }
        String cardId = SandboxJson.optionalText(body, "card_id").filter(text -> !text.isBlank()).orElse(null);
        List<CodeIssued> codes = CodeIssued.list("accountId = ?1 and openid = ?2 and status in ?3 order by receivedAt",
                account.id, openid, List.of(SimulatedCodeStatus.NORMAL, SimulatedCodeStatus.GIFTING));
        ObjectNode reply = WeChatReply.object();
        ArrayNode list = reply.putArray("card_list");
        Instant now = Instant.now();
        for (CodeIssued code : codes) {
            CardTemplate card = CardTemplate.findById(code.cardPk);
            if (cardId != null && !cardId.equals(card.cardId)) {
                continue;
            }
            expireIfDue(code, card, now);
            if (code.status.inWallet()) {
                list.addObject().put("code", code.code).put("card_id", card.cardId);
            }
        }
        reply.put("has_share_card", false);
        return reply;
    }

    // The state machine shared with the simulated users

    /**
     * The code of the request: 40056 when unknown, given away, of another card, or of a custom-code card asked
     * without its card_id (WeChat cannot find custom codes without it).
     */
    static Held lookup(SandboxAccount account, ObjectNode body, boolean lock) {
        String text = SandboxJson.optionalText(body, "code").filter(code -> !code.isBlank())
                .orElseThrow(() -> CardRules.missing("code"));
        String cardId = SandboxJson.optionalText(body, "card_id").filter(id -> !id.isBlank()).orElse(null);
        CodeIssued code = (lock ? CodeIssued.byCodeForUpdate(account.id, text) : CodeIssued.byCode(account.id, text))
                .orElseThrow(SandboxCodes::invalidSerial);
        CardTemplate card = CardTemplate.findById(code.cardPk);
        if (code.status == SimulatedCodeStatus.GIFT_SUCC || (cardId != null && !cardId.equals(card.cardId))
                || (card.useCustomCode && cardId == null)) {
            throw invalidSerial();
        }
        expireIfDue(code, card, Instant.now());
        return new Held(code, card);
    }

    /** A code past its end expires when next looked at; the statistics count it on the day it ended. */
    public static void expireIfDue(CodeIssued code, CardTemplate card, Instant now) {
        if (code.status == SimulatedCodeStatus.NORMAL && now.isAfter(code.endAt)) {
            code.status = SimulatedCodeStatus.EXPIRE;
            code.updatedAt = now;
            StatsEvent.record(card, StatsEvent.Kind.EXPIRE, code.openid, code.endAt);
        }
    }

    /** check_consume=true: 40099 for a consumed code, 40127 for deleted, unavailable, gifting and expired ones. */
    public static void refuseUnusable(CodeIssued code) {
        switch (code.status) {
            case NORMAL -> {
            }
            case CONSUMED -> throw consumed();
            default -> throw new WeChatError(40127, INVALID_STATUS);
        }
    }

    /** Consumable: NORMAL and already effective (a FIX_TERM code may start days after receipt). */
    public static void requireConsumable(CodeIssued code, Instant at) {
        refuseUnusable(code);
        if (at.isBefore(code.beginAt)) {
            throw new WeChatError(40127, INVALID_STATUS);
        }
    }

    static WeChatError consumed() {
        return new WeChatError(40099, "invalid code, this code has consumed.");
    }

    static WeChatError invalidSerial() {
        return new WeChatError(40056, "invalid serial code");
    }
}
