package io.kaquan.code;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.code.CodeOperation.Kind;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatCodes;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Intent before effect for the code calls that must not be sent twice (invalidation, code change, and redemption
 * next): {@link #begin} writes the intent before the call, {@link #afterSuccess}/{@link #afterFailure} record the
 * answer, and an operation whose answer was lost is settled by code/get — right away, at the next lookup of its code,
 * or with "check now". Each step is its own short transaction; WeChat is called outside any. The decisions are
 * {@link Settling}'s; an operation is settled once (its row is locked), and an applied one updates the code mirror
 * and the audit log in the same transaction.
 */
@ApplicationScoped
public class CodeSettlement {

    /** Why an operation is being settled: its own request, or someone's later lookup or "check now". */
    enum Trigger {
        REQUEST,
        LOOKUP,
        CHECK
    }

    /** The outcome of an operation, as the merchant is told. */
    public record Done(CallState state, String message) {
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
    Audit audit;

    @Inject
    CodeWords words;

    @Inject
    CodesConfig config;

    /**
     * Writes the intent. One open operation per code, and one open change per new code: a second click, or a second
     * change to the same new code, is refused, not sent.
     */
    CodeOperation begin(Kind kind, String cardId, String code, String newCode, String reason) {
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
                op.state = CallState.PENDING;
                op.createdAt = Instant.now();
                op.persist();
                op.flush();
                return op;
            });
        } catch (PersistenceException e) {
            throw new ActionRefused(violates(e, "code_operation_open_new_code_idx")
                    ? words.msg().operationOpenNewCode(newCode)
                    : words.msg().operationOpen());
        }
    }

    /** WeChat answered the call with success. */
    Done afterSuccess(CodeOperation op) {
        settle(op.id, Settling.afterCall(Settling.Answer.DONE), null, Trigger.REQUEST);
        return new Done(CallState.APPLIED, words.applied(op));
    }

    /**
     * A refusal settles the operation as not applied (and 40056 is a 404); a lost answer is read back with code/get at
     * once, which settles it unless the call may still land.
     */
    Done afterFailure(CodeOperation op, WeChatException e) {
        if (!e.uncertain()) {
            settle(op.id, Settling.afterCall(Settling.Answer.REFUSED), e.errcode(), Trigger.REQUEST);
            if (e.errcode() == 40056) {
                throw new NotFoundException();
            }
            throw new ActionRefused(words.msg().refused(words.operationRefused(e)));
        }
        Settling.Answer answer = e.kind() == WeChatException.Kind.NO_ANSWER ? Settling.Answer.LOST
                : Settling.Answer.UNCLEAR;
        op.settlesAt = Settling.settlesAt(answer, op.createdAt, Instant.now(), config.settleTime());
        markUncertain(op.id, op.settlesAt);
        CallState state = reconcile(gateway.forTenant(currentTenant.id()), op, Trigger.REQUEST);
        return new Done(state, switch (state) {
            case APPLIED -> words.applied(op);
            case NOT_APPLIED -> words.msg().notApplied(words.what(op));
            default -> words.msg().unknownOutcome(words.what(op));
        });
    }

    /** "Check now": reads WeChat again for an operation awaiting its outcome. */
    public Done check(long operationId) {
        currentTenant.require(Role.OPERATOR);
        long tenantId = currentTenant.id();
        CodeOperation op = QuarkusTransaction.requiringNew()
                .call(() -> CodeOperation.of(tenantId, operationId).orElseThrow(NotFoundException::new));
        // settled already, or its call is still in flight (then there is nothing to read yet)
        CallState state = op.isOpen() ? reconcile(gateway.forTenant(tenantId), op, Trigger.CHECK) : op.state;
        CodeMsg msg = words.msg();
        return new Done(state, switch (state) {
            case APPLIED -> msg.settledApplied();
            case NOT_APPLIED -> msg.settledNotApplied();
            default -> msg.settledUnknown();
        });
    }

    /** Reads the outcome of the code's operations that await it, for whoever looks the code up. */
    void settleOpen(WeChatClient wechat, long tenantId, String code) {
        for (CodeOperation op : openFor(tenantId, code)) {
            reconcile(wechat, op, Trigger.LOOKUP);
        }
    }

    List<CodeOperation> openFor(long tenantId, String code) {
        return QuarkusTransaction.requiringNew().call(() -> CodeOperation.openFor(tenantId, code));
    }

    /** Reads the code with code/get and settles the operation by what it shows. */
    private CallState reconcile(WeChatClient wechat, CodeOperation op, Trigger trigger) {
        Settling.Reading reading;
        WeChatCodes.Info seen = null;
        try {
            if (op.kind == Kind.UPDATE) {
                try {
                    seen = wechat.codeGet(op.cardId, op.newCode, false);
                    reading = Settling.readChange(true, false);
                } catch (WeChatException e) {
                    if (e.errcode() != 40056) {
                        throw e;
                    }
                    seen = wechat.codeGet(op.cardId, op.code, false);
                    reading = Settling.readChange(false, true);
                }
            } else {
                seen = wechat.codeGet(op.cardId, op.code, false);
                reading = Settling.readStatus(op.kind, seen.userCardStatus());
            }
        } catch (WeChatException e) {
            reading = Settling.Reading.CANNOT_TELL;
        }
        return settle(op.id, reading, seen, trigger);
    }

    private void markUncertain(long operationId, Instant settlesAt) {
        long tenantId = currentTenant.id();
        QuarkusTransaction.requiringNew().run(() -> {
            CodeOperation op = CodeOperation.forSettling(tenantId, operationId).orElseThrow();
            if (op.state == CallState.PENDING) {
                op.state = CallState.UNCERTAIN;
                op.settlesAt = settlesAt;
            }
        });
    }

    /** Records the call's own answer: final at once. */
    private CallState settle(long operationId, CallState answered, Integer errcode, Trigger trigger) {
        return record(operationId, op -> answered, errcode, null, trigger);
    }

    /** Records what a reading showed: "not applied" waits for the operation's settle time. */
    private CallState settle(long operationId, Settling.Reading reading, WeChatCodes.Info seen, Trigger trigger) {
        Instant now = Instant.now();
        return record(operationId,
                op -> Settling.afterReading(op.state, reading, now, op.settlesAt(config.settleTime())), null, seen,
                trigger);
    }

    /**
     * Settles the (locked) operation once. An applied operation updates the mirror and the audit log; the audit entry
     * names the operator who asked for the operation, and who settled it when that was someone's later look. A reading
     * that settles it as not applied ({@code seen}, the unchanged code) goes into the mirror too.
     */
    private CallState record(long operationId, Function<CodeOperation, CallState> decide, Integer errcode,
            WeChatCodes.Info seen, Trigger trigger) {
        long tenantId = currentTenant.id();
        return QuarkusTransaction.requiringNew().call(() -> {
            CodeOperation op = CodeOperation.forSettling(tenantId, operationId).orElseThrow();
            if (Settling.settled(op.state)) {
                return op.state;
            }
            CallState learned = decide.apply(op);
            op.state = learned;
            op.errcode = errcode;
            if (!Settling.settled(learned)) {
                return learned;
            }
            op.settledAt = Instant.now();
            if (learned == CallState.APPLIED) {
                applyEffect(tenantId, op, seen, trigger);
            } else if (seen != null) {
                mirror.looked(tenantId, op.code, seen);
            }
            return learned;
        });
    }

    /** What an applied operation changes on our side: the code mirror, and the audit log. */
    private void applyEffect(long tenantId, CodeOperation op, WeChatCodes.Info seen, Trigger trigger) {
        String details = "card_id=" + op.cardId + "; reason=" + op.reason + "; operation=" + op.id + "; requested_by="
                + op.who + settledBy(trigger);
        switch (op.kind) {
            case UNAVAILABLE -> {
                mirror.unavailable(tenantId, op.cardId, op.code);
                audit.record(tenantId, AuditAction.CODE_INVALIDATED, op.code, details);
            }
            case UPDATE -> {
                mirror.changed(tenantId, op.cardId, op.code, op.newCode);
                if (seen != null) {
                    mirror.looked(tenantId, op.newCode, seen);
                }
                audit.record(tenantId, AuditAction.CODE_CHANGED, op.code + " → " + op.newCode, details);
            }
            case CONSUME -> {
                mirror.consumed(tenantId, op.cardId, op.code);
                audit.record(tenantId, AuditAction.CODE_CONSUMED, op.code, details);
            }
        }
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
}
