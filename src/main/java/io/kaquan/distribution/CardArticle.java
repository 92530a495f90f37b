package io.kaquan.distribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.card.CardLive;
import io.kaquan.card.CardLookup;
import io.kaquan.wechat.WeChatException;

/**
 * A card in a broadcast article (图文消息): the HTML WeChat gives for it (card/mpnews/gethtml), to paste into the
 * article's content. A read: every member may see it.
 */
@ApplicationScoped
public class CardArticle {

    /** html is null when WeChat refused; problem then says why, in words. */
    public record Article(String cardId, String html, String problem) {
    }

    @Inject
    CardLookup cards;

    @Inject
    DistributionCalls calls;

    /** 404 for a card the tenant does not have. */
    public Article of(String cardId) {
        CardLive card = cards.live(cardId);
        try {
            return new Article(card.cardId(), calls.client().mpnewsHtml(card.cardId()), null);
        } catch (WeChatException e) {
            return new Article(card.cardId(), null, calls.words(e));
        }
    }
}
