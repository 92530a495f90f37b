package io.kaquan.sandbox.distribution;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The sandbox console's QR codes of one account: each with its image, and "scan" as a WeChat user would. */
@Path("/sandbox/accounts/{appid}/qrcodes")
public class QrCodeConsole {

    /** A QR code of the console, with its cards' titles and outer_str values. */
    public record QrRow(SandboxQrCode code, String imagePath, List<String> cards, String outerStr, boolean expired) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance qrcodes(SandboxAccount account, List<QrRow> codes);
    }

    @Inject
    SandboxQrCodes qrCodes;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    static final int SHOWN = 200;

    @GET
    @Transactional
    public TemplateInstance list(@RestPath String appid) {
        SandboxAccount account = account(appid);
        Instant now = Instant.now();
        // The newest ones only: creation is bounded by the daily quota alone, and a page lists what a person scans.
        List<QrRow> rows = SandboxQrCode.<SandboxQrCode> find("accountId = ?1 order by createdAt desc, id desc",
                account.id).page(0, SHOWN).list().stream().map(code -> row(code, now)).toList();
        return Templates.qrcodes(account, rows);
    }

    private static QrRow row(SandboxQrCode code, Instant now) {
        List<String> cards = new ArrayList<>();
        List<String> outer = new ArrayList<>();
        for (JsonNode entry : SandboxQrCodes.read(code.cardsJson)) {
            String cardId = entry.path("card_id").asText();
            cards.add(CardTemplate.byCardId(cardId).map(card -> card.title).orElse(cardId));
            String value = entry.path("outer_str").asText("");
            if (!value.isEmpty() && !outer.contains(value)) {
                outer.add(value);
            }
        }
        String image = "/sandbox/static/showqrcode?ticket=" + URLEncoder.encode(code.ticket, StandardCharsets.UTF_8);
        return new QrRow(code, image, cards, String.join(", ", outer), code.expired(now));
    }

    @POST
    @Path("{ticket}/scan")
    public RestResponse<Void> scan(@RestPath String appid, @RestPath String ticket, @RestForm String openid) {
        String back = "/sandbox/accounts/" + appid + "/qrcodes";
        return forms.submit(back, () -> {
            SandboxAccount account = account(appid);
            SandboxQrCode.byTicket(ticket).filter(code -> code.accountId.equals(account.id))
                    .orElseThrow(NotFoundException::new);
            List<SimulatedUsers.Received> received;
            try {
                received = qrCodes.scan(ticket, null, openid == null || openid.isBlank() ? null : openid.strip());
            } catch (WeChatError e) {
                throw new ActionRefused(messages().refusal(e.errcode(), e.errmsg()));
            }
            SimulatedUsers.Received first = received.get(0);
            flash.success(messages().scanned(first.openid(),
                    String.join(", ", received.stream().map(SimulatedUsers.Received::code).toList())));
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
