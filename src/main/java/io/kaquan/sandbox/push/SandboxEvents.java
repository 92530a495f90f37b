package io.kaquan.sandbox.push;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kaquan.sandbox.SandboxAccount;

/**
 * The XML of event pushes (§3 of the protocol reference), built the way WeChat writes them: one element per line,
 * texts in CDATA, integers bare. Usage (sandbox-cards):
 *
 * <pre>
 * String xml = SandboxEvents.event(account, openid, "user_get_card")
 *         .text("CardId", cardId).number("IsGiveByFriend", 0).text("UserCardCode", code)
 *         .text("FriendUserName", "").number("OuterId", 0).text("OldUserCardCode", "").text("OuterStr", outerStr)
 *         .number("IsRestoreMemberCard", 0).number("IsRecommendByFriend", 0).xml();
 * pushSender.push(account, xml);
 * </pre>
 */
public final class SandboxEvents {

    private static final Pattern EVENT = Pattern
            .compile("<Event>\\s*(?:<!\\[CDATA\\[)?\\s*([^<\\]]*?)\\s*(?:]]>)?\\s*</Event>");
    private static final Pattern FROM_USER = Pattern
            .compile("<FromUserName>\\s*<!\\[CDATA\\[(.*?)]]>\\s*</FromUserName>");

    private SandboxEvents() {
    }

    /**
     * Starts an event from a user (FromUserName = the user's OpenID) to the account (ToUserName = its original id),
     * created now.
     */
    public static Builder event(SandboxAccount account, String fromUser, String event) {
        return event(account.originalId, fromUser, event, Instant.now().getEpochSecond());
    }

    public static Builder event(String toUser, String fromUser, String event, long createTime) {
        return new Builder().text("ToUserName", toUser).text("FromUserName", fromUser == null ? "" : fromUser)
                .number("CreateTime", createTime).text("MsgType", "event").text("Event", event);
    }

    /** The Event element of an event XML, or "unknown". */
    public static String eventType(String xml) {
        Matcher m = EVENT.matcher(xml);
        return m.find() ? m.group(1) : "unknown";
    }

    /** The FromUserName of an event XML, or null. */
    public static String fromUser(String xml) {
        Matcher m = FROM_USER.matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    public static final class Builder {
        private final StringBuilder xml = new StringBuilder("<xml>");

        private Builder() {
        }

        /** A text element in CDATA (empty values as {@code <![CDATA[]]>}, like WeChat). */
        public Builder text(String name, String value) {
            xml.append('<').append(name).append("><![CDATA[").append(cdata(value)).append("]]></").append(name)
                    .append(">\n");
            return this;
        }

        /** An integer element, bare. */
        public Builder number(String name, long value) {
            xml.append('<').append(name).append('>').append(value).append("</").append(name).append(">\n");
            return this;
        }

        public String xml() {
            return xml + "</xml>";
        }

        private static String cdata(String value) {
            return value == null ? "" : value.replace("]]>", "]]]]><![CDATA[>");
        }
    }
}
