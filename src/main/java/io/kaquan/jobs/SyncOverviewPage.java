package io.kaquan.jobs;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The agency's view across its accounts: which tenants' syncs are failing. */
@Path("/sync")
public class SyncOverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(SyncService.Overview overview);
    }

    @Inject
    SyncService sync;

    @GET
    public TemplateInstance overview() {
        return Templates.overview(sync.overview());
    }
}
