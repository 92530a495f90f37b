package io.kaquan.overview;

import java.util.List;
import java.util.Map;

import io.kaquan.card.StockAlerts;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.tenant.Tenant;
import io.kaquan.tenant.TenantService;
import io.kaquan.wechat.TokenHealth;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

/**
 * The merchant's overview of one account ({@code /t/{tenant}}): the account, its open low-stock alerts, WeChat's
 * health and the callback settings. Above the features it gathers (it will grow into the merchant's dashboard), so
 * {@code tenant} need not know them.
 */
// Rooted at "/" like TenantPages: a class at /t/{tenant} would take /t/{tenant}/settings too and answer 404.
@Path("/")
public class OverviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Tenant tenant, long memberCount, String callbackUrl, TokenHealth health,
                List<StockAlerts.Open> alerts, Map<String, String> revealed);
    }

    @Inject
    TenantService tenants;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    StockAlerts stockAlerts;

    @Inject
    UriInfo uriInfo;

    @GET
    @Path("t/{tenant}")
    public TemplateInstance overview() {
        return Templates.overview(currentTenant.get(), tenants.memberCount(), tenants.callbackUrl(uriInfo.getBaseUri()),
                tenants.health(), stockAlerts.open(), Map.of()); // secrets are revealed once, on the settings page
    }
}
