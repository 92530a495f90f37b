package io.kaquan.code;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.card.Card;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.FormErrors;
import io.kaquan.web.InvalidFormException;
import io.kaquan.wechat.UserCardStatus;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatCodes;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Looking a code up at the counter, and the lookup page's lists (recent lookups and operations, those awaiting their
 * outcome). WeChat answers with the current tenant's token, so a code of another tenant's account is simply unknown
 * there (40056); every local read is scoped by the current tenant. A lookup also settles the code's operations whose
 * answer was lost ({@link CodeSettlement}).
 */
@ApplicationScoped
public class CodeLookups {

    static final int RECENT = 20;

    /** A checked lookup request; code is null when only the encrypted code was given. */
    public record Query(String code, String cardId, String encryptCode, boolean checkConsume) {
    }

    /**
     * What a lookup found: WeChat's answer (info) or its refusal (message), the card from this tenant's mirror (null
     * when not mirrored), and the code's operations that still await their outcome.
     */
    public record Result(Query query, String code, WeChatCodes.Info info, Card card, boolean customCode,
            Integer errcode, String message, List<CodeOperation> open) {

        public boolean found() {
            return info != null;
        }

        /** Unknown to WeChat for this tenant: wrong, gifted away, or another account's code. */
        public boolean notFound() {
            return errcode != null && errcode == 40056;
        }

        /** Refused by check_consume=true for its state: the status-only lookup would show it. */
        public boolean refusedForState() {
            return errcode != null && (errcode == 40099 || errcode == 40127);
        }

        public String cardId() {
            return info != null ? info.card().cardId() : query.cardId();
        }

        public boolean notYetEffective() {
            return info != null && info.userCardStatus() == UserCardStatus.NORMAL && !info.canConsume()
                    && info.card().begins() != null && info.card().begins().isAfter(Instant.now());
        }

        public boolean invalidatable() {
            return info != null && info.userCardStatus() != UserCardStatus.UNAVAILABLE
                    && info.userCardStatus() != UserCardStatus.CONSUMED;
        }
    }

    /** The lookup page: recent lookups, recent operations and those still awaiting their outcome. */
    public record Desk(List<CodeLookup> lookups, List<CodeOperation> operations, List<CodeOperation> open) {
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    WeChatGateway gateway;

    @Inject
    CodeMirror mirror;

    @Inject
    CodeSettlement settlement;

    @Inject
    CodeWords words;

    @Inject
    ObjectMapper json;

    /** Checks the lookup form; refuses it with the field errors and the typed values. */
    public Query query(String codeInput, String cardIdInput, String encryptCodeInput, String checkConsumeInput) {
        CodeMsg msg = words.msg();
        String code = CodeInput.trim(codeInput);
        String cardId = CodeInput.trim(cardIdInput);
        String encryptCode = CodeInput.trim(encryptCodeInput);
        boolean checkConsume = !"false".equals(CodeInput.trim(checkConsumeInput));
        FormErrors errors = new FormErrors();
        if (code.isEmpty() && encryptCode.isEmpty()) {
            errors.add("code", msg.errCodeRequired());
        } else if (!code.isEmpty() && !CodeInput.CODE.matcher(code).matches()) {
            errors.add("code", msg.errCodeFormat());
        }
        if (code.isEmpty() && !encryptCode.isEmpty() && !CodeInput.ENCRYPT_CODE.matcher(encryptCode).matches()) {
            errors.add("encryptCode", msg.errEncryptCodeFormat());
        }
        if (!cardId.isEmpty() && !CodeInput.CARD_ID.matcher(cardId).matches()) {
            errors.add("cardId", msg.errCardIdFormat());
        }
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, Map.of("code", code, "cardId", cardId, "encryptCode",
                    encryptCode, "checkConsume", Boolean.toString(checkConsume)));
        }
        return new Query(code.isEmpty() ? null : code, cardId.isEmpty() ? null : cardId,
                encryptCode.isEmpty() ? null : encryptCode, checkConsume);
    }

    /**
     * Asks WeChat about a code with the current tenant's token, records the lookup, takes the answer into the code
     * mirror and settles the code's operations that awaited their outcome.
     */
    public Result lookup(Query query) {
        return lookup(query, true);
    }

    /** A fresh status-only read of a code for a confirmation page (not listed as a lookup); 404 when unknown. */
    public Result current(String code, String cardId) {
        currentTenant.require(Role.OPERATOR);
        FormErrors errors = new FormErrors();
        CodeInput.checkCodeAndCard(words.msg(), errors, code, cardId);
        if (!errors.isEmpty()) {
            throw new BadRequestException(String.join(" ", errors.asMap().values()));
        }
        String card = CodeInput.trim(cardId);
        Result result = lookup(new Query(CodeInput.trim(code), card.isEmpty() ? null : card, null, false), false);
        if (result.notFound()) {
            throw new NotFoundException();
        }
        return result;
    }

    /** A status-only read, not listed as a lookup: what a code refused by check_consume=true is now. */
    Result statusOnly(String code, String cardId) {
        return lookup(new Query(code, cardId, null, false), false);
    }

    public Desk desk() {
        long tenantId = currentTenant.id();
        return QuarkusTransaction.requiringNew().call(() -> new Desk(CodeLookup.recent(tenantId, RECENT),
                CodeOperation.recent(tenantId, 10), CodeOperation.open(tenantId)));
    }

    private Result lookup(Query query, boolean record) {
        long tenantId = currentTenant.id();
        WeChatClient wechat = gateway.forTenant(tenantId);
        String code = query.code();
        if (code == null) {
            try {
                code = wechat.codeDecrypt(query.encryptCode());
            } catch (WeChatException e) {
                return refused(query, null, e);
            }
        }
        WeChatCodes.Info info;
        try {
            info = wechat.codeGet(query.cardId(), code, query.checkConsume());
        } catch (WeChatException e) {
            if (record) {
                String refusedCode = code;
                QuarkusTransaction.requiringNew()
                        .run(() -> recordLookup(tenantId, refusedCode, query, CodeLookup.ERROR_PREFIX + e.errcode()));
            }
            if (e.kind() == WeChatException.Kind.REFUSED) {
                // WeChat answered: an invalidated code is refused by check_consume=true, a changed one is unknown
                settlement.settleOpen(wechat, tenantId, code);
            }
            return refused(query, code, e);
        }
        if (info.card() == null || info.card().cardId() == null
                || (query.cardId() != null && !query.cardId().equals(info.card().cardId()))) {
            return refused(query, code, null); // an answer about another card than asked: treated as not found
        }
        String found = code;
        Card card = QuarkusTransaction.requiringNew().call(() -> {
            if (record) {
                recordLookup(tenantId, found, query, info.userCardStatus().name());
            }
            mirror.looked(tenantId, found, info);
            return Card.of(tenantId, info.card().cardId()).orElse(null);
        });
        settlement.settleOpen(wechat, tenantId, found);
        return new Result(query, code, info, card, customCode(json, card), null, null,
                settlement.openFor(tenantId, found));
    }

    private Result refused(Query query, String code, WeChatException e) {
        int errcode = e == null ? 40056 : e.errcode();
        String message = e == null ? words.msg().notFound() : words.lookupRefused(e);
        return new Result(query, code, null, null, false, errcode, message, List.of());
    }

    private void recordLookup(long tenantId, String code, Query query, String outcome) {
        CodeLookup lookup = new CodeLookup();
        lookup.tenantId = tenantId;
        lookup.actorId = currentUser.id();
        lookup.who = currentUser.user().label();
        lookup.code = code;
        lookup.cardId = query.cardId();
        lookup.checkConsume = query.checkConsume();
        lookup.outcome = outcome;
        lookup.at = Instant.now();
        lookup.persist();
    }

    /** Whether the mirrored card/get answer says the card uses custom codes. */
    static boolean customCode(ObjectMapper json, Card card) {
        if (card == null || card.detailJson == null) {
            return false;
        }
        try {
            return json.readTree(card.detailJson).path(card.cardType.toLowerCase(Locale.ROOT))
                    .path("base_info").path("use_custom_code").asBoolean(false);
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
