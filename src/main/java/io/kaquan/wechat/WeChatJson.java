package io.kaquan.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * JSON as WeChat speaks it. Out: UTF-8 with real characters (never {@code \\uXXXX}: card/create is known to fail on
 * escapes), numbers and booleans as such, snake_case names, absent values left out. In: lenient, because WeChat's
 * documents and servers disagree: unknown fields ignored, numbers and booleans also as strings ("100", "true"),
 * booleans also as 0/1, empty strings as absent, single values where a list is expected.
 */
final class WeChatJson {

    static final ObjectMapper MAPPER = mapper();

    private WeChatJson() {
    }

    private static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(JsonGenerator.Feature.ESCAPE_NON_ASCII)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        for (LogicalType number : new LogicalType[] { LogicalType.Integer, LogicalType.Float }) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        }
        return mapper;
    }

    static byte[] write(Object request) {
        try {
            return MAPPER.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a WeChat request: " + e.getOriginalMessage(), e);
        }
    }

    /** A reply body, or null when it is not JSON at all (a proxy's HTML page, a truncated body). */
    static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? StorableJson.clean(node) : null; // what WeChat says gets stored
        } catch (IOException e) {
            return null;
        }
    }

    /** WeChat's errcode: absent means success; "40001" counts like 40001; anything else unreadable like -1. */
    static int errcode(JsonNode reply) {
        JsonNode code = reply.get("errcode");
        if (code == null || code.isNull()) {
            return 0;
        }
        if (code.isIntegralNumber()) {
            return code.intValue();
        }
        try {
            return Integer.parseInt(code.asText().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String errmsg(JsonNode reply) {
        JsonNode text = reply.get("errmsg");
        return text == null || text.isNull() ? "" : text.asText();
    }

    static <T> T convert(JsonNode reply, Class<T> type) {
        try {
            return MAPPER.treeToValue(reply, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Unexpected WeChat reply for " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
