package io.kaquan.tenant;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.web.Flash;
import io.kaquan.web.I18n;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** An invitation link, opened by the invitee (signed in): the tenant and role on offer, and an accept button. */
@Path("/invitations/{token}")
public class InvitationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitation(InvitationAcceptance.Offer offer);
    }

    @Inject
    InvitationAcceptance acceptance;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @GET
    public TemplateInstance show(@RestPath String token) {
        return Templates.invitation(acceptance.offer(token).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("accept")
    public RestResponse<Void> accept(@RestPath String token) {
        InvitationAcceptance.Accepted accepted = acceptance.accept(token).orElseThrow(NotFoundException::new);
        TenantMsg msg = i18n.bundle(TenantMsg.class);
        flash.success(accepted.alreadyMember() ? msg.invitationAlreadyMember(accepted.tenantName())
                : msg.invitationAccepted(accepted.tenantName()));
        return RestResponse.seeOther(URI.create("/t/" + accepted.tenantId()));
    }
}
