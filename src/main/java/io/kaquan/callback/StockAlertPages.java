package io.kaquan.callback;

import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

/** Acknowledging a card's low-stock alerts from the tenant's overview (the alerts are listed there). */
@Path("/t/{tenant}/stock-alerts")
public class StockAlertPages {

    @Inject
    StockAlertBoard board;

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
    public RestResponse<Void> acknowledge(@RestForm String cardId) {
        if (cardId == null || cardId.isBlank()) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST); // the overview's form always sends one
        }
        String overview = "/t/" + currentTenant.id();
        return forms.submit(overview, () -> {
            if (board.acknowledge(cardId.strip()) == 0) {
                // Closed meanwhile (another operator, another tab) or never open: say so rather than "closed".
                throw new ActionRefused(i18n.bundle(CallbackMsg.class).stockAlertNothingOpen(cardId.strip()));
            }
            flash.success(i18n.bundle(CallbackMsg.class).stockAlertAcknowledged(cardId.strip()));
            return overview + "#stock-alerts";
        });
    }
}
