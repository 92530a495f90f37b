package io.kaquan.distribution;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.kaquan.card.CardChoice;
import io.kaquan.card.CardLookup;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.LandingPageScene;
import io.kaquan.wechat.WeChatDistribution;

/** The landing pages page, read: the tenant's pages with their cards, and the cards a new page may hold. */
@ApplicationScoped
public class LandingPages {

    /** The most pages listed. */
    static final int LISTED = 100;

    public record PageRow(long id, String title, LandingPageScene scene, boolean canShare, CallState state, String url,
            Integer pageId, String problem, List<String> cards, Instant createdAt, String createdBy) {
    }

    /** offered: cards a page may hold; customCode: titles of the cards left out because they use their own codes. */
    public record View(List<PageRow> pages, List<CardChoice> offered, String customCode,
            List<LandingPageScene> scenes, int titleMax, List<Integer> sizes) {
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CardLookup cards;

    @Inject
    DistributionConfig config;

    /** Every member reads. */
    public View view() {
        List<CardChoice> choices = cards.choices();
        Map<String, String> titles = choices.stream()
                .collect(Collectors.toMap(CardChoice::cardId, CardChoice::title, (a, b) -> a));
        List<PageRow> rows = DistributionCalls.inTx(() -> LandingPage.ofTenant(currentTenant.id(), LISTED).stream()
                .map(p -> new PageRow(p.id, p.pageTitle, p.scene, p.canShare, p.state, p.url, p.pageId, p.problem,
                        p.cards.stream().map(c -> titles.getOrDefault(c.cardId, c.cardId)).toList(), p.createdAt,
                        p.createdBy))
                .toList());
        return new View(rows, choices.stream().filter(c -> !c.customCode()).toList(),
                choices.stream().filter(CardChoice::customCode).map(CardChoice::title).collect(Collectors.joining("、")),
                Arrays.asList(LandingPageScene.values()),
                WeChatDistribution.LANDING_TITLE_MAX, config.qrSizes());
    }

    /** The url of one of the tenant's pages, for its QR code; 404 for another tenant's or a page WeChat never made. */
    @Transactional
    public LandingPage made(long id) {
        return LandingPage.of(currentTenant.id(), id).filter(p -> p.url != null)
                .orElseThrow(NotFoundException::new);
    }
}
