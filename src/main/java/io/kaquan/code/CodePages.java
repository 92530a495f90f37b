package io.kaquan.code;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.account.Role;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.kaquan.web.InvalidFormException;
import io.kaquan.web.Pages;
import io.kaquan.wechat.CallState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The counter's code pages: any member looks codes up, lists a user's codes and a card's known codes; operators
 * invalidate and change codes (a viewer's POST, even hand-made, gets 403). Each method makes one use-case call.
 */
@Path("/t/{tenant}/codes")
public class CodePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lookup(Map<String, String> form, Map<String, String> errors,
                CodeLookups.Desk desk);

        static native TemplateInstance result(CodeLookups.Result result);

        static native TemplateInstance invalidate(CodeLookups.Result result, String reason);

        static native TemplateInstance change(CodeLookups.Result result);

        static native TemplateInstance users(Map<String, String> form, Map<String, String> errors,
                UserWallets.Wallet cards);

        /** No layout: the card's page loads it into its own. */
        static native TemplateInstance fragment(KnownCodes.OfCard known);
    }

    @Inject
    CodeLookups lookups;

    @Inject
    CodeInvalidation invalidation;

    @Inject
    CodeChange changes;

    @Inject
    CodeSettlement settlement;

    @Inject
    UserWallets wallets;

    @Inject
    KnownCodes knownCodes;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    /** The lookup form; with {@code ?code=} (links from a card's page) it looks the code up at once. */
    @GET
    public RestResponse<TemplateInstance> lookupForm(@RestQuery String code, @RestQuery String cardId) {
        if (!CodeInput.trim(code).isEmpty()) {
            return Pages.seeOther(lookupPath(CodeInput.trim(cardId), CodeInput.trim(code), true));
        }
        Map<String, String> form = Map.of("code", "", "cardId", CodeInput.trim(cardId), "encryptCode", "",
                "checkConsume", "true");
        return RestResponse.ok(Templates.lookup(form, Map.of(), lookups.desk()));
    }

    @GET
    @Path("lookup")
    public RestResponse<TemplateInstance> lookup(@RestQuery String code, @RestQuery String cardId,
            @RestQuery String encryptCode, @RestQuery String checkConsume) {
        CodeLookups.Query query;
        try {
            query = lookups.query(code, cardId, encryptCode, checkConsume);
        } catch (InvalidFormException e) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST,
                    Templates.lookup(e.values(), e.errors().asMap(), lookups.desk()));
        }
        CodeLookups.Result result = lookups.lookup(query);
        return RestResponse.status(result.notFound() ? RestResponse.Status.NOT_FOUND : RestResponse.Status.OK,
                Templates.result(result));
    }

    /** The confirmation of an invalidation: repeats the code (read again) and the reason. */
    @GET
    @Path("invalidate")
    public RestResponse<TemplateInstance> confirmInvalidation(@RestQuery String code, @RestQuery String cardId,
            @RestQuery String reason) {
        try {
            invalidation.check(code, cardId, reason);
        } catch (InvalidFormException e) {
            flash.formFailed(i18n.msg().formInvalid(), e.errors(), e.values());
            return Pages.seeOther(lookupPath(CodeInput.trim(cardId), CodeInput.trim(code), false));
        }
        return RestResponse.ok(Templates.invalidate(lookups.current(code, cardId), CodeInput.trim(reason)));
    }

    @POST
    @Path("invalidate")
    public RestResponse<Void> invalidate(@RestForm String code, @RestForm String cardId, @RestForm String reason) {
        currentTenant.require(Role.OPERATOR);
        String back = lookupPath(CodeInput.trim(cardId), CodeInput.trim(code), false);
        return forms.submit(back, () -> {
            tell(invalidation.invalidate(code, cardId, reason));
            return back;
        });
    }

    @GET
    @Path("change")
    public TemplateInstance changeForm(@RestQuery String code, @RestQuery String cardId) {
        return Templates.change(lookups.current(code, cardId));
    }

    @POST
    @Path("change")
    public RestResponse<Void> change(@RestForm String code, @RestForm String cardId, @RestForm String newCode,
            @RestForm String reason) {
        currentTenant.require(Role.OPERATOR);
        String c = CodeInput.trim(code);
        String id = CodeInput.trim(cardId);
        String form = "/t/" + currentTenant.id() + "/codes/change?cardId=" + encode(id) + "&code=" + encode(c);
        return forms.submit(form, () -> {
            CodeSettlement.Done done = changes.change(code, cardId, newCode, reason);
            tell(done);
            return lookupPath(id, done.state() == CallState.APPLIED ? CodeInput.trim(newCode) : c, false);
        });
    }

    /** Reads WeChat again for an operation whose outcome is unknown. */
    @POST
    @Path("operations/{id}/check")
    public RestResponse<Void> check(@RestPath Long id) {
        currentTenant.require(Role.OPERATOR);
        String back = "/t/" + currentTenant.id() + "/codes";
        return forms.submit(back, () -> {
            tell(settlement.check(id));
            return back;
        });
    }

    @GET
    @Path("users")
    public RestResponse<TemplateInstance> users(@RestQuery String openid, @RestQuery String cardId) {
        Map<String, String> form = Map.of("openid", CodeInput.trim(openid), "cardId", CodeInput.trim(cardId));
        if (form.get("openid").isEmpty() && form.get("cardId").isEmpty()) {
            return RestResponse.ok(Templates.users(form, Map.of(), null));
        }
        try {
            return RestResponse.ok(Templates.users(form, Map.of(), wallets.wallet(openid, cardId)));
        } catch (InvalidFormException e) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST, Templates.users(form, e.errors().asMap(), null));
        }
    }

    /** The path named in the conventions; the page itself takes the openid as a query (it may hold any character). */
    @GET
    @Path("users/{openid}")
    public RestResponse<Void> usersOf(@RestPath String openid) {
        return Pages.seeOther("/t/" + currentTenant.id() + "/codes/users?openid=" + encode(openid));
    }

    /**
     * The codes Kaquan knows of one of the tenant's cards, as an HTML fragment for the card's page (readable by every
     * member). A card id no card can have is a 400; an unknown one simply lists nothing.
     */
    @GET
    @Path("fragment")
    public RestResponse<TemplateInstance> fragment(@RestQuery String card) {
        String cardId = CodeInput.trim(card);
        if (!CodeInput.CARD_ID.matcher(cardId).matches()) {
            throw new BadRequestException(i18n.bundle(CodeMsg.class).errCardIdFormat());
        }
        return RestResponse.ok(Templates.fragment(knownCodes.ofCard(cardId)));
    }

    private void tell(CodeSettlement.Done done) {
        if (done.state() == CallState.APPLIED) {
            flash.success(done.message());
        } else {
            flash.error(done.message());
        }
    }

    private String lookupPath(String cardId, String code, boolean checkConsume) {
        return "/t/" + currentTenant.id() + "/codes/lookup?code=" + encode(code)
                + (cardId.isEmpty() ? "" : "&cardId=" + encode(cardId)) + "&checkConsume=" + checkConsume;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
