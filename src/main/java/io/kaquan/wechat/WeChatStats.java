package io.kaquan.wechat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The card datacube's daily rows (§4.14); ref_date is WeChat's day (Asia/Shanghai) as YYYY-MM-DD. */
public final class WeChatStats {

    private WeChatStats() {
    }

    /** getcardbizuininfo: all cards of the account, per day. */
    @RegisterForReflection
    public record BizDay(String refDate, long viewCnt, long viewUser, long receiveCnt, long receiveUser,
            long verifyCnt, long verifyUser, long givenCnt, long givenUser, long expireCnt, long expireUser) {
    }

    /** getcardcardinfo: one free coupon per day; card_type in datacube numbering (0 discount … 4 groupon). */
    @RegisterForReflection
    public record CardDay(String refDate, String cardId, Integer cardType, long viewCnt, long viewUser,
            long receiveCnt, long receiveUser, long verifyCnt, long verifyUser, long givenCnt, long givenUser,
            long expireCnt, long expireUser, Integer isPay) {
    }

    /** getcardmembercardinfo: member cards per day. */
    @RegisterForReflection
    public record MemberCardDay(String refDate, long viewCnt, long viewUser, long receiveCnt, long receiveUser,
            long activeUser, long verifyCnt, long verifyUser, long totalUser, long totalReceiveUser) {
    }

    @RegisterForReflection
    record Request(String beginDate, String endDate, int condSource, String cardId) {
    }
}
