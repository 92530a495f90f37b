package io.kaquan.wechat;

import io.micrometer.core.instrument.Metrics;

/**
 * A WeChat call that did not succeed: WeChat's errcode and errmsg, or why there was no answer, or why Kaquan did not
 * call at all. Pages show {@link WeChatErrors#message(WeChatMsg, WeChatException)}, never the errmsg alone.
 */
public class WeChatException extends RuntimeException {

    /** What kind of failure this is. */
    public enum Kind {
        /** WeChat answered with a non-zero errcode. */
        REFUSED,
        /** The request never reached WeChat (no connection): nothing happened there. */
        UNREACHABLE,
        /** No usable answer (timeout, broken connection, an HTTP error page): the call may or may not have taken effect. */
        NO_ANSWER,
        /**
         * Kaquan did not call: the tenant is paused by a credential problem, the API's daily quota is used up, the
         * minute limit was hit, or a freshly renewed token was refused again. {@link #errcode()} names the reason.
         */
        STOPPED
    }

    /** The errcode of failures without one from WeChat (no answer, unreachable): WeChat's own "system error". */
    public static final int NO_ERRCODE = -1;

    private final WeChatApi api;
    private final Kind kind;
    private final int errcode;
    private final String errmsg;
    private final String ip;
    private final String host;
    private final boolean tokenRefusedAgain;

    private WeChatException(WeChatApi api, Kind kind, int errcode, String errmsg, String ip, String host,
            boolean tokenRefusedAgain, Throwable cause) {
        super(api.path() + ": " + kind + " " + errcode + " " + errmsg, cause);
        this.api = api;
        this.kind = kind;
        this.errcode = errcode;
        this.errmsg = errmsg;
        this.ip = ip;
        this.host = host;
        this.tokenRefusedAgain = tokenRefusedAgain;
    }

    /** WeChat said no. Every refusal passes here, so here it is counted for operators (errcode, API). */
    static WeChatException refused(WeChatApi api, int errcode, String errmsg) {
        Metrics.counter("kaquan.wechat.errors", "errcode", String.valueOf(errcode), "api", api.name()).increment();
        return new WeChatException(api, Kind.REFUSED, errcode, errmsg, WeChatErrors.ipOf(errcode, errmsg), null,
                false, null);
    }

    static WeChatException unreachable(WeChatApi api, String host, Throwable cause) {
        return new WeChatException(api, Kind.UNREACHABLE, NO_ERRCODE, "unreachable: " + describe(cause), null, host,
                false, cause);
    }

    static WeChatException noAnswer(WeChatApi api, String host, String detail, Throwable cause) {
        return new WeChatException(api, Kind.NO_ANSWER, NO_ERRCODE, "no answer: " + detail, null, host, false, cause);
    }

    /** Not called: the reason is a WeChat errcode seen before (credential problem, 45009, 45011). */
    static WeChatException stopped(WeChatApi api, int errcode, String errmsg) {
        return new WeChatException(api, Kind.STOPPED, errcode, errmsg, WeChatErrors.ipOf(errcode, errmsg), null,
                false, null);
    }

    /** Not renewed again: the token renewed after a refusal was refused too. */
    static WeChatException tokenRefusedAgain(WeChatApi api, int errcode, String errmsg) {
        return new WeChatException(api, Kind.STOPPED, errcode, errmsg, null, null, true, null);
    }

    public WeChatApi api() {
        return api;
    }

    public Kind kind() {
        return kind;
    }

    /** WeChat's errcode, or {@link #NO_ERRCODE} when WeChat did not answer. */
    public int errcode() {
        return errcode;
    }

    /** WeChat's errmsg as sent (English, with its rid), for logs and support; not for merchants. */
    public String errmsg() {
        return errmsg;
    }

    /** The caller IP WeChat saw, for 40164 (IP whitelist); null otherwise. */
    public String ip() {
        return ip;
    }

    /**
     * True when the call may have taken effect although it failed: the caller of a call that is not
     * {@linkplain WeChatApi#repeatable() repeatable} must read WeChat's state before doing it again.
     */
    public boolean uncertain() {
        return !api.repeatable() && (kind == Kind.NO_ANSWER || (kind == Kind.REFUSED && errcode == -1));
    }

    /** The key of the merchant-facing text in {@link WeChatMsg}. */
    public String messageKey() {
        return WeChatErrors.messageKey(this);
    }

    /** A credential problem: the tenant stays paused until the credentials change or someone retries. */
    public boolean credentialProblem() {
        return WeChatErrors.isCredentialProblem(api, errcode);
    }

    boolean isTokenRefusedAgain() {
        return tokenRefusedAgain;
    }

    String host() {
        return host;
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
