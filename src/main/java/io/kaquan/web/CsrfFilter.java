package io.kaquan.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.logging.Log;

/**
 * Refuses state-changing requests that a browser says come from another site. Together with CORS (which answers
 * 403 to a foreign Origin) and the SameSite=Lax session cookie this is our CSRF protection. A request that carries
 * neither Origin nor Sec-Fetch-Site (an old browser, a privacy proxy) must show a same-origin Referer. WeChat's pushes
 * and the sandbox's APIs carry no browser headers and are exempt.
 */
public class CsrfFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_SITE = Set.of("same-origin", "none");
    private static final List<String> MACHINE_ROUTES = List.of("/wechat/", "/sandbox/wechat/", "/sandbox/admin/");

    @ServerRequestFilter(preMatching = true)
    public Response refuseCrossSite(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return null;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (MACHINE_ROUTES.stream().anyMatch(path::startsWith)) {
            return null;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE.contains(fetchSite)) {
            return refuse(request, "Sec-Fetch-Site: " + fetchSite);
        }
        if (fetchSite == null && request.getHeaderString("Origin") == null
                && !sameOrigin(request.getHeaderString("Referer"), request.getUriInfo().getRequestUri())) {
            return refuse(request, "no Origin, no Sec-Fetch-Site and no same-origin Referer");
        }
        return null;
    }

    private static Response refuse(ContainerRequestContext request, String why) {
        Log.warnf("Refused a possibly cross-site %s %s (%s)", request.getMethod(), request.getUriInfo().getPath(), why);
        return Response.status(Response.Status.FORBIDDEN).entity("Cross-site request refused").build();
    }

    /** Same scheme, host and port as this request (which honours X-Forwarded-* when the proxy settings allow it). */
    static boolean sameOrigin(String referer, URI request) {
        if (referer == null) {
            return false;
        }
        try {
            URI uri = URI.create(referer);
            return request.getScheme().equalsIgnoreCase(uri.getScheme()) && request.getHost() != null
                    && request.getHost().equalsIgnoreCase(uri.getHost()) && port(request) == port(uri);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
