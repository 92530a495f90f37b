package io.kaquan.distribution;

import static io.kaquan.distribution.DistributionCalls.inTx;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.card.CardChoice;
import io.kaquan.card.CardImages;
import io.kaquan.card.CardLookup;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.FormErrors;
import io.kaquan.web.I18n;
import io.kaquan.web.InvalidFormException;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.LandingPageScene;
import io.kaquan.wechat.WeChatDistribution;
import io.kaquan.wechat.WeChatException;

/**
 * Making a landing page (货架, card/landingpage/create) of some of the tenant's cards. The banner goes to WeChat first
 * (media/uploadimg, repeatable); then the page is recorded PENDING before the create is sent, because a second create
 * makes a second page and WeChat has no call that lists them: a lost answer leaves the page UNCERTAIN, and only the
 * merchant, who can look in WeChat, decides to send it again.
 */
@ApplicationScoped
public class LandingPageCreation {

    /** What the form sends; scene is null when the form's value names no scene. */
    public record Request(String title, LandingPageScene scene, boolean canShare, List<String> cardIds,
            String bannerName, String bannerType, byte[] banner) {
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    DistributionCalls calls;

    @Inject
    CardLookup cards;

    @Inject
    Audit audit;

    @Inject
    I18n i18n;

    /** @return the flash text */
    public String create(Request request) {
        currentTenant.require(Role.OPERATOR);
        LandingMsg msg = msg();
        String title = request.title() == null ? "" : request.title().strip();
        Set<String> cardIds = new LinkedHashSet<>();
        request.cardIds().stream().map(String::strip).filter(id -> !id.isEmpty()).forEach(cardIds::add);
        Map<String, CardChoice> offered = cards.choices().stream().filter(c -> !c.customCode())
                .collect(Collectors.toMap(CardChoice::cardId, Function.identity()));

        FormErrors errors = new FormErrors();
        if (title.isEmpty()) {
            errors.add("title", msg.errTitleRequired());
        } else if (title.codePointCount(0, title.length()) > WeChatDistribution.LANDING_TITLE_MAX) {
            errors.add("title", msg.errTitleTooLong(WeChatDistribution.LANDING_TITLE_MAX));
        }
        if (request.scene() == null) {
            errors.add("scene", msg.errScene());
        }
        if (cardIds.isEmpty()) {
            errors.add("cards", msg.errNoCards());
        } else if (!offered.keySet().containsAll(cardIds)) {
            errors.add("cards", msg.errCardNotOffered());
        }
        byte[] banner = request.banner();
        CardImages.Problem problem = banner == null || banner.length == 0 ? CardImages.Problem.NOT_JPEG_OR_PNG
                : CardImages.problem(banner);
        if (banner == null || banner.length == 0) {
            errors.add("banner", msg.errBannerRequired());
        } else if (problem != null) {
            errors.add("banner", problem == CardImages.Problem.TOO_LARGE ? msg.errBannerSize() : msg.errBannerType());
        }
        if (!errors.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("title", title);
            values.put("scene", request.scene() == null ? "" : request.scene().name());
            values.put("canShare", Boolean.toString(request.canShare()));
            values.put("cards", String.join(",", cardIds));
            throw new InvalidFormException(errors, values);
        }
        long tenantId = currentTenant.id();
        boolean undecided = inTx(() -> LandingPage.count("tenantId = ?1 and pageTitle = ?2 and state in ?3", tenantId,
                title, List.of(CallState.PENDING, CallState.UNCERTAIN)) > 0);
        if (undecided) {
            throw new ActionRefused(msg.errUndecidedSameTitle(title));
        }

        String bannerUrl;
        try {
            bannerUrl = calls.client().uploadImage(request.bannerName() == null ? "banner" : request.bannerName(),
                    banner, request.bannerType() == null ? "image/jpeg" : request.bannerType());
        } catch (WeChatException e) {
            throw new ActionRefused(msg.errBannerUpload(calls.words(e)));
        }
        long id = inTx(() -> {
            LandingPage page = new LandingPage();
            page.tenantId = tenantId;
            page.state = CallState.PENDING;
            page.pageTitle = title;
            page.bannerUrl = bannerUrl;
            page.scene = request.scene();
            page.canShare = request.canShare();
            page.createdBy = currentUser.user().label();
            page.createdAt = Instant.now();
            for (String cardId : cardIds) {
                String logo = offered.get(cardId).logoUrl();
                // WeChat shows thumb_url for the card on the page; a card without a logo shows the banner.
                page.cards.add(new LandingPage.PageCard(cardId, logo == null || logo.isBlank() ? bannerUrl : logo));
            }
            page.persist();
            return page.id;
        });
        return send(id);
    }

    /** Sends an UNCERTAIN page again, as the merchant decided after looking in WeChat; anything else is refused. */
    public String resend(long id) {
        currentTenant.require(Role.OPERATOR);
        long tenantId = currentTenant.id();
        boolean reopened = inTx(() -> {
            LandingPage page = LandingPage.of(tenantId, id).orElseThrow(NotFoundException::new);
            if (page.state != CallState.UNCERTAIN) {
                return false;
            }
            page.state = CallState.PENDING;
            return true;
        });
        if (!reopened) {
            throw new ActionRefused(msg().errNotUndecided());
        }
        return send(id);
    }

    /** The create call for a PENDING page, and its outcome recorded with an audit entry. */
    private String send(long id) {
        LandingMsg msg = msg();
        long tenantId = currentTenant.id();
        LandingPage page = inTx(() -> LandingPage.of(tenantId, id).orElseThrow(NotFoundException::new));
        List<WeChatDistribution.LandingCard> list = page.cards.stream()
                .map(c -> new WeChatDistribution.LandingCard(c.cardId, c.thumbUrl)).toList();
        String cardsText = page.cards.stream().map(c -> c.cardId).collect(Collectors.joining(","));
        WeChatDistribution.LandingPage made;
        try {
            made = calls.client().landingPageCreate(page.bannerUrl, page.pageTitle, page.canShare, page.scene, list);
        } catch (WeChatException e) {
            String words = calls.words(e);
            boolean uncertain = e.uncertain();
            inTx(() -> {
                LandingPage p = LandingPage.of(tenantId, id).orElseThrow();
                p.state = uncertain ? CallState.UNCERTAIN : CallState.NOT_APPLIED;
                p.problem = words;
                p.settledAt = uncertain ? null : Instant.now();
                audit.record(tenantId, uncertain ? AuditAction.LANDING_PAGE_UNCERTAIN : AuditAction.LANDING_PAGE_REFUSED,
                        null, "title=" + p.pageTitle + " cards=" + cardsText + " error=" + e.errcode());
                return null;
            });
            throw new ActionRefused(uncertain ? msg.uncertain(page.pageTitle) : msg.refused(words));
        }
        return inTx(() -> {
            LandingPage p = LandingPage.of(tenantId, id).orElseThrow();
            p.state = CallState.APPLIED;
            p.url = made.url();
            p.pageId = made.pageId();
            p.problem = null;
            p.settledAt = Instant.now();
            audit.record(tenantId, AuditAction.LANDING_PAGE_CREATED, null, "title=" + p.pageTitle + " page_id="
                    + made.pageId() + " scene=" + p.scene.name() + " cards=" + cardsText);
            return msg.created(p.pageTitle);
        });
    }

    private LandingMsg msg() {
        return i18n.bundle(LandingMsg.class);
    }
}
