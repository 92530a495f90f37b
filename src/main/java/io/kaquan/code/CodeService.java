package io.kaquan.code;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kaquan.account.Audit;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.card.Card;
import io.kaquan.code.CodeOperation.Kind;
import io.kaquan.code.CodeOperation.State;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.FormErrors;
import io.kaquan.web.I18n;
import io.kaquan.web.InvalidFormException;
import io.kaquan.wechat.UserCardStatus;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatCodes;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatMsg;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

/**
 * The counter's code operations for the current tenant: look a code up, invalidate it, change it, list a user's
 * codes. WeChat is called outside any transaction; each step that writes has its own short one. Invalidation and
 * code change are written down before their call and settled after it, by code/get when the answer was uncertain.
 * Every code reaches WeChat with the current tenant's token, so a code of another tenant's account is simply unknown
 * there (40056), and every local read is scoped by the current tenant.
 */
@ApplicationScoped
public class CodeService {

    static final int REASON_MAX = 200;
    static final int RECENT = 20;
    private static final Pattern CODE = Pattern.compile("\\S{1,64}");
    private static final Pattern CARD_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ENCRYPT_CODE = Pattern.compile("[A-Za-z0-9+/=_-]{1,128}");

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    WeChatGateway gateway;

    @Inject
    CodeMirror mirror;

    @Inject
    Audit audit;

    @Inject
    I18n i18n;

    @Inject
    ObjectMapper json;

    @Inject
    CodesConfig config;

    /** Why an operation is being settled: its own request, or someone's later lookup or "check now". */
    enum Trigger {
        REQUEST, LOOKUP, CHECK
    }

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

    /** The outcome of an invalidation or change, as the merchant is told. */
    public record Done(State state, String message) {
    }

    /** A user's codes, with the titles of the cards the mirror knows. */
    public record UserCards(String openid, String cardId, List<UserCode> codes, String message) {
    }

    /** A code of a user's wallet; {@code known} is the code mirror's row (last status seen), null if none. */
    public record UserCode(String code, String cardId, Card card, CardCode known) {
    }

    // Lookup

    /** Checks the lookup form; refuses it with the field errors and the typed values. */
    public Query query(String codeInput, String cardIdInput, String encryptCodeInput, String checkConsumeInput) {
        CodeMsg msg = msg();
        String code = trim(codeInput);
        String cardId = trim(cardIdInput);
        String encryptCode = trim(encryptCodeInput);
        boolean checkConsume = !"false".equals(trim(checkConsumeInput));
        FormErrors errors = new FormErrors();
        if (code.isEmpty() && encryptCode.isEmpty()) {
            errors.add("code", msg.errCodeRequired());
        } else if (!code.isEmpty() && !CODE.matcher(code).matches()) {
            errors.add("code", msg.errCodeFormat());
        }
        if (code.isEmpty() && !encryptCode.isEmpty() && !ENCRYPT_CODE.matcher(encryptCode).matches()) {
            errors.add("encryptCode", msg.errEncryptCodeFormat());
        }
        if (!cardId.isEmpty() && !CARD_ID.matcher(cardId).matches()) {
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

    Result lookup(Query query, boolean record) {
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
                recordLookup(tenantId, code, query, CodeLookup.ERROR_PREFIX + e.errcode());
            }
            if (e.kind() == WeChatException.Kind.REFUSED) {
                // WeChat answered: an invalidated code is refused by check_consume=true, a changed one is unknown
                settleOpen(wechat, tenantId, code);
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
        settleOpen(wechat, tenantId, found);
        List<CodeOperation> open = QuarkusTransaction.requiringNew().call(() -> CodeOperation.openFor(tenantId, found));
        return new Result(query, code, info, card, customCode(card), null, null, open);
    }

    /** Reads the outcome of the code's operations that await it, for whoever looks the code up. */
    private void settleOpen(WeChatClient wechat, long tenantId, String code) {
        for (CodeOperation op : QuarkusTransaction.requiringNew().call(() -> CodeOperation.openFor(tenantId, code))) {
            reconcile(wechat, op, Trigger.LOOKUP);
        }
    }

    private Result refused(Query query, String code, WeChatException e) {
        int errcode = e == null ? 40056 : e.errcode();
        String message = e == null ? msg().notFound() : lookupMessage(e);
        return new Result(query, code, null, null, false, errcode, message, List.of());
    }

    private void recordLookup(long tenantId, String code, Query query, String outcome) {
        QuarkusTransaction.joiningExisting().run(() -> {
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
        });
    }

    public Desk desk() {
        long tenantId = currentTenant.id();
        return QuarkusTransaction.requiringNew().call(() -> new Desk(CodeLookup.recent(tenantId, RECENT),
                CodeOperation.recent(tenantId, 10), CodeOperation.open(tenantId)));
    }

    /** Refuses (403) unless the current user may invalidate and change codes. */
    public void requireOperator() {
        currentTenant.require(Role.OPERATOR);
    }

    // Invalidation (code/unavailable)

    /** Checks an invalidation's fields; the confirmation page repeats them. */
    public void checkInvalidation(String code, String cardId, String reason) {
        requireOperator();
        FormErrors errors = new FormErrors();
        checkCodeAndCard(errors, code, cardId);
        checkReason(errors, reason);
        refuseIfAny(errors, Map.of("code", trim(code), "cardId", trim(cardId), "reason", trim(reason)));
    }

    /** A fresh status-only read of a code for a confirmation page (not listed as a lookup); 404 when unknown. */
    public Result current(String code, String cardId) {
        requireOperator();
        FormErrors errors = new FormErrors();
        checkCodeAndCard(errors, code, cardId);
        if (!errors.isEmpty()) {
            throw new BadRequestException(String.join(" ", errors.asMap().values()));
        }
        Result result = lookup(new Query(trim(code), trim(cardId).isEmpty() ? null : trim(cardId), null, false), false);
        if (result.notFound()) {
            throw new NotFoundException();
        }
        return result;
    }

    public Done invalidate(String codeInput, String cardIdInput, String reasonInput) {
        checkInvalidation(codeInput, cardIdInput, reasonInput);
        String code = trim(codeInput);
        String cardId = trim(cardIdInput);
        String reason = trim(reasonInput);
        CodeMsg msg = msg();
        WeChatClient wechat = gateway.forTenant(currentTenant.id());
        WeChatCodes.Info info = read(wechat, cardId, code);
        if (info.userCardStatus() == UserCardStatus.UNAVAILABLE) {
            throw new ActionRefused(msg.alreadyUnavailable());
        }
        if (info.userCardStatus() == UserCardStatus.CONSUMED) {
            throw new ActionRefused(msg.alreadyConsumed());
        }
        CodeOperation op = begin(Kind.UNAVAILABLE, cardId, code, null, reason);
        try {
            wechat.codeUnavailable(cardId, code, reason);
        } catch (WeChatException e) {
            return afterFailure(wechat, op, e);
        }
        settle(op.id, State.APPLIED, null, null, false, Trigger.REQUEST);
        return new Done(State.APPLIED, msg.invalidated(code));
    }

    // Code change (code/update)

    public void checkChange(String code, String cardId, String newCode, String reason) {
        requireOperator();
        CodeMsg msg = msg();
        FormErrors errors = new FormErrors();
        checkCodeAndCard(errors, code, cardId);
        String next = trim(newCode);
        if (next.isEmpty()) {
            errors.add("newCode", msg.errNewCodeRequired());
        } else if (!CODE.matcher(next).matches()) {
            errors.add("newCode", msg.errNewCodeFormat());
        } else if (next.equals(trim(code))) {
            errors.add("newCode", msg.errNewCodeSame());
        }
        checkReason(errors, reason);
        refuseIfAny(errors, Map.of("code", trim(code), "cardId", trim(cardId), "newCode", next, "reason",
                trim(reason)));
    }

    public Done change(String codeInput, String cardIdInput, String newCodeInput, String reasonInput) {
        checkChange(codeInput, cardIdInput, newCodeInput, reasonInput);
        String code = trim(codeInput);
        String cardId = trim(cardIdInput);
        String newCode = trim(newCodeInput);
        String reason = trim(reasonInput);
        long tenantId = currentTenant.id();
        WeChatClient wechat = gateway.forTenant(tenantId);
        read(wechat, cardId, code);
        Card card = QuarkusTransaction.requiringNew().call(() -> Card.of(tenantId, cardId).orElse(null));
        if (card != null && card.detailJson != null && !customCode(card)) {
            throw new ActionRefused(msg().notCustomCode());
        }
        CodeOperation op = begin(Kind.UPDATE, cardId, code, newCode, reason);
        try {
            wechat.codeUpdate(cardId, code, newCode);
        } catch (WeChatException e) {
            return afterFailure(wechat, op, e);
        }
        settle(op.id, State.APPLIED, null, null, false, Trigger.REQUEST);
        return new Done(State.APPLIED, msg().changed(code, newCode));
    }

    // Settling operations

    /** Reads WeChat again for an operation awaiting its outcome ("check now"). */
    public Done check(long operationId) {
        requireOperator();
        long tenantId = currentTenant.id();
        CodeOperation op = QuarkusTransaction.requiringNew()
                .call(() -> CodeOperation.of(tenantId, operationId).orElseThrow(NotFoundException::new));
        CodeMsg msg = msg();
        if (!op.isOpen()) {
            // settled already, or its call is still in flight (then there is nothing to read yet)
            return new Done(op.state, switch (op.state) {
                case APPLIED -> msg.settledApplied();
                case NOT_APPLIED -> msg.settledNotApplied();
                default -> msg.settledUnknown();
            });
        }
        State state = reconcile(gateway.forTenant(tenantId), op, Trigger.CHECK);
        return new Done(state, switch (state) {
            case APPLIED -> msg.settledApplied();
            case NOT_APPLIED -> msg.settledNotApplied();
            default -> msg.settledUnknown();
        });
    }

    /**
     * Written before the call; one open operation per code, and one open change per new code (a second click, or a
     * second change to the same new code, is refused, not sent).
     */
    private CodeOperation begin(Kind kind, String cardId, String code, String newCode, String reason) {
        long tenantId = currentTenant.id();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                CodeOperation op = new CodeOperation();
                op.tenantId = tenantId;
                op.kind = kind;
                op.cardId = cardId;
                op.code = code;
                op.newCode = newCode;
                op.reason = reason;
                op.actorId = currentUser.id();
                op.who = currentUser.user().label();
                op.state = State.PENDING;
                op.createdAt = Instant.now();
                op.persist();
                op.flush();
                return op;
            });
        } catch (PersistenceException e) {
            throw new ActionRefused(violates(e, "code_operation_open_new_code_idx") ? msg().operationOpenNewCode(newCode)
                    : msg().operationOpen());
        }
    }

    /**
     * A refusal settles the operation as not applied; an uncertain outcome is read back with code/get at once. An
     * answered -1 ends the call, so an unchanged code then means not applied; a call that got no answer may still reach
     * WeChat, so an unchanged code means nothing until the settle time has passed.
     */
    private Done afterFailure(WeChatClient wechat, CodeOperation op, WeChatException e) {
        CodeMsg msg = msg();
        String what = what(op);
        if (!e.uncertain()) {
            settle(op.id, State.NOT_APPLIED, e.errcode(), null, false, Trigger.REQUEST);
            if (e.errcode() == 40056) {
                throw new NotFoundException();
            }
            throw new ActionRefused(msg.refused(operationMessage(e)));
        }
        op.settlesAt = e.kind() == WeChatException.Kind.NO_ANSWER ? op.createdAt.plus(config.settleTime())
                : Instant.now();
        markUnknown(op.id, op.settlesAt);
        State state = reconcile(wechat, op, Trigger.REQUEST);
        return new Done(state, switch (state) {
            case APPLIED -> op.kind == Kind.UNAVAILABLE ? msg.invalidated(op.code) : msg.changed(op.code, op.newCode);
            case NOT_APPLIED -> msg.notApplied(what);
            default -> msg.unknownOutcome(what);
        });
    }

    /**
     * Learns an operation's outcome from code/get: an invalidated code reads UNAVAILABLE; a changed code is found
     * under its new value, an unchanged one under its old value. Stays UNKNOWN while WeChat cannot tell, and while
     * an unchanged code may still change (until the operation's settle time).
     */
    private State reconcile(WeChatClient wechat, CodeOperation op, Trigger trigger) {
        State learned;
        WeChatCodes.Info seen = null;
        try {
            if (op.kind == Kind.UNAVAILABLE) {
                seen = wechat.codeGet(op.cardId, op.code, false);
                learned = seen.userCardStatus() == UserCardStatus.UNAVAILABLE ? State.APPLIED : State.NOT_APPLIED;
            } else {
                try {
                    seen = wechat.codeGet(op.cardId, op.newCode, false);
                    learned = State.APPLIED;
                } catch (WeChatException e) {
                    if (e.errcode() != 40056) {
                        throw e;
                    }
                    seen = wechat.codeGet(op.cardId, op.code, false);
                    learned = State.NOT_APPLIED;
                }
            }
        } catch (WeChatException e) {
            learned = State.UNKNOWN;
        }
        return settle(op.id, learned, null, seen, true, trigger);
    }

    private void markUnknown(long operationId, Instant settlesAt) {
        long tenantId = currentTenant.id();
        QuarkusTransaction.requiringNew().run(() -> {
            CodeOperation op = CodeOperation.forSettling(tenantId, operationId).orElseThrow();
            if (op.state == State.PENDING) {
                op.state = State.UNKNOWN;
                op.settlesAt = settlesAt;
            }
        });
    }

    /**
     * Records an outcome once (the row is locked); an applied operation updates the mirror and the audit log. A
     * not-applied reading from code/get ({@code read}) stays unknown until the operation's settle time. The audit
     * entry names the operator who asked for the operation, and who settled it when that was someone's later look.
     */
    private State settle(long operationId, State reading, Integer errcode, WeChatCodes.Info seen, boolean read,
            Trigger trigger) {
        long tenantId = currentTenant.id();
        return QuarkusTransaction.requiringNew().call(() -> {
            CodeOperation op = CodeOperation.forSettling(tenantId, operationId).orElseThrow();
            if (op.state == State.APPLIED || op.state == State.NOT_APPLIED) {
                return op.state;
            }
            State learned = read && reading == State.NOT_APPLIED
                    && Instant.now().isBefore(op.settlesAt(config.settleTime())) ? State.UNKNOWN : reading;
            op.state = learned;
            op.errcode = errcode;
            if (learned == State.UNKNOWN) {
                return learned;
            }
            op.settledAt = Instant.now();
            if (learned == State.APPLIED) {
                String details = "card_id=" + op.cardId + "; reason=" + op.reason + "; operation=" + op.id
                        + "; requested_by=" + op.who + settledBy(trigger);
                if (op.kind == Kind.UNAVAILABLE) {
                    mirror.unavailable(tenantId, op.cardId, op.code);
                    audit.record(tenantId, "code.invalidated", op.code, details);
                } else {
                    mirror.changed(tenantId, op.cardId, op.code, op.newCode);
                    if (seen != null) {
                        mirror.looked(tenantId, op.newCode, seen);
                    }
                    audit.record(tenantId, "code.changed", op.code + " → " + op.newCode, details);
                }
            } else if (seen != null) {
                mirror.looked(tenantId, op.code, seen);
            }
            return learned;
        });
    }

    /** Who settled an operation, when not its own request: the audit entry's actor is then that user, not the requester. */
    private String settledBy(Trigger trigger) {
        String who = currentUser.isSignedIn() ? currentUser.user().label() : "-";
        return switch (trigger) {
            case REQUEST -> "";
            case LOOKUP -> "; settled by " + who + " while looking up";
            case CHECK -> "; settled by " + who + " with check now";
        };
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** The code as it is now, before an operation: unknown (40056) is a 404, other refusals are told. */
    private WeChatCodes.Info read(WeChatClient wechat, String cardId, String code) {
        try {
            WeChatCodes.Info info = wechat.codeGet(cardId, code, false);
            if (info.card() == null || !cardId.equals(info.card().cardId())) {
                throw new NotFoundException();
            }
            return info;
        } catch (WeChatException e) {
            if (e.errcode() == 40056) {
                throw new NotFoundException();
            }
            throw new ActionRefused(msg().refused(operationMessage(e)));
        }
    }

    // A user's cards (user/getcardlist)

    public UserCards userCards(String openidInput, String cardIdInput) {
        CodeMsg msg = msg();
        String openid = trim(openidInput);
        String cardId = trim(cardIdInput);
        FormErrors errors = new FormErrors();
        if (openid.isEmpty()) {
            errors.add("openid", msg.errOpenidRequired());
        } else if (!OPENID.matcher(openid).matches()) {
            errors.add("openid", msg.errOpenidFormat());
        }
        if (!cardId.isEmpty() && !CARD_ID.matcher(cardId).matches()) {
            errors.add("cardId", msg.errCardIdFormat());
        }
        refuseIfAny(errors, Map.of("openid", openid, "cardId", cardId));
        long tenantId = currentTenant.id();
        WeChatCodes.UserCards wallet;
        try {
            wallet = gateway.forTenant(tenantId).userCardList(openid, cardId.isEmpty() ? null : cardId);
        } catch (WeChatException e) {
            return new UserCards(openid, cardId, List.of(), WeChatErrors.message(wechatMsg(), e));
        }
        List<String> cardIds = wallet.cardList().stream().map(WeChatCodes.UserCard::cardId).distinct().toList();
        Map<String, Card> cards = cardIds.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew()
                .call(() -> Card.<Card> list("tenantId = ?1 and cardId in ?2", tenantId, cardIds).stream()
                        .collect(Collectors.toMap(c -> c.cardId, Function.identity())));
        List<String> texts = wallet.cardList().stream().map(WeChatCodes.UserCard::code).toList();
        Map<String, CardCode> known = texts.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew()
                .call(() -> CardCode.<CardCode> list("tenantId = ?1 and code in ?2", tenantId, texts).stream()
                        .collect(Collectors.toMap(c -> c.cardId + "/" + c.code, Function.identity())));
        List<UserCode> codes = wallet.cardList().stream().map(c -> new UserCode(c.code(), c.cardId(),
                cards.get(c.cardId()), known.get(c.cardId() + "/" + c.code()))).toList();
        return new UserCards(openid, cardId, codes, null);
    }

    // Texts and checks

    /** What the counter reads about a refused lookup. */
    private String lookupMessage(WeChatException e) {
        CodeMsg msg = msg();
        if (e.kind() == WeChatException.Kind.REFUSED) {
            switch (e.errcode()) {
                case 40056:
                    return msg.notFound();
                case 40099:
                    return msg.consumedAtCheck();
                case 40127:
                    return msg.unusableAtCheck();
                default:
                    break;
            }
        }
        return WeChatErrors.message(wechatMsg(), e);
    }

    private String operationMessage(WeChatException e) {
        if (e.kind() == WeChatException.Kind.REFUSED && e.errcode() == 40056) {
            return msg().notFound();
        }
        return WeChatErrors.message(wechatMsg(), e);
    }

    private String what(CodeOperation op) {
        CodeMsg msg = msg();
        return op.kind == Kind.UNAVAILABLE ? msg.kind_UNAVAILABLE() + " " + op.code
                : msg.kind_UPDATE() + " " + op.code + " → " + op.newCode;
    }

    /** Whether the mirrored card/get answer says the card uses custom codes. */
    private boolean customCode(Card card) {
        if (card == null || card.detailJson == null) {
            return false;
        }
        try {
            return json.readTree(card.detailJson).path(card.cardType.toLowerCase(java.util.Locale.ROOT))
                    .path("base_info").path("use_custom_code").asBoolean(false);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private void checkCodeAndCard(FormErrors errors, String code, String cardId) {
        CodeMsg msg = msg();
        if (trim(code).isEmpty()) {
            errors.add("code", msg.errCodeRequired());
        } else if (!CODE.matcher(trim(code)).matches()) {
            errors.add("code", msg.errCodeFormat());
        }
        if (trim(cardId).isEmpty()) {
            errors.add("cardId", msg.errCardIdRequired());
        } else if (!CARD_ID.matcher(trim(cardId)).matches()) {
            errors.add("cardId", msg.errCardIdFormat());
        }
    }

    private void checkReason(FormErrors errors, String reason) {
        CodeMsg msg = msg();
        if (trim(reason).isEmpty()) {
            errors.add("reason", msg.errReasonRequired());
        } else if (trim(reason).codePointCount(0, trim(reason).length()) > REASON_MAX) {
            errors.add("reason", msg.errReasonTooLong(REASON_MAX));
        }
    }

    private static void refuseIfAny(FormErrors errors, Map<String, String> values) {
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, new LinkedHashMap<>(values));
        }
    }

    static String trim(String input) {
        return input == null ? "" : input.strip();
    }

    private CodeMsg msg() {
        return i18n.bundle(CodeMsg.class);
    }

    private WeChatMsg wechatMsg() {
        return i18n.bundle(WeChatMsg.class);
    }
}
