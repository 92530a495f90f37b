package io.kaquan.card;

import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.CardType;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Words for cards shared by every card page (statuses, types, code statuses). Chinese here, English in cardMsg_en.
 * Feature pages keep their own bundles for the rest.
 */
@MessageBundle(value = "cardMsg", locale = "zh-CN")
public interface CardMsg {

    /**
     * A card status in words: {cardMsg:status(card.status)}. Qute words each constant from the keys status_$CONSTANT
     * (its form when a constant holds an underscore) in cardMsg_zh-CN.properties and cardMsg_en.properties.
     */
    @Message
    String status(CardStatus status);

    /** A card type in words: {cardMsg:type(card.type)}, keys type_$CONSTANT. */
    @Message
    String type(CardType type);

    /** A received code's status in words: {cardMsg:code(code.status)}, keys code_$CONSTANT. */
    @Message
    String code(UserCardStatus status);
}
