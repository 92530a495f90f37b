package io.kaquan.sandbox.cards;

import java.time.Instant;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.codes.CodeIssued;
import io.kaquan.sandbox.push.SandboxEvents;

/**
 * The card event pushes of §3, field for field in WeChat's order. CreateTime is when the (possibly back-dated)
 * action happened; system events (review, stock alarm) come from the account's system sender.
 */
public final class CardEvents {

    private CardEvents() {
    }

    private static SandboxEvents.Builder event(SandboxAccount account, String fromUser, String event, Instant at) {
        return SandboxEvents.event(account.originalId, fromUser, event, at.getEpochSecond());
    }

    public static String passCheck(SandboxAccount account, CardTemplate card, Instant at) {
        return event(account, CardIds.systemOpenid(account.appid), "card_pass_check", at).text("CardId", card.cardId)
                .xml();
    }

    public static String notPassCheck(SandboxAccount account, CardTemplate card, String reason, Instant at) {
        return event(account, CardIds.systemOpenid(account.appid), "card_not_pass_check", at)
                .text("CardId", card.cardId).text("RefuseReason", reason).xml();
    }

    public static String userGetCard(SandboxAccount account, CardTemplate card, CodeIssued code, Instant at) {
        boolean gift = code.oldCode != null;
        return event(account, code.openid, "user_get_card", at).text("CardId", card.cardId)
                .number("IsGiveByFriend", gift ? 1 : 0).text("UserCardCode", code.code)
                .text("FriendUserName", gift ? code.givenBy : "").number("OuterId", code.outerId)
                .text("OldUserCardCode", gift ? code.oldCode : "").text("OuterStr", code.outerStr)
                .number("IsRestoreMemberCard", 0).number("IsRecommendByFriend", 0).xml();
    }

    public static String userGiftingCard(SandboxAccount account, CardTemplate card, CodeIssued code, String friend,
            boolean chatRoom, Instant at) {
        return event(account, code.openid, "user_gifting_card", at).text("CardId", card.cardId)
                .text("UserCardCode", code.code).number("IsReturnBack", 0).text("FriendUserName", friend)
                .number("IsChatRoom", chatRoom ? 1 : 0).xml();
    }

    public static String userDelCard(SandboxAccount account, CardTemplate card, CodeIssued code, Instant at) {
        return event(account, code.openid, "user_del_card", at).text("CardId", card.cardId)
                .text("UserCardCode", code.code).xml();
    }

    /** @param source FROM_API, FROM_MP, FROM_MOBILE_HELPER or the self-consume source */
    public static String userConsumeCard(SandboxAccount account, CardTemplate card, CodeIssued code, String source,
            String locationName, String staffOpenid, String verifyCode, String remarkAmount, String outerStr,
            Instant at) {
        return event(account, code.openid, "user_consume_card", at).text("CardId", card.cardId)
                .text("UserCardCode", code.code).text("ConsumeSource", source).text("LocationName", locationName)
                .text("StaffOpenId", staffOpenid).text("VerifyCode", verifyCode).text("RemarkAmount", remarkAmount)
                .text("OuterStr", outerStr).xml();
    }

    public static String userPayFromPayCell(SandboxAccount account, CardTemplate card, CodeIssued code,
            String transId, long locationId, long fee, long originalFee, Instant at) {
        return event(account, code.openid, "user_pay_from_pay_cell", at).text("CardId", card.cardId)
                .text("UserCardCode", code.code).text("TransId", transId).number("LocationId", locationId)
                .text("Fee", Long.toString(fee)).text("OriginalFee", Long.toString(originalFee)).xml();
    }

    /** UserCardCode is the custom code, empty for cards with WeChat's own codes (§3). */
    public static String userViewCard(SandboxAccount account, CardTemplate card, CodeIssued code, Instant at) {
        return event(account, code.openid, "user_view_card", at).text("CardId", card.cardId)
                .text("UserCardCode", card.useCustomCode ? code.code : "").text("OuterStr", code.outerStr).xml();
    }

    public static String skuRemind(SandboxAccount account, CardTemplate card, String fromUser, Instant at) {
        String detail = card.quantity == 0 ? "the card's quantity is equal to 0"
                : "the card's quantity is less than or equal to 100";
        return event(account, fromUser, "card_sku_remind", at).text("CardId", card.cardId).text("Detail", detail)
                .xml();
    }
}
