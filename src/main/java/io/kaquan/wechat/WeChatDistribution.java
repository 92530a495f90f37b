package io.kaquan.wechat;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Requests and answers of the distribution APIs (§5.3 test whitelist, §5.4 QR codes, §5.5 landing pages, §5.8–§5.10 imported
 * codes, §5.11 articles).
 */
public final class WeChatDistribution {

    /** WeChat's range for a QR code's expire_seconds; without it a code lasts 365 days. */
    public static final int QR_MIN_EXPIRE_SECONDS = 60;
    public static final int QR_MAX_EXPIRE_SECONDS = 1800;
    /** Cards of one QR_MULTIPLE_CARD code at most. */
    public static final int QR_MAX_CARDS = 5;
    /** ⚠ A landing page's title in characters: WeChat documents no limit; the sandbox allows 32. */
    public static final int LANDING_TITLE_MAX = 32;
    /** Codes of one card/code/deposit or checkcode call at most. */
    public static final int DEPOSIT_BATCH = 100;

    private WeChatDistribution() {
    }

    /** One card of a QR code. Null fields are left out of the request. */
    @RegisterForReflection
    public record QrCard(String cardId, String code, String openid, Boolean isUniqueCode, Long outerId,
            String outerStr) {
    }

    @RegisterForReflection
    record QrCreateRequest(String actionName, Integer expireSeconds, QrActionInfo actionInfo) {
    }

    @RegisterForReflection
    record QrActionInfo(QrCard card, MultipleCard multipleCard) {
    }

    @RegisterForReflection
    record MultipleCard(List<QrCard> cardList) {
    }

    /** card/qrcode/create's answer: url is what the QR code encodes. */
    @RegisterForReflection
    public record QrCode(String ticket, Integer expireSeconds, String url, String showQrcodeUrl) {
    }

    /** One card of a landing page: thumb_url is the picture shown for it on the page. */
    @RegisterForReflection
    public record LandingCard(String cardId, String thumbUrl) {
    }

    @RegisterForReflection
    record LandingPageRequest(String banner, String pageTitle, boolean canShare, LandingPageScene scene,
            List<LandingCard> cardList) {
    }

    /** card/landingpage/create's answer: url opens the page in WeChat. */
    @RegisterForReflection
    public record LandingPage(String url, int pageId) {
    }

    @RegisterForReflection
    record MpnewsHtml(String content) {
    }

    @RegisterForReflection
    record WhitelistRequest(List<String> openid, List<String> username) {
    }

    @RegisterForReflection
    record CodesRequest(String cardId, List<String> code) {
    }

    @RegisterForReflection
    record CardIdRequest(String cardId) {
    }

    /** card/code/deposit's answer. */
    @RegisterForReflection
    public record Deposited(List<String> succCode, List<String> duplicateCode, List<String> failCode) {
        public Deposited {
            succCode = succCode == null ? List.of() : List.copyOf(succCode);
            duplicateCode = duplicateCode == null ? List.of() : List.copyOf(duplicateCode);
            failCode = failCode == null ? List.of() : List.copyOf(failCode);
        }
    }

    @RegisterForReflection
    record DepositCount(long count) {
    }

    /** card/code/checkcode's answer. */
    @RegisterForReflection
    public record Checked(List<String> existCode, List<String> notExistCode) {
        public Checked {
            existCode = existCode == null ? List.of() : List.copyOf(existCode);
            notExistCode = notExistCode == null ? List.of() : List.copyOf(notExistCode);
        }
    }

    /** cgi-bin/ticket/getticket's answer. */
    @RegisterForReflection
    record ApiTicket(String ticket, long expiresIn) {
    }
}
