package io.kaquan.card;

import io.kaquan.web.I18n;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Words of the card pages in templates: {change.state.label}, {sort.label}, {view.codeTypeLabel}. */
@TemplateExtension
public class CardPageTexts {

    static String label(StockChange.State state) {
        CardPagesMsg msg = msg();
        return switch (state) {
            case APPLIED -> msg.stock_APPLIED();
            case FAILED -> msg.stock_FAILED();
            case PENDING -> msg.stock_PENDING();
            case UNCERTAIN -> msg.stock_UNCERTAIN();
        };
    }

    static String label(CardList.Sort sort) {
        CardPagesMsg msg = msg();
        return switch (sort) {
            case NEWEST -> msg.sort_NEWEST();
            case OLDEST -> msg.sort_OLDEST();
            case TITLE -> msg.sort_TITLE();
            case STOCK_LOW -> msg.sort_STOCK_LOW();
            case STOCK_HIGH -> msg.sort_STOCK_HIGH();
        };
    }

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
