package io.kaquan.code;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.kaquan.account.Role;
import io.kaquan.card.Card;
import io.kaquan.code.CodeOperation.Kind;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.FormErrors;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Changing a custom code (card/code/update), for operators. Not repeatable: the code is read first, the intent is
 * written (one open change per new code too), then the call is made and settled ({@link CodeSettlement}).
 */
@ApplicationScoped
public class CodeChange {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    WeChatGateway gateway;

    @Inject
    CodeSettlement settlement;

    @Inject
    CodeWords words;

    @Inject
    ObjectMapper json;

    public void check(String code, String cardId, String newCode, String reason) {
        currentTenant.require(Role.OPERATOR);
        CodeMsg msg = words.msg();
        FormErrors errors = new FormErrors();
        CodeInput.checkCodeAndCard(msg, errors, code, cardId);
        String next = CodeInput.trim(newCode);
        if (next.isEmpty()) {
            errors.add("newCode", msg.errNewCodeRequired());
        } else if (!CodeInput.CODE.matcher(next).matches()) {
            errors.add("newCode", msg.errNewCodeFormat());
        } else if (next.equals(CodeInput.trim(code))) {
            errors.add("newCode", msg.errNewCodeSame());
        }
        CodeInput.checkReason(msg, errors, reason);
        CodeInput.refuseIfAny(errors, Map.of("code", CodeInput.trim(code), "cardId", CodeInput.trim(cardId),
                "newCode", next, "reason", CodeInput.trim(reason)));
    }

    public CodeSettlement.Done change(String codeInput, String cardIdInput, String newCodeInput, String reasonInput) {
        check(codeInput, cardIdInput, newCodeInput, reasonInput);
        String code = CodeInput.trim(codeInput);
        String cardId = CodeInput.trim(cardIdInput);
        String newCode = CodeInput.trim(newCodeInput);
        long tenantId = currentTenant.id();
        WeChatClient wechat = gateway.forTenant(tenantId);
        CodeReads.before(wechat, words, cardId, code);
        Card card = QuarkusTransaction.requiringNew().call(() -> Card.of(tenantId, cardId).orElse(null));
        if (card != null && card.detailJson != null && !CodeLookups.customCode(json, card)) {
            throw new ActionRefused(words.msg().notCustomCode());
        }
        CodeOperation op = settlement.begin(Kind.UPDATE, cardId, code, newCode, CodeInput.trim(reasonInput));
        try {
            wechat.codeUpdate(cardId, code, newCode);
        } catch (WeChatException e) {
            return settlement.afterFailure(op, e);
        }
        return settlement.afterSuccess(op);
    }
}
