package io.kaquan.sandbox.distribution;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.cards.CardRules;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.cards.SandboxCards;
import io.kaquan.sandbox.cards.SimulatedCardStatus;
import io.kaquan.sandbox.users.SimulatedUsers;

/**
 * card/landingpage/create (protocol reference §5.5) and a user receiving a card from the page, and
 * card/mpnews/gethtml (§5.11), which serves the same cards in a broadcast article.
 *
 * <p>
 * ⚠ Unverified, chosen as the likeliest: a missing field answers 41011, a scene outside WeChat's list and a banner
 * that is not a URL answer 40150 (invalid card parameters), a deleted or refused card 40078, a custom-code card that
 * does not take its codes from a deposit 40150 (WeChat: "custom codes must be deposited first"); a card still under
 * review may be put on a page (whitelisted testers can receive it there, as from a QR code).
 */
@ApplicationScoped
public class SandboxLandingPages {

    /** WeChat's scenes of a landing page. */
    public static final Set<String> SCENES = Set.of("SCENE_NEAR_BY", "SCENE_MENU", "SCENE_QRCODE", "SCENE_ARTICLE",
            "SCENE_H5", "SCENE_IVR", "SCENE_CARD_CUSTOM_CELL");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SimulatedUsers users;

    @Inject
    SandboxLandingConfig config;

    /** @param base this server's URL as the caller reached it, for the page's url */
    @Transactional
    public ObjectNode create(SandboxAccount account, ObjectNode body, String base) {
        String banner = SandboxJson.optionalText(body, "banner").filter(s -> !s.isBlank())
                .orElseThrow(() -> CardRules.missing("banner"));
        if (!banner.startsWith("http://") && !banner.startsWith("https://")) {
            throw new WeChatError(40150, "invalid card parameters: banner must be an image url from uploadimg");
        }
        String title = SandboxJson.optionalText(body, "page_title").filter(s -> !s.isBlank())
                .orElseThrow(() -> CardRules.missing("page_title"));
        if (title.codePointCount(0, title.length()) > config.titleMax()) {
            throw new WeChatError(45021, CardRules.TOO_LONG);
        }
        boolean canShare = SandboxJson.optionalBoolean(body, "can_share")
                .orElseThrow(() -> CardRules.missing("can_share"));
        String scene = SandboxJson.optionalText(body, "scene").orElseThrow(() -> CardRules.missing("scene"));
        if (!SCENES.contains(scene)) {
            throw new WeChatError(40150, "invalid card parameters: scene " + scene);
        }
        ArrayNode list = SandboxJson.optionalArray(body, "card_list").filter(l -> !l.isEmpty())
                .orElseThrow(() -> CardRules.missing("card_list"));
        ArrayNode cards = JSON.createArrayNode();
        for (JsonNode given : list) {
            if (!given.isObject()) {
                throw WeChatError.dataFormat();
            }
            CardTemplate card = distributable(account, (ObjectNode) given);
            String thumb = SandboxJson.optionalText(given, "thumb_url").filter(s -> !s.isBlank())
                    .orElseThrow(() -> CardRules.missing("thumb_url"));
            cards.addObject().put("card_id", card.cardId).put("thumb_url", thumb);
        }
        SandboxLandingPage page = new SandboxLandingPage();
        page.accountId = account.id;
        // One maker at a time per account for the next page_id.
        SandboxLandingPage.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('sbx_landing_page'), cast(?1 as integer))")
                .setParameter(1, account.id.intValue()).getSingleResult();
        page.pageId = SandboxLandingPage.nextPageId(account.id);
        page.urlToken = random(18);
        page.banner = banner;
        page.pageTitle = title;
        page.canShare = canShare;
        page.scene = scene;
        page.cardsJson = cards.toString();
        page.createdAt = Instant.now();
        page.persist();

        ObjectNode reply = WeChatReply.object();
        reply.put("url", base + "/sandbox/l/" + page.urlToken);
        reply.put("page_id", page.pageId);
        return reply;
    }

    /**
     * ⚠ The snippet WeChat gives for a card in a broadcast article: an iframe the article editor turns into the card's
     * block (the markup mirrors what merchants report; its exact attributes are unverified).
     */
    @Transactional
    public ObjectNode mpnewsHtml(SandboxAccount account, ObjectNode body, String base) {
        CardTemplate card = distributable(account, body);
        String src = base + "/sandbox/card-article?biz=" + account.appid + "&cardid=" + card.cardId;
        ObjectNode reply = WeChatReply.object();
        reply.put("content", "<iframe class=\"res_iframe card_iframe js_editor_card\" data-src=\"" + src
                + "\" allowfullscreen=\"\" frameborder=\"0\"></iframe>");
        return reply;
    }

    /** A card of the account that a user can be handed from a page or an article. */
    private static CardTemplate distributable(SandboxAccount account, ObjectNode given) {
        CardTemplate card = SandboxCards.owned(account, given, false);
        if (card.status == SimulatedCardStatus.CARD_STATUS_DELETE
                || card.status == SimulatedCardStatus.CARD_STATUS_VERIFY_FAIL) {
            throw new WeChatError(40078, "invalid card status");
        }
        if (card.useCustomCode && !SandboxCards.depositMode(card)) {
            throw new WeChatError(40150, "invalid card parameters: a custom code card must deposit its codes first");
        }
        return card;
    }

    /**
     * A user opens the page and receives one of its cards. The push is user_get_card with OuterStr empty (or the
     * page's scene, see {@link SandboxLandingConfig#outerStrIsScene()}) and OuterId 0.
     *
     * @param openid null for a new user
     */
    @Transactional(dontRollbackOn = WeChatError.class)
    public SimulatedUsers.Received receive(String urlToken, String cardId, String openid) {
        SandboxLandingPage page = SandboxLandingPage.byUrlToken(urlToken).orElseThrow(NotFoundException::new);
        boolean listed = false;
        for (JsonNode entry : read(page.cardsJson)) {
            listed |= entry.path("card_id").asText().equals(cardId);
        }
        if (!listed) {
            throw new NotFoundException();
        }
        ObjectNode request = JSON.createObjectNode();
        if (openid != null && !openid.isBlank()) {
            request.put("openid", openid.strip());
        }
        request.put("outerStr", config.outerStrIsScene() ? page.scene : "");
        request.put("outerId", 0);
        SimulatedUsers.Received received = users.receive(cardId, request);
        page.receipts++;
        return received;
    }

    public static ArrayNode read(String json) {
        try {
            return (ArrayNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
