package io.kaquan.sandbox;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answers of the sandbox's own admin APIs (not WeChat's), refusals included: JSON with an {@code error} text and
 * the fields at fault where known. A mapper declared in a resource class applies to that class alone (WeChat's API
 * keeps its HTTP-200 errors), so each admin resource keeps one-line mappers and builds the answer here.
 */
public final class AdminJson {

    private AdminJson() {
    }

    /** {@code {"error": message}}. */
    public static Response error(int status, String message) {
        return answer(status, body(message));
    }

    /** 400 {@code {"error": message, "fields": {field: message}}}, without fields when the field is unknown. */
    public static Response badField(String field, String message) {
        ObjectNode body = body(message);
        if (field != null) {
            body.putObject("fields").put(field, message);
        }
        return answer(400, body);
    }

    /** 409 when a value is taken by another, else 400: {@code {"error", "fields"}}. */
    public static Response invalid(SandboxInvalid invalid) {
        boolean taken = invalid.conflict();
        ObjectNode body = body(taken ? "conflict" : "invalid request");
        ObjectNode fields = body.putObject("fields");
        invalid.errors().forEach(fields::put);
        return answer(taken ? 409 : 400, body);
    }

    /** A WeChat rule refused the change: {@code {"error", "errcode", "errmsg"}}. */
    public static Response refused(int status, WeChatError error) {
        ObjectNode body = body(error.errmsg());
        body.put("errcode", error.errcode());
        body.put("errmsg", error.errmsg());
        return answer(status, body);
    }

    /** Any admin answer. */
    public static Response answer(int status, ObjectNode body) {
        return Response.status(status).entity(WeChatReply.bytes(body)).header("Content-Type", "application/json")
                .build();
    }

    private static ObjectNode body(String message) {
        ObjectNode body = WeChatReply.object();
        body.put("error", message);
        return body;
    }

}
