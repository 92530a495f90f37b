package io.kaquan.card;

import io.kaquan.web.I18n;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.CardType;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/**
 * Card words in the visitor's language for Java code and for other features' templates ({code.status.label},
 * {card.typeLabel}); the words themselves are {@link CardMsg}'s enum messages, which card templates use directly.
 */
@TemplateExtension
public class CardTexts {

    public static String label(CardStatus status) {
        return msg().status(status);
    }

    public static String label(UserCardStatus status) {
        return msg().code(status);
    }

    /** GROUPON, CASH… in words; other WeChat types as "other". */
    public static String typeLabel(String cardType) {
        return msg().type(CardType.of(cardType));
    }

    static String typeLabel(Card card) {
        return typeLabel(card.cardType);
    }

    private static CardMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(CardMsg.class);
    }
}
