package io.kaquan.sandbox.console;

import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.cards.CardReview;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.cards.MediaImage;
import io.kaquan.sandbox.cards.SandboxCards;
import io.kaquan.sandbox.cards.SimulatedCardStatus;
import io.kaquan.sandbox.cards.SimulatedCardType;
import io.kaquan.sandbox.codes.CodeIssued;
import io.kaquan.sandbox.codes.SimulatedCodeStatus;
import io.kaquan.sandbox.users.SimulatedUsers;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The sandbox console's card pages for one account: its cards (review them, make a user receive one) and the codes
 * of a card (consume, gift, view, delete as the user would). Rooted below the core's account page on purpose.
 */
@Path("/sandbox/accounts/{appid}/cards")
public class CardConsole {

    /** A card row of the console. */
    public record CardRow(CardTemplate card, String logoPath, long codes, String typeLabel, String statusLabel) {
    }

    /** A code row of the console. */
    public record CodeRow(CodeIssued code, String statusLabel) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cards(SandboxAccount account, List<CardRow> cards);

        static native TemplateInstance codes(SandboxAccount account, CardTemplate card, List<CodeRow> codes);
    }

    @Inject
    CardReview review;

    @Inject
    SimulatedUsers users;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @GET
    @Transactional
    public TemplateInstance cards(@RestPath String appid) {
        SandboxAccount account = account(appid);
        SandboxCardMsg msg = messages();
        List<CardRow> rows = CardTemplate.<CardTemplate> list("accountId = ?1 order by createdAt desc, id desc",
                account.id).stream()
                .map(card -> new CardRow(card, MediaImage.localPath(SandboxCards.read(card.cardJson)
                        .path("base_info").path("logo_url").asText()), CodeIssued.count("cardPk", card.id),
                        typeLabel(msg, card.cardType), statusLabel(msg, card.status)))
                .toList();
        return Templates.cards(account, rows);
    }

    @GET
    @Path("{cardId}/codes")
    @Transactional
    public TemplateInstance codes(@RestPath String appid, @RestPath String cardId) {
        SandboxAccount account = account(appid);
        CardTemplate card = card(account, cardId);
        SandboxCardMsg msg = messages();
        List<CodeRow> rows = CodeIssued.<CodeIssued> list("cardPk = ?1 order by receivedAt desc, id desc", card.id)
                .stream().map(code -> new CodeRow(code, codeLabel(msg, code.status))).toList();
        return Templates.codes(account, card, rows);
    }

    @POST
    @Path("{cardId}/review")
    public RestResponse<Void> review(@RestPath String appid, @RestPath String cardId, @RestForm boolean pass,
            @RestForm String reason) {
        String back = cardsPath(appid);
        return forms.submit(back, () -> {
            card(account(appid), cardId);
            refusedAsMessage(() -> review.decide(cardId, pass, reason));
            flash.success(pass ? messages().approved(cardId) : messages().refused(cardId));
            return back;
        });
    }

    @POST
    @Path("{cardId}/receive")
    public RestResponse<Void> receive(@RestPath String appid, @RestPath String cardId, @RestForm String openid) {
        String back = cardsPath(appid);
        return forms.submit(back, () -> {
            card(account(appid), cardId);
            ObjectNode request = WeChatReply.object();
            if (openid != null && !openid.isBlank()) {
                request.put("openid", openid.strip());
            }
            SimulatedUsers.Received received = refusedAsMessage(() -> users.receive(cardId, request));
            flash.success(messages().received(received.openid(), received.code()));
            return back;
        });
    }

    /** action: consume, gift, view or delete, as the code's user. */
    @POST
    @Path("{cardId}/codes/{code}/{action}")
    public RestResponse<Void> act(@RestPath String appid, @RestPath String cardId, @RestPath String code,
            @RestPath String action) {
        String back = cardsPath(appid) + "/" + cardId + "/codes";
        return forms.submit(back, () -> {
            card(account(appid), cardId);
            ObjectNode none = WeChatReply.object();
            refusedAsMessage(() -> {
                switch (action) {
                    case "consume" -> users.consume(code, appid, none);
                    case "gift" -> users.gift(code, appid, none);
                    case "view" -> users.view(code, appid, none);
                    case "delete" -> users.delete(code, appid, none);
                    default -> throw new NotFoundException();
                }
                return null;
            });
            flash.success(messages().codeActionDone(code));
            return back;
        });
    }

    /** The simulator's refusals (errcode and WeChat's English text) as the page's error message. */
    private <T> T refusedAsMessage(Supplier<T> action) {
        try {
            return action.get();
        } catch (WeChatError e) {
            throw new ActionRefused(messages().refusal(e.errcode(), e.errmsg()));
        }
    }

    static String typeLabel(SandboxCardMsg msg, SimulatedCardType type) {
        return switch (type) {
            case GROUPON -> msg.type_GROUPON();
            case CASH -> msg.type_CASH();
            case DISCOUNT -> msg.type_DISCOUNT();
            case GIFT -> msg.type_GIFT();
            case GENERAL_COUPON -> msg.type_GENERAL_COUPON();
        };
    }

    static String statusLabel(SandboxCardMsg msg, SimulatedCardStatus status) {
        return switch (status) {
            case CARD_STATUS_NOT_VERIFY -> msg.status_CARD_STATUS_NOT_VERIFY();
            case CARD_STATUS_VERIFY_FAIL -> msg.status_CARD_STATUS_VERIFY_FAIL();
            case CARD_STATUS_VERIFY_OK -> msg.status_CARD_STATUS_VERIFY_OK();
            case CARD_STATUS_DELETE -> msg.status_CARD_STATUS_DELETE();
            case CARD_STATUS_DISPATCH -> msg.status_CARD_STATUS_DISPATCH();
        };
    }

    static String codeLabel(SandboxCardMsg msg, SimulatedCodeStatus status) {
        return switch (status) {
            case NORMAL -> msg.code_NORMAL();
            case CONSUMED -> msg.code_CONSUMED();
            case EXPIRE -> msg.code_EXPIRE();
            case GIFTING -> msg.code_GIFTING();
            case GIFT_SUCC -> msg.code_GIFT_SUCC();
            case GIFT_TIMEOUT -> msg.code_GIFT_TIMEOUT();
            case DELETE -> msg.code_DELETE();
            case UNAVAILABLE -> msg.code_UNAVAILABLE();
        };
    }

    private static SandboxAccount account(String appid) {
        return SandboxAccount.byAppid(appid).orElseThrow(NotFoundException::new);
    }

    private static CardTemplate card(SandboxAccount account, String cardId) {
        return CardTemplate.byCardId(cardId).filter(card -> card.accountId.equals(account.id))
                .orElseThrow(NotFoundException::new);
    }

    private static String cardsPath(String appid) {
        return "/sandbox/accounts/" + appid + "/cards";
    }

    private SandboxCardMsg messages() {
        return i18n.bundle(SandboxCardMsg.class);
    }
}
