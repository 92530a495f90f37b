package io.kaquan.callback;

import io.kaquan.tenant.CurrentTenant;
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
        String overview = "/t/" + currentTenant.id();
        return forms.submit(overview, () -> {
            board.acknowledge(cardId);
            flash.success(i18n.bundle(CallbackMsg.class).stockAlertAcknowledged(cardId));
            return overview + "#stock-alerts";
        });
    }
}
