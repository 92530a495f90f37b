package io.kaquan.code;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.kaquan.code.CodeOperation.State;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.kaquan.web.InvalidFormException;
import io.kaquan.web.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The counter's code pages: any member looks codes up and lists a user's codes; operators invalidate and change
 * codes (a viewer's POST, even hand-made, gets 403).
 */
@Path("/t/{tenant}/codes")
public class CodePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lookup(Map<String, String> form, Map<String, String> errors,
                CodeService.Desk desk);

        static native TemplateInstance result(CodeService.Result result);

        static native TemplateInstance invalidate(CodeService.Result result, String reason);

        static native TemplateInstance change(CodeService.Result result);

        static native TemplateInstance users(Map<String, String> form, Map<String, String> errors,
                CodeService.UserCards cards);
    }

    @Inject
    CodeService codes;

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
        if (!CodeService.trim(code).isEmpty()) {
            return Pages.seeOther(lookupPath(CodeService.trim(cardId), CodeService.trim(code), true));
        }
        Map<String, String> form = Map.of("code", "", "cardId", CodeService.trim(cardId), "encryptCode", "",
                "checkConsume", "true");
        return RestResponse.ok(Templates.lookup(form, Map.of(), codes.desk()));
    }

    @GET
    @Path("lookup")
    public RestResponse<TemplateInstance> lookup(@RestQuery String code, @RestQuery String cardId,
            @RestQuery String encryptCode, @RestQuery String checkConsume) {
        CodeService.Query query;
        try {
            query = codes.query(code, cardId, encryptCode, checkConsume);
        } catch (InvalidFormException e) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST,
                    Templates.lookup(e.values(), e.errors().asMap(), codes.desk()));
        }
        CodeService.Result result = codes.lookup(query);
        return RestResponse.status(result.notFound() ? RestResponse.Status.NOT_FOUND : RestResponse.Status.OK,
                Templates.result(result));
    }

    /** The confirmation of an invalidation: repeats the code (read again) and the reason. */
    @GET
    @Path("invalidate")
    public RestResponse<TemplateInstance> confirmInvalidation(@RestQuery String code, @RestQuery String cardId,
            @RestQuery String reason) {
        try {
            codes.checkInvalidation(code, cardId, reason);
        } catch (InvalidFormException e) {
            flash.formFailed(i18n.msg().formInvalid(), e.errors(), e.values());
            return Pages.seeOther(lookupPath(CodeService.trim(cardId), CodeService.trim(code), false));
        }
        return RestResponse.ok(Templates.invalidate(codes.current(code, cardId), CodeService.trim(reason)));
    }

    @POST
    @Path("invalidate")
    public RestResponse<Void> invalidate(@RestForm String code, @RestForm String cardId, @RestForm String reason) {
        codes.requireOperator();
        String back = lookupPath(CodeService.trim(cardId), CodeService.trim(code), false);
        return forms.submit(back, () -> {
            tell(codes.invalidate(code, cardId, reason));
            return back;
        });
    }

    @GET
    @Path("change")
    public TemplateInstance changeForm(@RestQuery String code, @RestQuery String cardId) {
        return Templates.change(codes.current(code, cardId));
    }

    @POST
    @Path("change")
    public RestResponse<Void> change(@RestForm String code, @RestForm String cardId, @RestForm String newCode,
            @RestForm String reason) {
        codes.requireOperator();
        String c = CodeService.trim(code);
        String id = CodeService.trim(cardId);
        String form = "/t/" + currentTenant.id() + "/codes/change?cardId=" + encode(id) + "&code=" + encode(c);
        return forms.submit(form, () -> {
            CodeService.Done done = codes.change(code, cardId, newCode, reason);
            tell(done);
            return lookupPath(id, done.state() == State.APPLIED ? CodeService.trim(newCode) : c, false);
        });
    }

    /** Reads WeChat again for an operation whose outcome is unknown. */
    @POST
    @Path("operations/{id}/check")
    public RestResponse<Void> check(@RestPath Long id) {
        codes.requireOperator();
        String back = "/t/" + currentTenant.id() + "/codes";
        return forms.submit(back, () -> {
            tell(codes.check(id));
            return back;
        });
    }

    @GET
    @Path("users")
    public RestResponse<TemplateInstance> users(@RestQuery String openid, @RestQuery String cardId) {
        Map<String, String> form = Map.of("openid", CodeService.trim(openid), "cardId", CodeService.trim(cardId));
        if (form.get("openid").isEmpty() && form.get("cardId").isEmpty()) {
            return RestResponse.ok(Templates.users(form, Map.of(), null));
        }
        try {
            return RestResponse.ok(Templates.users(form, Map.of(), codes.userCards(openid, cardId)));
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

    private void tell(CodeService.Done done) {
        if (done.state() == State.APPLIED) {
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
