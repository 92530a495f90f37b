package io.kaquan.tenant;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.kaquan.account.CurrentUser;
import io.kaquan.account.Membership;

/**
 * The only place that turns {@code /t/{tenant}} into a tenant: it must exist and the user must be a member,
 * otherwise 404 (a stranger learns nothing, not even that the tenant exists). Everything below trusts
 * {@link CurrentTenant}.
 */
public class TenantEdge {

    private static final Pattern TENANT_PATH = Pattern.compile("^/t/([^/]+)(/.*)?$");

    @Inject
    CurrentUser currentUser;

    @Inject
    CurrentTenant currentTenant;

    @ServerRequestFilter
    public void enterTenant(ContainerRequestContext request) {
        Matcher matcher = TENANT_PATH.matcher(request.getUriInfo().getPath());
        if (!matcher.matches()) {
            return;
        }
        Long tenantId = parseId(matcher.group(1));
        Tenant tenant = tenantId == null ? null : Tenant.findById(tenantId);
        if (tenant == null) {
            throw new NotFoundException();
        }
        Membership membership = Membership.find(tenant.id, currentUser.id()).orElseThrow(NotFoundException::new);
        currentTenant.enter(tenant, membership.role);
    }

    private static Long parseId(String text) {
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
