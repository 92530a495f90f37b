package io.kaquan.overview;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The merchant's overview of one account ({@code /t/{tenant}}): today's business, cards that need attention, what is
 * broken and what to do next. Above the features it gathers, so {@code tenant} need not know them; WeChat's API
 * health (token, calls per endpoint) is on the settings page, for the technically minded.
 */
// Rooted at "/" like TenantPages: a class at /t/{tenant} would take /t/{tenant}/settings too and answer 404.
@Path("/")
public class OverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Dashboard.View view);
    }

    @Inject
    Dashboard dashboard;

    @GET
    @Path("t/{tenant}")
    public TemplateInstance overview() {
        return Templates.overview(dashboard.today());
    }
}
