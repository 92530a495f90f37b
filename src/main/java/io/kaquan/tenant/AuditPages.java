package io.kaquan.tenant;

import java.util.List;

import io.kaquan.account.AuditEntry;
import io.kaquan.account.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Owners page through who did what in their tenant, newest first. */
@Path("/t/{tenant}/audit")
public class AuditPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditEntry> entries, Long nextBefore);
    }

    @Inject
    CurrentTenant currentTenant;

    @GET
    public TemplateInstance audit(@QueryParam("before") Long before) {
        currentTenant.require(Role.OWNER);
        List<AuditEntry> entries = AuditEntry.page(currentTenant.id(), before, PAGE_SIZE + 1);
        Long nextBefore = null;
        if (entries.size() > PAGE_SIZE) {
            entries = entries.subList(0, PAGE_SIZE);
            nextBefore = entries.get(PAGE_SIZE - 1).id;
        }
        return Templates.audit(entries, nextBefore);
    }
}
