package io.kaquan.callback;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A card's pay-cell payments and their totals, without the layout: the card page loads it (htmx). Any member reads. */
@Path("/t/{tenant}/payments")
public class PaymentPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fragment(CardPayments.View view);
    }

    @Inject
    CardPayments payments;

    @GET
    @Path("fragment")
    public RestResponse<TemplateInstance> fragment(@RestQuery String card) {
        if (card == null || card.isBlank() || card.strip().length() > 64) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST);
        }
        return RestResponse.ok(Templates.fragment(payments.of(card.strip())));
    }
}
