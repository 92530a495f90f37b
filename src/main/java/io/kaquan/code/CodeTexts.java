package io.kaquan.code;

import io.kaquan.card.CardTexts;
import io.kaquan.web.I18n;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Operation kinds and states and lookup outcomes in the visitor's language ({op.state.label}, {l.outcomeLabel}). */
@TemplateExtension
public class CodeTexts {

    static String label(CodeOperation.Kind kind) {
        CodeMsg msg = msg();
        return switch (kind) {
            case UNAVAILABLE -> msg.kind_UNAVAILABLE();
            case UPDATE -> msg.kind_UPDATE();
        };
    }

    static String label(CodeOperation.State state) {
        CodeMsg msg = msg();
        return switch (state) {
            case PENDING -> msg.state_PENDING();
            case APPLIED -> msg.state_APPLIED();
            case NOT_APPLIED -> msg.state_NOT_APPLIED();
            case UNKNOWN -> msg.state_UNKNOWN();
        };
    }

    /** A status in words, or "refused by WeChat (errcode)". */
    static String outcomeLabel(CodeLookup lookup) {
        if (lookup.refused()) {
            return msg().outcomeRefused(lookup.outcome.substring(CodeLookup.ERROR_PREFIX.length()));
        }
        return CardTexts.label(UserCardStatus.of(lookup.outcome));
    }

    /** A value for a query string ({code.urlEncoded}): codes may hold any character but spaces. */
    static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static CodeMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(CodeMsg.class);
    }
}
