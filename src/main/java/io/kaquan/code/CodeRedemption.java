package io.kaquan.code;

import java.util.List;
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
import io.kaquan.wechat.UserCardStatus;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatCodes;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Redeeming a code at the counter (card/code/consume), for operators. Never sent twice: an open redemption of the
 * code is read back first and, while still unsettled, refuses a second one; the code is then read with
 * check_consume=true so that WeChat refuses an abnormal code before anything is written (told in words, with its
 * status read again without the check); then the intent is written, the call made and settled ({@link CodeSettlement}:
 * an unanswered call is settled by code/get showing CONSUMED). The code mirror only takes the status: the card's
 * consumed count moves with WeChat's user_consume_card push, once, whichever of the two arrives first.
 */
@ApplicationScoped
public class CodeRedemption {

    /** A redemption's outcome and its operation, for the success screen. */
    public record Redeemed(long operationId, CodeSettlement.Done done) {
    }

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

    public Redeemed redeem(String codeInput, String cardIdInput) {
        currentTenant.require(Role.OPERATOR);
        CodeMsg msg = words.msg();
        String code = CodeInput.trim(codeInput);
        String typedCardId = CodeInput.trim(cardIdInput);
        FormErrors errors = new FormErrors();
        if (code.isEmpty()) {
            errors.add("code", msg.errCodeRequired());
        } else if (!CodeInput.CODE.matcher(code).matches()) {
            errors.add("code", msg.errCodeFormat());
        }
        if (!typedCardId.isEmpty() && !CodeInput.CARD_ID.matcher(typedCardId).matches()) {
            errors.add("cardId", msg.errCardIdFormat());
        }
        CodeInput.refuseIfAny(errors, Map.of("code", code, "cardId", typedCardId));

        long tenantId = currentTenant.id();
        WeChatClient wechat = gateway.forTenant(tenantId);
        // a redemption whose answer was lost: read it back; while it cannot be told, never send a second one
        settlement.settleOpen(wechat, tenantId, code);
        List<CodeOperation> open = settlement.openFor(tenantId, code);
        if (!open.isEmpty()) {
            throw new ActionRefused(msg.redeemStillChecking(msg.kind(open.get(0).kind)));
        }
        WeChatCodes.Info info = readBefore(wechat, typedCardId.isEmpty() ? null : typedCardId, code);
        String cardId = info.card().cardId();
        if (!info.canConsume()) {
            throw new ActionRefused(info.userCardStatus() == UserCardStatus.NORMAL
                    ? msg.redeemNotYetEffective()
                    : msg.redeemRefusedStatus(msg.codeStatus(info.userCardStatus())));
        }
        Card card = QuarkusTransaction.requiringNew().call(() -> Card.of(tenantId, cardId).orElse(null));
        // WeChat needs card_id for custom codes; an unmirrored card may be one
        boolean sendCardId = card == null || CodeLookups.customCode(json, card) || !typedCardId.isEmpty();

        // refused, in words, when another cashier's click on the same code won the race
        CodeOperation op = settlement.begin(Kind.CONSUME, cardId, code, null, "");
        try {
            wechat.codeConsume(sendCardId ? cardId : null, code);
        } catch (WeChatException e) {
            return new Redeemed(op.id, settlement.afterFailure(op, e));
        }
        return new Redeemed(op.id, settlement.afterSuccess(op));
    }

    /**
     * The code as it is now, read with check_consume=true: WeChat refuses a redeemed or unusable code, and the refusal
     * is told with the status a plain read shows. Unknown (or of another card than typed) is told, not a 404: the
     * cashier stays at the counter.
     */
    private WeChatCodes.Info readBefore(WeChatClient wechat, String cardId, String code) {
        CodeMsg msg = words.msg();
        WeChatCodes.Info info;
        try {
            info = wechat.codeGet(cardId, code, true);
        } catch (WeChatException e) {
            if (e.kind() == WeChatException.Kind.REFUSED && (e.errcode() == 40099 || e.errcode() == 40127)) {
                throw new ActionRefused(refusedForState(wechat, cardId, code, e));
            }
            if (e.errcode() == 40056) {
                throw new ActionRefused(msg.notFound());
            }
            throw new ActionRefused(msg.refused(words.operationRefused(e)));
        }
        if (info.card() == null || info.card().cardId() == null
                || (cardId != null && !cardId.equals(info.card().cardId()))) {
            throw new ActionRefused(msg.notFound());
        }
        return info;
    }

    private String refusedForState(WeChatClient wechat, String cardId, String code, WeChatException refusal) {
        CodeMsg msg = words.msg();
        try {
            UserCardStatus status = wechat.codeGet(cardId, code, false).userCardStatus();
            if (status != UserCardStatus.UNKNOWN && status != UserCardStatus.NORMAL) {
                return msg.redeemRefusedStatus(msg.codeStatus(status));
            }
        } catch (WeChatException e) {
            // the refusal itself is still worth telling
        }
        return words.lookupRefused(refusal);
    }
}
