package io.kaquan.code;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.kaquan.web.FormErrors;
import io.kaquan.web.InvalidFormException;

/** The shapes of the counter's inputs (codes, card ids, openids, reasons), checked the same way on every form. */
final class CodeInput {

    static final int REASON_MAX = 200;
    static final Pattern CODE = Pattern.compile("\\S{1,64}");
    static final Pattern CARD_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern OPENID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern ENCRYPT_CODE = Pattern.compile("[A-Za-z0-9+/=_-]{1,128}");

    private CodeInput() {
    }

    static String trim(String input) {
        return input == null ? "" : input.strip();
    }

    static void checkCodeAndCard(CodeMsg msg, FormErrors errors, String code, String cardId) {
        if (trim(code).isEmpty()) {
            errors.add("code", msg.errCodeRequired());
        } else if (!CODE.matcher(trim(code)).matches()) {
            errors.add("code", msg.errCodeFormat());
        }
        if (trim(cardId).isEmpty()) {
            errors.add("cardId", msg.errCardIdRequired());
        } else if (!CARD_ID.matcher(trim(cardId)).matches()) {
            errors.add("cardId", msg.errCardIdFormat());
        }
    }

    static void checkReason(CodeMsg msg, FormErrors errors, String reason) {
        String text = trim(reason);
        if (text.isEmpty()) {
            errors.add("reason", msg.errReasonRequired());
        } else if (text.codePointCount(0, text.length()) > REASON_MAX) {
            errors.add("reason", msg.errReasonTooLong(REASON_MAX));
        }
    }

    /** Refuses the form with its field errors and the typed values, if there is any error. */
    static void refuseIfAny(FormErrors errors, Map<String, String> values) {
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, new LinkedHashMap<>(values));
        }
    }
}
