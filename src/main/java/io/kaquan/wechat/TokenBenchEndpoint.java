package io.kaquan.wechat;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The server end of bench/token-broker-nodes: a caller that needs the tenant's token, as every WeChat call does. Looks
 * the token up (timed: the latency the broker adds to a call), then makes one card/batchget with it through the gateway,
 * so that a token the sandbox invalidated is refused and renewed as in real use. Answers {@code ok <lookup ns>}, or
 * {@code failed <errcode> <lookup ns>} with 502; never the token. 404 unless kaquan.wechat.bench-token-endpoint is on
 * (off by default; no tenant check, so never on where strangers can reach it).
 */
@Path("/wechat/bench/token-call")
public class TokenBenchEndpoint {

    @Inject
    WeChatConfig config;

    @Inject
    TokenBroker broker;

    @Inject
    WeChatGateway gateway;

    @GET
    @Path("{tenantId}")
    @Produces(MediaType.TEXT_PLAIN)
    public RestResponse<String> call(@RestPath long tenantId) {
        if (!config.benchTokenEndpoint()) {
            return text(404, "not found");
        }
        long began = System.nanoTime();
        long lookup;
        try {
            broker.lease(tenantId);
            lookup = System.nanoTime() - began;
        } catch (WeChatException e) {
            return text(502, "failed " + e.errcode() + " " + (System.nanoTime() - began));
        }
        try {
            gateway.forTenant(tenantId).cardBatchget(0, 1, null);
            return text(200, "ok " + lookup);
        } catch (WeChatException e) {
            return text(502, "failed " + e.errcode() + " " + lookup);
        }
    }

    private static RestResponse<String> text(int status, String body) {
        return RestResponse.ResponseBuilder.<String> create(status).entity(body).type(MediaType.TEXT_PLAIN_TYPE).build();
    }
}
