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

    /** A card status in words: {cardMsg:status(card.status)}, one status_CONSTANT message per status below. */
    @Message
    String status(CardStatus status);

    /** A card type in words: {cardMsg:type(card.type)}, one type_CONSTANT message per type below. */
    @Message
    String type(CardType type);

    /** A received code's status in words: {cardMsg:code(code.status)}, one code_CONSTANT message per status below. */
    @Message
    String code(UserCardStatus status);

    @Message("创建中")
    String status_INIT();

    @Message("待审核")
    String status_NOT_VERIFY();

    @Message("审核失败")
    String status_VERIFY_FAIL();

    @Message("通过审核")
    String status_VERIFY_OK();

    @Message("已删除")
    String status_DELETE();

    @Message("被系统删除")
    String status_SYS_DELETE();

    @Message("已投放")
    String status_DISPATCH();

    @Message("被系统下架")
    String status_SYS_OFF_SHELF();

    @Message("已过期")
    String status_EXPIRED();

    @Message("未知状态")
    String status_UNKNOWN();

    @Message("团购券")
    String type_GROUPON();

    @Message("代金券")
    String type_CASH();

    @Message("折扣券")
    String type_DISCOUNT();

    @Message("兑换券")
    String type_GIFT();

    @Message("优惠券")
    String type_GENERAL_COUPON();

    @Message("会员卡")
    String type_MEMBER_CARD();

    @Message("其他类型")
    String type_OTHER();

    @Message("正常")
    String code_NORMAL();

    @Message("已核销")
    String code_CONSUMED();

    @Message("已过期")
    String code_EXPIRE();

    @Message("转赠中")
    String code_GIFTING();

    @Message("转赠成功")
    String code_GIFT_SUCC();

    @Message("转赠超时")
    String code_GIFT_TIMEOUT();

    @Message("已删除")
    String code_DELETE();

    @Message("已失效")
    String code_UNAVAILABLE();

    @Message("未知状态")
    String code_UNKNOWN();
}
