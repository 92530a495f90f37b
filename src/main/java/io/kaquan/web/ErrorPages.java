package io.kaquan.web;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become pages: a title and a sentence in the visitor's language, never a stack trace.
 * Error pages stand alone (no layout) so that a broken database or session cannot break the error page too.
 */
public class ErrorPages {

    @Inject
    I18n i18n;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String text);
    }

    TemplateInstance page(int status) {
        Msg msg = i18n.msg();
        return switch (status) {
            case 400 -> Templates.error(400, msg.error400Title(), msg.error400Text(""));
            case 401 -> Templates.error(401, msg.error401Title(), msg.error401Text());
            case 403 -> Templates.error(403, msg.error403Title(), msg.error403Text());
            case 405 -> Templates.error(405, msg.error405Title(), msg.error405Text());
            default -> Templates.error(404, msg.error404Title(), msg.error404Text());
        };
    }

    private static RestResponse<TemplateInstance> respond(int status, TemplateInstance page) {
        return RestResponse.ResponseBuilder.<TemplateInstance> create(status).entity(page).type(MediaType.TEXT_HTML_TYPE)
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<TemplateInstance> notFound(NotFoundException e) {
        return respond(404, page(404));
    }

    @ServerExceptionMapper({ ForbiddenException.class, jakarta.ws.rs.ForbiddenException.class })
    public RestResponse<TemplateInstance> forbidden(Exception e) {
        return respond(403, page(403));
    }

    @ServerExceptionMapper
    public RestResponse<TemplateInstance> unauthorized(UnauthorizedException e) {
        return respond(401, page(401));
    }

    @ServerExceptionMapper
    public RestResponse<TemplateInstance> notAllowed(NotAllowedException e) {
        return respond(405, page(405));
    }

    @ServerExceptionMapper
    public RestResponse<TemplateInstance> badRequest(BadRequestException e) {
        Msg msg = i18n.msg();
        String detail = e.getMessage() == null ? "" : e.getMessage();
        return respond(400, Templates.error(400, msg.error400Title(), msg.error400Text(detail)));
    }

    /** Other HTTP errors keep their status; anything unexpected is logged with an incident id and shown as 500. */
    @ServerExceptionMapper
    public RestResponse<TemplateInstance> unexpected(Throwable e) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            Msg msg = i18n.msg();
            return respond(status.getStatusCode(), Templates.error(status.getStatusCode(), status.getReasonPhrase(),
                    msg.error400Text(status.getReasonPhrase())));
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        Log.errorf(e, "Unexpected error, incident %s", incident);
        Msg msg = i18n.msg();
        return respond(500, Templates.error(500, msg.error500Title(), msg.error500Text(incident)));
    }
}
