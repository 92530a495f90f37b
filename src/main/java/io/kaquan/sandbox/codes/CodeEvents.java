package io.kaquan.sandbox.codes;

import java.time.Instant;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.push.SandboxEvents;

/**
 * A user's card event pushes of §3 (receive, gift, delete, consume, pay, view), field for field in WeChat's order,
 * from the user holding the code. CreateTime is when the (possibly back-dated) action happened.
 */
public final class CodeEvents {

    private CodeEvents() {
    }

    private static SandboxEvents.Builder event(SandboxAccount account, String fromUser, String event, Instant at) {
        return SandboxEvents.event(account.originalId, fromUser, event, at.getEpochSecond());
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
}
