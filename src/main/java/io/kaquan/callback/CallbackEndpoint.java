package io.kaquan.callback;

import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one public callback URL shared by every tenant ({@code /wechat/callback}, outside login and CSRF: WeChat sends
 * no browser headers). GET answers WeChat's URL check; POST stores a push in the inbox and answers "success" at
 * once, whatever processing costs. Answers are plain text; refusals are 4xx, never a 500.
 */
@Path("/wechat/callback")
public class CallbackEndpoint {

    @Inject
    PushReception reception;

    @Inject
    EventProcessor processor;

    @Inject
    CallbackConfig config;

    @Inject
    HttpServerRequest request;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public RestResponse<String> verify(@RestQuery String signature, @RestQuery String timestamp,
            @RestQuery String nonce, @RestQuery String echostr, @RestQuery("t") String tenantHint) {
        PushReception.Answer answer = reception.verify(
                new PushReception.Query(signature, null, timestamp, nonce, null, tenantHint, request.query()), echostr);
        return reply(answer);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public RestResponse<String> push(InputStream body, @RestQuery String signature,
            @RestQuery("msg_signature") String msgSignature, @RestQuery String timestamp, @RestQuery String nonce,
            @RestQuery("encrypt_type") String encryptType, @RestQuery("t") String tenantHint,
            @RestHeader("Content-Length") Long contentLength) throws IOException {
        String remote = request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress();
        int limit = config.maxBodyBytes();
        if (contentLength != null && contentLength > limit) {
            Log.warnf("Push from %s refused: %d bytes, more than %d", remote, contentLength, limit);
            return text(413, "body too large");
        }
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            Log.warnf("Push from %s refused: body larger than %d bytes", remote, limit);
            return text(413, "body too large");
        }
        PushReception.Answer answer = reception.receive(new PushReception.Query(signature, msgSignature, timestamp,
                nonce, encryptType, tenantHint, request.query()), bytes, remote);
        if (answer.stored()) {
            processor.wakeUp();
        }
        Metrics.counter("kaquan.callback.pushes", "result",
                answer.status() >= 400 ? "refused" : answer.stored() ? "stored" : "not-stored").increment();
        return reply(answer);
    }

    /**
     * The yardstick of bench/callback: the same HTTP stack and body read as {@link #push}, then "success" without
     * parsing, verifying or storing. 404 unless kaquan.callback.bench-bare-endpoint is on.
     */
    @POST
    @Path("bare")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public RestResponse<String> bare(InputStream body) throws IOException {
        if (!config.benchBareEndpoint()) {
            return text(404, "not found");
        }
        body.readNBytes(config.maxBodyBytes() + 1);
        return text(200, "success");
    }

    private static RestResponse<String> reply(PushReception.Answer answer) {
        return text(answer.status(), answer.body());
    }

    private static RestResponse<String> text(int status, String body) {
        return RestResponse.ResponseBuilder.<String> create(status).entity(body).type(MediaType.TEXT_PLAIN_TYPE).build();
    }

    /**
     * Anything unexpected (the database is down…): 503 in plain text, so that WeChat retries later, and no HTML
     * error page. Declared here, it applies to this resource only.
     */
    @ServerExceptionMapper
    public RestResponse<String> unexpected(RuntimeException e) {
        Log.errorf(e, "Callback request failed; WeChat will retry");
        return text(503, "try again later");
    }
}
