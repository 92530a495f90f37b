package io.kaquan.card;

import java.time.Instant;

import io.kaquan.web.I18n;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Computed words of the card pages in templates: {view.codeTypeLabel}. */
@TemplateExtension
public class CardPageTexts {

    /** A code type in words, for the edit form's choices. */
    static String codeTypeLabel(String codeType) {
        return CardView.codeTypeLabel(codeType, msg());
    }

    /** How fresh a card's remaining stock is, in words ("按微信推送更新 · 3 分钟前与微信核对"). */
    static String stockFreshness(Card card) {
        return CardLive.freshness(card.refreshedAt, card.stockEventAt, msg(), Instant.now());
    }

    static String stockFreshness(CardLive live) {
        return live.freshness(msg(), Instant.now());
    }

    private static CardPagesMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(CardPagesMsg.class);
    }
}
