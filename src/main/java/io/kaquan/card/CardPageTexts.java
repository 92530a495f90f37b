package io.kaquan.card;

import io.kaquan.web.I18n;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Computed words of the card pages in templates: {view.codeTypeLabel}, {value.urlEncoded}. */
@TemplateExtension
public class CardPageTexts {

    /** A code type in words, for the edit form's choices. */
    static String codeTypeLabel(String codeType) {
        return CardView.codeTypeLabel(codeType, msg());
    }

    /** A query parameter value. */
    static String urlEncoded(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static CardPagesMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(CardPagesMsg.class);
    }
}
