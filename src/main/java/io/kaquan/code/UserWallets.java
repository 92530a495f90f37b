package io.kaquan.code;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.card.Card;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.FormErrors;
import io.kaquan.wechat.WeChatCodes;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** A user's codes of the current tenant's account (user/getcardlist), with what Kaquan knows of each. */
@ApplicationScoped
public class UserWallets {

    /** A user's codes, with the titles of the cards the mirror knows. */
    public record Wallet(String openid, String cardId, List<UserCode> codes, String message) {
    }

    /** A code of a user's wallet; {@code known} is the code mirror's row (last status seen), null if none. */
    public record UserCode(String code, String cardId, Card card, CardCode known) {
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    WeChatGateway gateway;

    @Inject
    CodeWords words;

    public Wallet wallet(String openidInput, String cardIdInput) {
        CodeMsg msg = words.msg();
        String openid = CodeInput.trim(openidInput);
        String cardId = CodeInput.trim(cardIdInput);
        FormErrors errors = new FormErrors();
        if (openid.isEmpty()) {
            errors.add("openid", msg.errOpenidRequired());
        } else if (!CodeInput.OPENID.matcher(openid).matches()) {
            errors.add("openid", msg.errOpenidFormat());
        }
        if (!cardId.isEmpty() && !CodeInput.CARD_ID.matcher(cardId).matches()) {
            errors.add("cardId", msg.errCardIdFormat());
        }
        CodeInput.refuseIfAny(errors, Map.of("openid", openid, "cardId", cardId));
        long tenantId = currentTenant.id();
        WeChatCodes.UserCards wallet;
        try {
            wallet = gateway.forTenant(tenantId).userCardList(openid, cardId.isEmpty() ? null : cardId);
        } catch (WeChatException e) {
            return new Wallet(openid, cardId, List.of(), words.wechat(e));
        }
        List<String> cardIds = wallet.cardList().stream().map(WeChatCodes.UserCard::cardId).distinct().toList();
        Map<String, Card> cards = cardIds.isEmpty() ? Map.of()
                : QuarkusTransaction.requiringNew()
                        .call(() -> Card.<Card> list("tenantId = ?1 and cardId in ?2", tenantId, cardIds).stream()
                                .collect(Collectors.toMap(c -> c.cardId, Function.identity())));
        List<String> texts = wallet.cardList().stream().map(WeChatCodes.UserCard::code).toList();
        Map<String, CardCode> known = texts.isEmpty() ? Map.of()
                : QuarkusTransaction.requiringNew()
                        .call(() -> CardCode.<CardCode> list("tenantId = ?1 and code in ?2", tenantId, texts).stream()
                                .collect(Collectors.toMap(c -> c.cardId + "/" + c.code, Function.identity())));
        List<UserCode> codes = wallet.cardList().stream().map(c -> new UserCode(c.code(), c.cardId(),
                cards.get(c.cardId()), known.get(c.cardId() + "/" + c.code()))).toList();
        return new Wallet(openid, cardId, codes, null);
    }
}
