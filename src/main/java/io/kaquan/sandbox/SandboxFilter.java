package io.kaquan.sandbox;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The sandbox's edges: its run-time switch (every /sandbox path answers 404 while kaquan.sandbox.enabled is false,
 * which production sets by environment), and WeChat's answers for failures that happen before or around a sandbox API
 * method: a wrong HTTP method is 43001/43002 and an unexpected error is {@code -1 system error}, both with HTTP 200.
 */
public class SandboxFilter {

    static final String API_PREFIX = "/sandbox/wechat/";
    static final String ADMIN_PREFIX = "/sandbox/admin/";
    /** Every console page of one account: /sandbox/accounts/{appid}[/…]. */
    static final Pattern CONSOLE_ACCOUNT = Pattern.compile("/sandbox/accounts/([^/]+)(/.*)?");

    @Inject
    SandboxConfig config;

    @Inject
    SandboxAccess access;

    @ServerRequestFilter(preMatching = true)
    public Response switchedOff(ContainerRequestContext request) {
        if (!config.enabled() && isSandbox(request.getUriInfo().getPath())) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE).entity("Not Found")
                    .build();
        }
        return null;
    }

    /** The JSON admin API needs a credential outside dev and test; a stranger gets 401 and nothing else. */
    @ServerRequestFilter
    public Response adminCredential(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(ADMIN_PREFIX) || access.mayAdminister(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return null;
        }
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity("{\"error\":\"unauthorized\"}").build();
    }

    /** A console page of someone else's account is 404, as if the account did not exist. */
    @ServerRequestFilter
    public Response accountOwner(ContainerRequestContext request) {
        Matcher matcher = CONSOLE_ACCOUNT.matcher(request.getUriInfo().getPath());
        if (!matcher.matches()) {
            return null;
        }
        String appid = matcher.group(1);
        boolean usable = QuarkusTransaction.requiringNew()
                .call(() -> SandboxAccount.byAppid(appid).filter(access::mayUse).isPresent());
        return usable ? null
                : Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE).entity("Not Found").build();
    }

    @ServerResponseFilter
    public void wechatFailures(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith(API_PREFIX)) {
            return;
        }
        int status = response.getStatus();
        if (status == 405) {
            // WeChat's APIs are GET or POST: a GET to a POST API is 43002, anything else to a GET API 43001.
            rewrite(response, "GET".equals(request.getMethod()) ? new WeChatError(43002) : new WeChatError(43001));
        } else if (status >= 500) {
            rewrite(response, WeChatError.systemError());
        }
    }

    private static void rewrite(ContainerResponseContext response, WeChatError error) {
        Response reply = WeChatReply.error(error);
        response.setStatus(200);
        response.getHeaders().remove("Allow");
        response.setEntity(reply.getEntity(), new Annotation[0],
                new MediaType("application", "json", Map.of("encoding", "utf-8")));
        response.getHeaders().putSingle("Content-Type", WeChatReply.CONTENT_TYPE);
    }

    static boolean isSandbox(String path) {
        return path.equals("/sandbox") || path.startsWith("/sandbox/");
    }
}
