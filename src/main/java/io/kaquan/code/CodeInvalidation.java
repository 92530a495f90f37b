package io.kaquan.code;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.account.Role;
import io.kaquan.code.CodeOperation.Kind;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.FormErrors;
import io.kaquan.wechat.UserCardStatus;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatCodes;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;

/**
 * Invalidating a code (card/code/unavailable), for operators. Not repeatable: the code is read first (unknown: 404,
 * already unusable: refused), the intent is written, then the call is made and settled ({@link CodeSettlement}).
 */
@ApplicationScoped
public class CodeInvalidation {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    WeChatGateway gateway;

    @Inject
    CodeSettlement settlement;

    @Inject
    CodeWords words;

    /** Checks an invalidation's fields (403 for a non-operator); the confirmation page repeats them. */
    public void check(String code, String cardId, String reason) {
        currentTenant.require(Role.OPERATOR);
        FormErrors errors = new FormErrors();
        CodeInput.checkCodeAndCard(words.msg(), errors, code, cardId);
        CodeInput.checkReason(words.msg(), errors, reason);
        CodeInput.refuseIfAny(errors, Map.of("code", CodeInput.trim(code), "cardId", CodeInput.trim(cardId),
                "reason", CodeInput.trim(reason)));
    }

    public CodeSettlement.Done invalidate(String codeInput, String cardIdInput, String reasonInput) {
        check(codeInput, cardIdInput, reasonInput);
        String code = CodeInput.trim(codeInput);
        String cardId = CodeInput.trim(cardIdInput);
        WeChatClient wechat = gateway.forTenant(currentTenant.id());
        WeChatCodes.Info info = CodeReads.before(wechat, words, cardId, code);
        if (info.userCardStatus() == UserCardStatus.UNAVAILABLE) {
            throw new ActionRefused(words.msg().alreadyUnavailable());
        }
        if (info.userCardStatus() == UserCardStatus.CONSUMED) {
            throw new ActionRefused(words.msg().alreadyConsumed());
        }
        CodeOperation op = settlement.begin(Kind.UNAVAILABLE, cardId, code, null, CodeInput.trim(reasonInput));
        try {
            wechat.codeUnavailable(cardId, code, op.reason);
        } catch (WeChatException e) {
            return settlement.afterFailure(op, e);
        }
        return settlement.afterSuccess(op);
    }
}
