package io.kaquan.card;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;

/**
 * Acknowledging a card's low-stock alerts, from the tenant's overview (which lists them) or from the card page
 * ({@code back=card}): one route for both.
 */
@Path("/t/{tenant}/stock-alerts")
public class StockAlertPages {

    @Inject
    StockAlerts alerts;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @POST
    @Path("acknowledge")
    public RestResponse<Void> acknowledge(@RestForm String cardId, @RestForm String back) {
        if (cardId == null || cardId.isBlank() || cardId.strip().length() > 64) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST); // both forms always send one
        }
        String card = cardId.strip();
        String from = "card".equals(back) ? "/t/" + currentTenant.id() + "/cards/"
                + URLEncoder.encode(card, StandardCharsets.UTF_8) : "/t/" + currentTenant.id();
        CardPagesMsg msg = i18n.bundle(CardPagesMsg.class);
        return forms.submit(from, () -> {
            if (alerts.acknowledge(card) == 0) {
                // Closed meanwhile (another operator, another tab) or never open: say so rather than "closed".
                throw new ActionRefused(msg.stockAlertNothingOpen(card));
            }
            flash.success(msg.stockAlertAcknowledged(card));
            return "card".equals(back) ? from : from + "#stock-alerts";
        });
    }
}
