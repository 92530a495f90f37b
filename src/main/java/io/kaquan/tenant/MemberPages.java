package io.kaquan.tenant;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.account.Role;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The members of a tenant: everyone sees the list, owners change it. */
@Path("/t/{tenant}/members")
public class MemberPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance members(MemberService.Members members, List<Role> roles, Long me,
                String invitationBase);
    }

    @Inject
    MemberService members;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    io.kaquan.account.CurrentUser currentUser;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @Inject
    TenantConfig config;

    @Context
    UriInfo uriInfo;

    @GET
    public TemplateInstance list() {
        // Only owners see the links: whoever has one may join.
        String invitationBase = currentTenant.can(Role.OWNER.name())
                ? config.publicUrl().orElse(uriInfo.getBaseUri()).resolve("/invitations/").toString()
                : null;
        return Templates.members(members.list(), List.of(Role.values()), currentUser.id(), invitationBase);
    }

    @POST
    public RestResponse<Void> invite(@RestForm String email, @RestForm String role) {
        return forms.submit(path(), () -> {
            MemberService.Invited invited = members.invite(email, role);
            flash.success(msg().invitationCreated(invited.who()));
            return path();
        });
    }

    @POST
    @Path("{userId}/role")
    public RestResponse<Void> changeRole(@RestPath Long userId, @RestForm String role) {
        return forms.submit(path(), () -> {
            flash.success(msg().roleChanged(members.changeRole(userId, role)));
            return path();
        });
    }

    @POST
    @Path("{userId}/remove")
    public RestResponse<Void> remove(@RestPath Long userId) {
        return forms.submit(path(), () -> {
            flash.success(msg().memberRemoved(members.remove(userId)));
            return path();
        });
    }

    @POST
    @Path("invitations/{invitationId}/cancel")
    public RestResponse<Void> cancelInvitation(@RestPath Long invitationId) {
        return forms.submit(path(), () -> {
            flash.success(msg().invitationCancelled(members.cancelInvitation(invitationId)));
            return path();
        });
    }

    private String path() {
        return "/t/" + currentTenant.id() + "/members";
    }

    private TenantMsg msg() {
        return i18n.bundle(TenantMsg.class);
    }
}
