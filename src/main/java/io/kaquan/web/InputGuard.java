package io.kaquan.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place at the edge that refuses text no browser or WeChat can mean ({@link MeantText}): in the path, the query
 * string and form, multipart, JSON, XML and text bodies. It inspects on the router, before any resource runs, so that a
 * refused request changes nothing; the answer is a 400 page in the visitor's language, a short text for WeChat's side
 * (the callback, the sandbox's admin API), and an errcode for the sandbox's WeChat API, as WeChat would answer.
 */
@ApplicationScoped
public class InputGuard {

    static final String REFUSED = "kaquan.input-refused";
    /** No field of ours holds more (WeChat's longest text, a card description, is 1,024 characters). */
    static final int MAX_FIELD_BYTES = 8 * 1024;
    /** Ids, codes, steps: a path segment longer than this is nobody's. */
    static final int MAX_SEGMENT_BYTES = 512;
    static final String BODY = "kaquan.inspected-body";

    private static final List<String> UNINSPECTED = List.of("/q/", "/webjars/", "/static/", "/favicon.ico");
    private static final String SANDBOX_WECHAT_API = "/sandbox/wechat/";
    private static final List<String> MACHINE_ROUTES = List.of("/wechat/", "/sandbox/admin/");
    private static final JsonFactory JSON = new JsonFactory();

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    I18n i18n;

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1).handler(this::inspect);
    }

    void inspect(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        if (path == null || UNINSPECTED.stream().anyMatch(path::startsWith)) {
            context.next();
            return;
        }
        if (!MeantText.isMeantUrlEncoded(path) || !MeantText.isMeantUrlEncoded(request.query())) {
            refuse(context, "path or query", Refusal.UNREADABLE);
            return;
        }
        if (!MeantText.fitsPath(path, MAX_SEGMENT_BYTES)
                || !MeantText.fitsUrlEncoded(request.query(), MAX_FIELD_BYTES)) {
            refuse(context, "path or query", Refusal.TOO_LONG);
            return;
        }
        String type = mediaType(request.getHeader(HttpHeaderNames.CONTENT_TYPE));
        // RESTEasy pauses the request it is handed, which HTTP/2 refuses once the body is read: HTTP/2 bodies (only
        // with TLS on this server itself, or h2c) pass uninspected; browsers behind our TLS proxy speak HTTP/1.1 here.
        if (!hasBody(request.method().name()) || !inspected(type)
                || request.version() == io.vertx.core.http.HttpVersion.HTTP_2) {
            context.next();
            return;
        }
        Buffer already = context.getBody();
        if (already != null) {
            inspectBody(context, type, already);
            return;
        }
        request.body().onSuccess(body -> inspectBody(context, type, body)).onFailure(context::fail);
        request.resume(); // the router pauses a request until someone reads its body
    }

    private void inspectBody(RoutingContext context, String type, Buffer body) {
        byte[] bytes = body.getBytes();
        context.setBody(body);
        context.put(BODY, bytes);
        Refusal refusal = inspectBody(type, context.request().getHeader(HttpHeaderNames.CONTENT_TYPE), bytes);
        if (refusal == null) {
            context.next();
        } else {
            refuse(context, type + " body", refusal);
        }
    }

    enum Refusal {
        UNREADABLE,
        TOO_LONG
    }

    private static void refuse(RoutingContext context, String where, Refusal refusal) {
        Log.infof("Refused the %s of %s %s: %s", where, context.request().method(), context.request().path(), refusal);
        if (context.request().path().startsWith(SANDBOX_WECHAT_API)) {
            context.response().setStatusCode(200).putHeader(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                    .end("{\"errcode\":40035,\"errmsg\":\"invalid param: unreadable text\"}");
            return;
        }
        context.put(REFUSED, refusal);
        context.next();
    }

    /** Answers a refused request before matching (nothing of the application runs) and hands on an inspected body. */
    @ServerRequestFilter(preMatching = true)
    public Response answer(ContainerRequestContext request) {
        RoutingContext context = currentRequest.getCurrent();
        if (context == null) {
            return null;
        }
        byte[] body = context.get(BODY);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body));
        }
        Refusal refusal = context.get(REFUSED);
        if (refusal == null) {
            return null;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (MACHINE_ROUTES.stream().anyMatch(path::startsWith)) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity(refusal == Refusal.TOO_LONG ? "Input too long" : "Unreadable text refused").build();
        }
        throw new BadRequestException(refusal == Refusal.TOO_LONG ? i18n.msg().inputTooLong() : i18n.msg().inputUnreadable());
    }

    private static boolean hasBody(String method) {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean inspected(String type) {
        return type.equals(MediaType.APPLICATION_FORM_URLENCODED) || type.equals(MediaType.MULTIPART_FORM_DATA)
                || type.endsWith("json") || type.endsWith("xml") || type.startsWith("text/");
    }

    /** Why the body is refused, or null when it is fine. */
    static Refusal inspectBody(String type, String contentType, byte[] bytes) {
        if (type.equals(MediaType.APPLICATION_FORM_URLENCODED)) {
            String form = new String(bytes, StandardCharsets.ISO_8859_1);
            return !MeantText.isMeantUrlEncoded(form) ? Refusal.UNREADABLE
                    : !MeantText.fitsUrlEncoded(form, MAX_FIELD_BYTES) ? Refusal.TOO_LONG : null;
        }
        if (type.equals(MediaType.MULTIPART_FORM_DATA)) {
            return inspectMultipart(contentType, bytes);
        }
        String text = MeantText.strictUtf8(bytes);
        if (text == null || !MeantText.isMeant(text)) {
            return Refusal.UNREADABLE;
        }
        return !type.endsWith("json") || meantJson(bytes) ? null : Refusal.UNREADABLE;
    }

    /** JSON escapes (\u0000, a lone \ud800) hide what the bytes show: every name and string is checked decoded. */
    private static boolean meantJson(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
                        && !MeantText.isMeant(parser.getText())) {
                    return false;
                }
            }
            return true;
        } catch (IOException malformed) {
            return true; // not JSON at all: the resource answers that, as it always did
        }
    }

    /** The text fields of a multipart form (files are pictures: any bytes). */
    private static Refusal inspectMultipart(String contentType, byte[] bytes) {
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(bytes));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpPostMultipartRequestDecoder decoder = null;
        try {
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request,
                    StandardCharsets.UTF_8);
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (!MeantText.isMeant(data.getName())) {
                    return Refusal.UNREADABLE;
                }
                if (data instanceof Attribute attribute) {
                    if (!MeantText.isMeantUtf8(attribute.get())) {
                        return Refusal.UNREADABLE;
                    }
                    if (attribute.length() > MAX_FIELD_BYTES) {
                        return Refusal.TOO_LONG;
                    }
                }
            }
            return null;
        } catch (RuntimeException | IOException malformed) {
            return null; // not a form we can read: the resource answers that, as it always did
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
        }
    }
}
