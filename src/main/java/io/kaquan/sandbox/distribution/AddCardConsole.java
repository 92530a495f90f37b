package io.kaquan.sandbox.distribution;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.users.SimulatedUsers;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 网页领取 in the sandbox console: a user on the merchant's web page taps "add card", the page calls wx.addCard with the
 * card_id and the cardExt the merchant signed, and WeChat checks the signature before the card is received.
 */
@Path("/sandbox/accounts/{appid}/addcard")
public class AddCardConsole {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance addcard(SandboxAccount account, java.util.List<CardTemplate> cards);
    }

    @Inject
    SandboxAddCard addCard;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @GET
    @Transactional
    public TemplateInstance page(@RestPath String appid) {
        SandboxAccount account = account(appid);
        return Templates.addcard(account, CardTemplate.<CardTemplate> list("accountId = ?1 order by id desc",
                account.id));
    }

    @POST
    public RestResponse<Void> add(@RestPath String appid, @RestForm String cardId, @RestForm String cardExt,
            @RestForm String openid) {
        String back = "/sandbox/accounts/" + appid + "/addcard";
        return forms.submit(back, () -> {
            SandboxAccount account = account(appid);
            String id = cardId == null ? "" : cardId.strip();
            CardTemplate.byCardId(id).filter(card -> card.accountId.equals(account.id))
                    .orElseThrow(() -> new ActionRefused(messages().addCardUnknown(id)));
            SimulatedUsers.Received received;
            try {
                received = addCard.addCard(id, cardExt, openid);
            } catch (WeChatError e) {
                throw new ActionRefused(messages().refusal(e.errcode(), e.errmsg()));
            }
            flash.success(messages().addCardReceived(received.openid(), received.code()));
            return back;
        });
    }

    private static SandboxAccount account(String appid) {
        return SandboxAccount.byAppid(appid).orElseThrow(NotFoundException::new);
    }

    private SandboxQrMsg messages() {
        return i18n.bundle(SandboxQrMsg.class);
    }
}
