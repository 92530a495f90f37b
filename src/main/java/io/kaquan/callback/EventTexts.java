package io.kaquan.callback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kaquan.web.I18n;
import io.kaquan.wechat.WeChatTime;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/**
 * Events in words: type labels for templates ({events:type(…)}), outcome notes, and each field with its meaning.
 * Statuses and reasons are enums: {callbackMsg:status(…)} and {callbackMsg:reason(…)}.
 */
@TemplateExtension(namespace = "events")
public class EventTexts {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(WeChatTime.ZONE);

    /** One field of an event: WeChat's name, what it means, its value and, where useful, the value in words. */
    public record FieldRow(String name, String label, String value, String meaning) {
    }

    static CallbackMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(CallbackMsg.class);
    }

    static String type(String eventType) {
        CallbackMsg m = msg();
        return switch (eventType) {
            case "card_pass_check" -> m.typeCardPassCheck();
            case "card_not_pass_check" -> m.typeCardNotPassCheck();
            case "user_get_card" -> m.typeUserGetCard();
            case "user_gifting_card" -> m.typeUserGiftingCard();
            case "user_del_card" -> m.typeUserDelCard();
            case "user_consume_card" -> m.typeUserConsumeCard();
            case "user_pay_from_pay_cell" -> m.typeUserPayFromPayCell();
            case "user_view_card" -> m.typeUserViewCard();
            case "user_enter_session_from_card" -> m.typeUserEnterSession();
            case "card_sku_remind" -> m.typeCardSkuRemind();
            case "update_member_card" -> m.typeUpdateMemberCard();
            case "card_pay_order" -> m.typeCardPayOrder();
            case "submit_membercard_user_info" -> m.typeSubmitMembercardUserInfo();
            case "debug_demo" -> m.typeDebugDemo();
            default -> eventType;
        };
    }

    /** The event's outcome note in the reader's language ({@link EventOutcomes}). */
    static String outcome(String note) {
        return EventOutcomes.text(note, msg());
    }

    /** The event's fields in WeChat's order, each labelled; unknown fields keep their name only. */
    static List<FieldRow> fields(WeChatEvent event, CallbackMsg m) {
        List<FieldRow> rows = new ArrayList<>();
        for (Map.Entry<String, String> field : CallbackXmlFields.of(event).entrySet()) {
            String name = field.getKey();
            String value = field.getValue();
            rows.add(new FieldRow(name, label(name, m), value, meaning(name, value, m)));
        }
        return rows;
    }

    private static String label(String name, CallbackMsg m) {
        return switch (name) {
            case "ToUserName" -> m.fieldToUserName();
            case "FromUserName" -> m.fieldFromUserName();
            case "CreateTime" -> m.fieldCreateTime();
            case "MsgType" -> m.fieldMsgType();
            case "Event" -> m.fieldEvent();
            case "CardId" -> m.fieldCardId();
            case "UserCardCode" -> m.fieldUserCardCode();
            case "IsGiveByFriend" -> m.fieldIsGiveByFriend();
            case "FriendUserName" -> m.fieldFriendUserName();
            case "OldUserCardCode" -> m.fieldOldUserCardCode();
            case "OuterId" -> m.fieldOuterId();
            case "OuterStr" -> m.fieldOuterStr();
            case "IsRestoreMemberCard" -> m.fieldIsRestoreMemberCard();
            case "IsRecommendByFriend" -> m.fieldIsRecommendByFriend();
            case "UnionId" -> m.fieldUnionId();
            case "RefuseReason" -> m.fieldRefuseReason();
            case "IsReturnBack" -> m.fieldIsReturnBack();
            case "IsChatRoom" -> m.fieldIsChatRoom();
            case "ConsumeSource" -> m.fieldConsumeSource();
            case "LocationName" -> m.fieldLocationName();
            case "StaffOpenId" -> m.fieldStaffOpenId();
            case "VerifyCode" -> m.fieldVerifyCode();
            case "RemarkAmount" -> m.fieldRemarkAmount();
            case "TransId" -> m.fieldTransId();
            case "LocationId" -> m.fieldLocationId();
            case "Fee" -> m.fieldFee();
            case "OriginalFee" -> m.fieldOriginalFee();
            case "Detail" -> m.fieldDetail();
            case "ModifyBonus" -> m.fieldModifyBonus();
            case "ModifyBalance" -> m.fieldModifyBalance();
            case "MsgId" -> m.fieldMsgId();
            default -> "";
        };
    }

    private static String meaning(String name, String value, CallbackMsg m) {
        try {
            return switch (name) {
                case "CreateTime" -> SECONDS.format(Instant.ofEpochSecond(Long.parseLong(value)));
                case "Event" -> type(value).equals(value) ? "" : type(value);
                case "IsGiveByFriend", "IsRestoreMemberCard", "IsRecommendByFriend", "IsReturnBack", "IsChatRoom" ->
                    "1".equals(value) ? m.yes() : "0".equals(value) ? m.no() : "";
                case "ConsumeSource" -> switch (value) {
                    case "FROM_API" -> m.consumeFromApi();
                    case "FROM_MP" -> m.consumeFromMp();
                    case "FROM_MOBILE_HELPER" -> m.consumeFromMobileHelper();
                    default -> "";
                };
                case "Fee", "OriginalFee" -> value.isEmpty() ? ""
                        : m.yuan(new BigDecimal(value).movePointLeft(2).setScale(2).toPlainString());
                default -> "";
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return "";
        }
    }
}
