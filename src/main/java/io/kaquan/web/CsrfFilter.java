package io.kaquan.web;

import java.util.Set;

import io.quarkus.logging.Log;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses state-changing requests that a browser says come from another site. Together with CORS (which answers
 * 403 to a foreign Origin) and the SameSite=Lax session cookie this is our CSRF protection; WeChat's pushes and the
 * sandbox API carry no browser headers and pass.
 */
public class CsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSite(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE.contains(fetchSite)) {
            Log.warnf("Refused a cross-site %s %s (Sec-Fetch-Site: %s)", request.getMethod(),
                    request.getUriInfo().getPath(), fetchSite);
            return Response.status(Response.Status.FORBIDDEN).entity("Cross-site request refused").build();
        }
        return null;
    }
}
