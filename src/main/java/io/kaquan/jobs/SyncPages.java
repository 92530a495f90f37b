package io.kaquan.jobs;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A tenant's jobs: last and next runs, recent runs, and "sync now" per job for operators. */
@Path("/t/{tenant}/sync")
public class SyncPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sync(SyncService.Page page);
    }

    @Inject
    SyncService sync;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance page() {
        return Templates.sync(sync.page());
    }

    @POST
    @Path("now")
    public RestResponse<Void> syncNow(@RestForm String job) {
        return forms.submit(path(), () -> {
            flash.success(sync.syncNow(job));
            return path();
        });
    }

    private String path() {
        return "/t/" + currentTenant.id() + "/sync";
    }
}
