package io.kaquan.code;

import java.lang.annotation.Annotation;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Test-only: makes the sandbox answer -1 ("system busy") to the next code/unavailable or code/update call, either
 * before doing it or after having done it — the two cases Kaquan cannot tell apart without reading the code again.
 */
public class LostAnswers {

    enum Mode {
        /** -1 and nothing done. */
        BEFORE,
        /** Done, but the answer is -1. */
        AFTER
    }

    private static final String BUSY = "{\"errcode\":-1,\"errmsg\":\"system error rid: test\"}";

    private static volatile String armedPath;
    private static volatile Mode armedMode;

    /** Arms one lost answer for the API path, e.g. "/card/code/unavailable". */
    static void arm(String api, Mode mode) {
        armedMode = mode;
        armedPath = "/sandbox/wechat" + api;
    }

    static void disarm() {
        armedPath = null;
    }

    @ServerRequestFilter(preMatching = true)
    public Response before(ContainerRequestContext request) {
        if (armedMode == Mode.BEFORE && request.getUriInfo().getPath().equals(armedPath)) {
            armedPath = null;
            return Response.ok(BUSY, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return null;
    }

    @ServerResponseFilter
    public void after(ContainerRequestContext request, ContainerResponseContext response) {
        if (armedMode == Mode.AFTER && request.getUriInfo().getPath().equals(armedPath)) {
            armedPath = null;
            response.setStatus(200);
            response.setEntity(BUSY, new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
        }
    }
}
