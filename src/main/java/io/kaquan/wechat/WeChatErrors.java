package io.kaquan.wechat;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one mapping from WeChat's errcodes to what Kaquan does about them and what merchants read. Clients branch on the
 * errcode only (errmsg texts change and carry a request id); the IP of 40164 is the one fact taken from the errmsg.
 */
public final class WeChatErrors {

    /** A business call refused its token: renew it (if it is still the cached one) and retry the call once. */
    static final Set<Integer> TOKEN_REFUSED = Set.of(40001, 40014, 42001);

    /** From the token endpoints: the appid, the secret or the caller is wrong, or the account is blocked. */
    private static final Set<Integer> TOKEN_CREDENTIAL_PROBLEMS = Set.of(40001, 40013, 40125, 40164, 40243, 41002,
            41004, 50004, 50007, 61003, 61004, 61023, 89501, 89503, 89506, 89507);

    /** From business calls: the account may not use the API at all (no card permission, banned, frozen). */
    private static final Set<Integer> ACCOUNT_PROBLEMS = Set.of(48001, 48004, 50002, 50007, 61007);

    /** Every errcode with its own text. */
    static final Set<Integer> KNOWN = Set.of(
            -1, 40001, 40002, 40003, 40005, 40009, 40013, 40014, 40033, 40035, 40053, 40056, 40071, 40072,
            40073, 40078, 40079, 40080, 40099, 40100, 40116, 40122, 40124, 40125, 40127, 40150, 40164,
            40243, 41001, 41002, 41004, 41005, 41011, 41012, 42001, 43001, 43002, 43003, 43008, 43009,
            43010, 44002, 45009, 45011, 45021, 45030, 45031, 45033, 45046, 47001, 48001, 48004, 48006,
            50001, 50002, 50004, 50007, 61003, 61004, 61005, 61006, 61007, 61009, 61010, 61023, 61500, 61501, 76003, 76021,
            76022, 89501, 89503, 89506, 89507);

    /** "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist" */
    private static final Pattern IP = Pattern.compile("invalid ip ([0-9A-Fa-f.:]+)");

    private WeChatErrors() {
    }

    /** Pauses the whole tenant until its credentials change or someone retries. */
    static boolean isCredentialProblem(WeChatApi api, int errcode) {
        return api.isTokenEndpoint() ? TOKEN_CREDENTIAL_PROBLEMS.contains(errcode) : ACCOUNT_PROBLEMS.contains(errcode);
    }

    /** The IP WeChat saw, from a 40164 errmsg; null for other errors or an unexpected text. */
    static String ipOf(int errcode, String errmsg) {
        if (errcode != 40164 || errmsg == null) {
            return null;
        }
        Matcher matcher = IP.matcher(errmsg);
        return matcher.find() ? matcher.group(1) : null;
    }

    static String messageKey(WeChatException e) {
        if (e.isTokenRefusedAgain()) {
            return "tokenRefusedAgain";
        }
        return switch (e.kind()) {
            case UNREACHABLE -> "unreachable";
            case NO_ANSWER -> e.uncertain() ? "noAnswerUncertain" : "noAnswer";
            default -> codeKey(e.api(), e.errcode(), e.ip());
        };
    }

    private static String codeKey(WeChatApi api, int errcode, String ip) {
        if (errcode == 40001 && api.isTokenEndpoint()) {
            return "err_40001_token";
        }
        if (errcode == 40164 && ip != null) {
            return "err_40164_ip";
        }
        return !KNOWN.contains(errcode) ? "errOther" : errcode == -1 ? "err_minus1" : "err_" + errcode;
    }

    /** What the merchant reads about a failed call, in the bundle's language. */
    public static String message(WeChatMsg msg, WeChatException e) {
        String text = switch (e.kind()) {
            case UNREACHABLE -> msg.unreachable(e.host());
            case NO_ANSWER -> e.uncertain() ? msg.noAnswerUncertain() : msg.noAnswer();
            default -> e.isTokenRefusedAgain() ? msg.tokenRefusedAgain() : message(msg, e.api(), e.errcode(), e.errmsg());
        };
        if (e.kind() == WeChatException.Kind.STOPPED && e.credentialProblem()) {
            return msg.stopped(text);
        }
        return text;
    }

    /** The text of an errcode answered by one API (40001 means a wrong secret on the token endpoints). */
    public static String message(WeChatMsg msg, WeChatApi api, int errcode, String errmsg) {
        if (api != null && api.isTokenEndpoint() && errcode == 40001) {
            return msg.err_40001_token();
        }
        String ip = ipOf(errcode, errmsg);
        if (ip != null) {
            return msg.err_40164_ip(ip);
        }
        String text = message(msg, errcode);
        return text != null ? text : msg.errOther(errcode, errmsg == null ? "" : errmsg);
    }

    /** What to do about a credential problem, or null when there is nothing the merchant can do but wait. */
    public static String advice(WeChatMsg msg, int errcode, String ip) {
        return switch (errcode) {
            case 40001, 40125 -> msg.fixAppsecret();
            case 40013 -> msg.fixAppid();
            case 40164, 61004 -> ip != null ? msg.fixIpWhitelist(ip) : msg.fixIpWhitelistUnknownIp();
            case 40243 -> msg.fixAppsecretFrozen();
            case 48001 -> msg.fixCardPermission();
            case 48004, 50002, 50004, 50007 -> msg.fixAccountRestricted();
            case 89501, 89503, 89506, 89507 -> msg.fixAdminConfirmation();
            case 41002, 41004 -> msg.fixContactUs();
            default -> msg.fixThenRetry();
        };
    }

    /** One text per errcode of the protocol reference; null for a code it does not list. */
    static String message(WeChatMsg msg, int errcode) {
        return switch (errcode) {
            case -1 -> msg.err_minus1();
            case 40001 -> msg.err_40001();
            case 40002 -> msg.err_40002();
            case 40003 -> msg.err_40003();
            case 40005 -> msg.err_40005();
            case 40009 -> msg.err_40009();
            case 40013 -> msg.err_40013();
            case 40014 -> msg.err_40014();
            case 40033 -> msg.err_40033();
            case 40035 -> msg.err_40035();
            case 40053 -> msg.err_40053();
            case 40056 -> msg.err_40056();
            case 40071 -> msg.err_40071();
            case 40072 -> msg.err_40072();
            case 40073 -> msg.err_40073();
            case 40078 -> msg.err_40078();
            case 40079 -> msg.err_40079();
            case 40080 -> msg.err_40080();
            case 40099 -> msg.err_40099();
            case 40100 -> msg.err_40100();
            case 40116 -> msg.err_40116();
            case 40122 -> msg.err_40122();
            case 40124 -> msg.err_40124();
            case 40125 -> msg.err_40125();
            case 40127 -> msg.err_40127();
            case 40150 -> msg.err_40150();
            case 40164 -> msg.err_40164();
            case 40243 -> msg.err_40243();
            case 41001 -> msg.err_41001();
            case 41002 -> msg.err_41002();
            case 41004 -> msg.err_41004();
            case 41005 -> msg.err_41005();
            case 41011 -> msg.err_41011();
            case 41012 -> msg.err_41012();
            case 42001 -> msg.err_42001();
            case 43001 -> msg.err_43001();
            case 43002 -> msg.err_43002();
            case 43003 -> msg.err_43003();
            case 43008 -> msg.err_43008();
            case 43009 -> msg.err_43009();
            case 43010 -> msg.err_43010();
            case 44002 -> msg.err_44002();
            case 45009 -> msg.err_45009();
            case 45011 -> msg.err_45011();
            case 45021 -> msg.err_45021();
            case 45030 -> msg.err_45030();
            case 45031 -> msg.err_45031();
            case 45033 -> msg.err_45033();
            case 45046 -> msg.err_45046();
            case 47001 -> msg.err_47001();
            case 48001 -> msg.err_48001();
            case 48004 -> msg.err_48004();
            case 48006 -> msg.err_48006();
            case 50001 -> msg.err_50001();
            case 50002 -> msg.err_50002();
            case 50004 -> msg.err_50004();
            case 50007 -> msg.err_50007();
            case 61003 -> msg.err_61003();
            case 61004 -> msg.err_61004();
            case 61005 -> msg.err_61005();
            case 61006 -> msg.err_61006();
            case 61007 -> msg.err_61007();
            case 61009 -> msg.err_61009();
            case 61010 -> msg.err_61010();
            case 61023 -> msg.err_61023();
            case 61500 -> msg.err_61500();
            case 61501 -> msg.err_61501();
            case 76003 -> msg.err_76003();
            case 76021 -> msg.err_76021();
            case 76022 -> msg.err_76022();
            case 89501 -> msg.err_89501();
            case 89503 -> msg.err_89503();
            case 89506 -> msg.err_89506();
            case 89507 -> msg.err_89507();
            default -> null;
        };
    }
}
