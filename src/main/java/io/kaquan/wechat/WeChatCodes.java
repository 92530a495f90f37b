package io.kaquan.wechat;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Requests and answers of the code APIs (§4.3, §4.4, §4.11, §4.13, §5.6, §5.7). */
public final class WeChatCodes {

    private WeChatCodes() {
    }

    /** The card a code belongs to, with the code's own validity (epoch seconds, as WeChat sends them). */
    @RegisterForReflection
    public record CardOfCode(String cardId, Long beginTime, Long endTime) {

        public Instant begins() {
            return beginTime == null ? null : Instant.ofEpochSecond(beginTime);
        }

        public Instant ends() {
            return endTime == null ? null : Instant.ofEpochSecond(endTime);
        }
    }

    /** card/code/get. */
    @RegisterForReflection
    public record Info(CardOfCode card, String openid, boolean canConsume, String outerStr,
            UserCardStatus userCardStatus) {
        public Info {
            userCardStatus = userCardStatus == null ? UserCardStatus.UNKNOWN : userCardStatus;
        }
    }

    /** card/code/consume. */
    @RegisterForReflection
    public record Consumed(CardOfCode card, String openid) {
    }

    /** card/user/getcardlist: the codes of a user's wallet. */
    @RegisterForReflection
    public record UserCards(List<UserCard> cardList, boolean hasShareCard) {
        public UserCards {
            cardList = cardList == null ? List.of() : List.copyOf(cardList);
        }
    }

    @RegisterForReflection
    public record UserCard(String code, String cardId) {
    }

    @RegisterForReflection
    record GetRequest(String cardId, String code, boolean checkConsume) {
    }

    @RegisterForReflection
    record UpdateRequest(String code, String cardId, String newCode) {
    }

    @RegisterForReflection
    record UnavailableRequest(String code, String cardId, String reason) {
    }

    @RegisterForReflection
    record ConsumeRequest(String code, String cardId) {
    }

    @RegisterForReflection
    record DecryptRequest(String encryptCode) {
    }

    @RegisterForReflection
    record DecryptReply(String code) {
    }

    @RegisterForReflection
    record UserCardsRequest(String openid, String cardId) {
    }
}
