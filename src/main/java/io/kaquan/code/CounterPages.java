package io.kaquan.code;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.InvalidFormException;
import io.kaquan.wechat.CallState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The counter (核销): one input for a scanned or pasted code, Enter looks it up, one button redeems it, a success
 * screen, and the cashier's redemptions of this shift. Every member may look codes up here; only operators see the
 * button, and a viewer's hand-made POST gets 403.
 */
@Path("/t/{tenant}/counter")
public class CounterPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance counter(Map<String, String> form, Map<String, String> errors,
                CounterDesk.Found found, CounterDesk.Redemption redeemed, CounterDesk.Shift shift);
    }

    @Inject
    CounterDesk desk;

    @Inject
    CodeLookups lookups;

    @Inject
    CodeRedemption redemption;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    /** The counter; with {@code ?code=} it shows that code, with {@code ?redeemed=} the redemption just made. */
    @GET
    public RestResponse<TemplateInstance> counter(@RestQuery String code, @RestQuery String cardId,
            @RestQuery Long redeemed) {
        String typedCardId = CodeInput.trim(cardId);
        Map<String, String> form = Map.of("code", "", "cardId", typedCardId);
        if (CodeInput.trim(code).isEmpty()) {
            return RestResponse.ok(Templates.counter(form, keptErrors(), null, desk.redemption(redeemed), desk.shift()));
        }
        CodeLookups.Query query;
        try {
            query = lookups.query(code, cardId, null, "true");
        } catch (InvalidFormException e) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST,
                    Templates.counter(e.values(), e.errors().asMap(), null, null, desk.shift()));
        }
        CounterDesk.Found found = desk.look(query);
        return RestResponse.status(found.known() ? RestResponse.Status.OK : RestResponse.Status.NOT_FOUND,
                Templates.counter(form, Map.of(), found, null, desk.shift()));
    }

    /** Redeems; then the success screen, or the code again with the reason it was refused. */
    @POST
    @Path("redeem")
    public RestResponse<Void> redeem(@RestForm String code, @RestForm String cardId) {
        String back = counterPath() + "?code=" + encode(CodeInput.trim(code))
                + (CodeInput.trim(cardId).isEmpty() ? "" : "&cardId=" + encode(CodeInput.trim(cardId)));
        return forms.submit(back, () -> {
            CodeRedemption.Redeemed done = redemption.redeem(code, cardId);
            if (done.done().state() != CallState.APPLIED) {
                flash.error(done.done().message());
            }
            return counterPath() + "?redeemed=" + done.operationId();
        });
    }

    /** The field errors of a redemption refused for its input, kept in the flash across the redirect. */
    private Map<String, String> keptErrors() {
        Map<String, String> errors = new HashMap<>();
        for (String field : List.of("code", "cardId")) {
            if (flash.errorOf(field) != null) {
                errors.put(field, flash.errorOf(field));
            }
        }
        return errors;
    }

    private String counterPath() {
        return "/t/" + currentTenant.id() + "/counter";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
