package io.kaquan.card;

import io.kaquan.web.I18n;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/**
 * Card words in the visitor's language, in templates ({card.status.label}, {card.typeLabel}, {code.status.label})
 * and in Java through the static methods.
 */
@TemplateExtension
public class CardTexts {

    public static String label(CardStatus status) {
        CardMsg msg = msg();
        return switch (status) {
            case INIT -> msg.status_INIT();
            case NOT_VERIFY -> msg.status_NOT_VERIFY();
            case VERIFY_FAIL -> msg.status_VERIFY_FAIL();
            case VERIFY_OK -> msg.status_VERIFY_OK();
            case DELETE -> msg.status_DELETE();
            case SYS_DELETE -> msg.status_SYS_DELETE();
            case DISPATCH -> msg.status_DISPATCH();
            case SYS_OFF_SHELF -> msg.status_SYS_OFF_SHELF();
            case EXPIRED -> msg.status_EXPIRED();
            case UNKNOWN -> msg.status_UNKNOWN();
        };
    }

    public static String label(UserCardStatus status) {
        CardMsg msg = msg();
        return switch (status) {
            case NORMAL -> msg.code_NORMAL();
            case CONSUMED -> msg.code_CONSUMED();
            case EXPIRE -> msg.code_EXPIRE();
            case GIFTING -> msg.code_GIFTING();
            case GIFT_SUCC -> msg.code_GIFT_SUCC();
            case GIFT_TIMEOUT -> msg.code_GIFT_TIMEOUT();
            case DELETE -> msg.code_DELETE();
            case UNAVAILABLE -> msg.code_UNAVAILABLE();
            case UNKNOWN -> msg.code_UNKNOWN();
        };
    }

    /** GROUPON, CASH… in words; other WeChat types as "other". */
    public static String typeLabel(String cardType) {
        CardMsg msg = msg();
        return switch (cardType == null ? "" : cardType) {
            case "GROUPON" -> msg.type_GROUPON();
            case "CASH" -> msg.type_CASH();
            case "DISCOUNT" -> msg.type_DISCOUNT();
            case "GIFT" -> msg.type_GIFT();
            case "GENERAL_COUPON" -> msg.type_GENERAL_COUPON();
            case "MEMBER_CARD" -> msg.type_MEMBER_CARD();
            default -> msg.type_OTHER();
        };
    }

    static String typeLabel(Card card) {
        return typeLabel(card.cardType);
    }

    private static CardMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(CardMsg.class);
    }
}
