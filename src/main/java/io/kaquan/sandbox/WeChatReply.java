package io.kaquan.sandbox;

import java.security.SecureRandom;
import java.time.Instant;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How every sandbox WeChat API answers, exactly as WeChat does: always HTTP 200, JSON in real UTF-8 characters
 * (never {@code \\uXXXX}), content type {@code application/json; encoding=utf-8} (what WeChat sends).
 *
 * <p>
 * For the authors of sandbox API resources (card, code, datacube, poi, media…):
 * <ul>
 * <li>Resource methods return {@link jakarta.ws.rs.core.Response} built with {@link #ok(ObjectNode)} (adds
 * {@code errcode 0 / errmsg ok}), {@link #raw(ObjectNode)} (successes without errcode: token, uploadimg, datacube)
 * or {@link #error(int, String)}.</li>
 * <li>Errors are thrown as {@link WeChatError} from anywhere below the resource. They are mapped by
 * {@link #mapError(WeChatError)} below: a <em>global</em> {@code @ServerExceptionMapper} for that one exception
 * type. Only the sandbox throws WeChatError, so a global mapper is scoped to the sandbox API in practice, and it is
 * more specific than the HTML {@code ErrorPages} mapper for Throwable, so it wins. Nothing to declare per class.</li>
 * <li>Take the body as a {@code String} parameter and parse it with {@link SandboxJson#parse(String)} (44002 / 47001),
 * never as a Jackson-bound parameter (a Jackson failure would become an HTML 400).</li>
 * <li>Declare only the HTTP method WeChat uses. A wrong method becomes 43001/43002 and an unexpected exception
 * becomes {@code -1 system error} for every path under /sandbox/wechat ({@link SandboxFilter}).</li>
 * <li>Call {@link SandboxGate#authorize(String, String, String)} first in every business API method.</li>
 * </ul>
 */
public class WeChatReply {

    /** The content type WeChat's API servers send. */
    public static final String CONTENT_TYPE = "application/json; encoding=utf-8";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new empty JSON object to fill in. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A success in the common shape: errcode 0, errmsg "ok", then the given fields. */
    public static Response ok(ObjectNode fields) {
        ObjectNode body = JSON.createObjectNode();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        if (fields != null) {
            fields.fieldNames().forEachRemaining(name -> {
                if (!name.equals("errcode") && !name.equals("errmsg")) {
                    body.set(name, fields.get(name));
                }
            });
        }
        return json(body);
    }

    /** A success of {"errcode":0,"errmsg":"ok"} alone. */
    public static Response ok() {
        return ok(null);
    }

    /** A success exactly as given, without errcode (cgi-bin/token, stable_token, media/uploadimg, datacube). */
    public static Response raw(ObjectNode body) {
        return json(body);
    }

    /** An error; the errmsg gets WeChat's " rid: …" suffix. */
    public static Response error(int errcode, String errmsg) {
        ObjectNode body = JSON.createObjectNode();
        body.put("errcode", errcode);
        body.put("errmsg", errmsg + " rid: " + rid());
        return json(body);
    }

    public static Response error(WeChatError error) {
        return error(error.errcode(), error.errmsg());
    }

    /** The request id WeChat appends to error texts: hex epoch seconds, then two random groups. */
    static String rid() {
        return String.format("%08x-%08x-%08x", Instant.now().getEpochSecond(), RANDOM.nextInt(), RANDOM.nextInt());
    }

    static Response json(ObjectNode body) {
        return Response.ok(bytes(body)).header("Content-Type", CONTENT_TYPE).build();
    }

    public static byte[] bytes(ObjectNode body) {
        try {
            // Jackson writes non-ASCII characters as UTF-8 bytes unless told to escape them; we never tell it to.
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Global on purpose: see the class comment. */
    @ServerExceptionMapper
    public Response mapError(WeChatError error) {
        return error(error);
    }
}
