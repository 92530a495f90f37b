package io.kaquan.sandbox.distribution;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.users.SimulatedUsers;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The sandbox console's landing pages of one account: each page's cards, received as a WeChat user would. */
@Path("/sandbox/accounts/{appid}/landing-pages")
public class LandingPageConsole {

    /** One card of a page: its id and title. */
    public record PageCard(String cardId, String title) {
    }

    public record PageRow(SandboxLandingPage page, List<PageCard> cards) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pages(SandboxAccount account, List<PageRow> pages);
    }

    @Inject
    SandboxLandingPages landingPages;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @GET
    @Transactional
    public TemplateInstance list(@RestPath String appid) {
        SandboxAccount account = account(appid);
        List<PageRow> rows = SandboxLandingPage.<SandboxLandingPage> list("accountId = ?1 order by pageId desc",
                account.id).stream().map(LandingPageConsole::row).toList();
        return Templates.pages(account, rows);
    }

    private static PageRow row(SandboxLandingPage page) {
        List<PageCard> cards = new ArrayList<>();
        for (JsonNode entry : SandboxLandingPages.read(page.cardsJson)) {
            String cardId = entry.path("card_id").asText();
            cards.add(new PageCard(cardId, CardTemplate.byCardId(cardId).map(card -> card.title).orElse(cardId)));
        }
        return new PageRow(page, cards);
    }

    @POST
    @Path("{pageId}/receive")
    public RestResponse<Void> receive(@RestPath String appid, @RestPath int pageId, @RestForm String cardId,
            @RestForm String openid) {
        String back = "/sandbox/accounts/" + appid + "/landing-pages";
        return forms.submit(back, () -> {
            String token = token(appid, pageId);
            SimulatedUsers.Received received;
            try {
                received = landingPages.receive(token, cardId == null ? "" : cardId,
                        openid == null || openid.isBlank() ? null : openid.strip());
            } catch (WeChatError e) {
                throw new ActionRefused(messages().refusal(e.errcode(), e.errmsg()));
            }
            flash.success(messages().received(received.openid(), received.code()));
            return back + "#page-" + pageId;
        });
    }

    private static String token(String appid, int pageId) {
        return QuarkusTransaction.requiringNew().call(() -> SandboxLandingPage.of(account(appid).id, pageId)
                .orElseThrow(NotFoundException::new).urlToken);
    }

    private static SandboxAccount account(String appid) {
        return SandboxAccount.byAppid(appid).orElseThrow(NotFoundException::new);
    }

    private SandboxLandingMsg messages() {
        return i18n.bundle(SandboxLandingMsg.class);
    }
}
