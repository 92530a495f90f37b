package io.kaquan.sandbox;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request bodies of the sandbox WeChat API, read the way WeChat reads them: an empty body is 44002, anything that
 * is not a JSON object is 47001, unknown fields are ignored, numbers may come as numbers or numeric strings
 * (WeChat's own docs send timestamps as strings) but a non-numeric string for a number is 47001.
 *
 * <p>
 * Getters treat an absent field and an explicit {@code null} alike. {@code required…} getters throw 47001 when
 * the field is missing unless given the error to throw instead (cards use e.g. 41011 or 41012).
 */
public final class SandboxJson {

    /** Trailing garbage after the object is malformed JSON too. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SandboxJson() {
    }

    /** The body as a JSON object: 44002 when empty, 47001 when not a JSON object. */
    public static ObjectNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw new WeChatError(44002);
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw WeChatError.dataFormat();
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw WeChatError.dataFormat();
    }

    public static JsonNode field(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    // Text

    public static Optional<String> optionalText(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.textValue());
        }
        if (value.isNumber() || value.isBoolean()) {
            // Lenient like WeChat: a code sent as a number is still the code.
            return Optional.of(value.asText());
        }
        throw WeChatError.dataFormat();
    }

    public static String requiredText(JsonNode node, String name) {
        return requiredText(node, name, WeChatError.dataFormat());
    }

    public static String requiredText(JsonNode node, String name, WeChatError ifMissing) {
        return optionalText(node, name).orElseThrow(() -> ifMissing);
    }

    // Integers

    public static OptionalLong optionalLong(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return OptionalLong.of(value.longValue());
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            if (text.matches("-?[0-9]{1,18}")) {
                return OptionalLong.of(Long.parseLong(text));
            }
        }
        throw WeChatError.dataFormat();
    }

    public static OptionalInt optionalInt(JsonNode node, String name) {
        OptionalLong value = optionalLong(node, name);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        if (value.getAsLong() < Integer.MIN_VALUE || value.getAsLong() > Integer.MAX_VALUE) {
            throw WeChatError.dataFormat();
        }
        return OptionalInt.of((int) value.getAsLong());
    }

    public static long requiredLong(JsonNode node, String name) {
        return requiredLong(node, name, WeChatError.dataFormat());
    }

    public static long requiredLong(JsonNode node, String name, WeChatError ifMissing) {
        OptionalLong value = optionalLong(node, name);
        if (value.isEmpty()) {
            throw ifMissing;
        }
        return value.getAsLong();
    }

    public static int requiredInt(JsonNode node, String name) {
        return requiredInt(node, name, WeChatError.dataFormat());
    }

    public static int requiredInt(JsonNode node, String name, WeChatError ifMissing) {
        OptionalInt value = optionalInt(node, name);
        if (value.isEmpty()) {
            throw ifMissing;
        }
        return value.getAsInt();
    }

    // Booleans: true/false or the strings "true"/"false" (WeChat's docs show both)

    public static Optional<Boolean> optionalBoolean(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            if (text.equals("true") || text.equals("false")) {
                return Optional.of(Boolean.parseBoolean(text));
            }
        }
        throw WeChatError.dataFormat();
    }

    public static boolean booleanOr(JsonNode node, String name, boolean otherwise) {
        return optionalBoolean(node, name).orElse(otherwise);
    }

    // Nested values

    public static Optional<ObjectNode> optionalObject(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof ObjectNode object) {
            return Optional.of(object);
        }
        throw WeChatError.dataFormat();
    }

    public static ObjectNode requiredObject(JsonNode node, String name) {
        return requiredObject(node, name, WeChatError.dataFormat());
    }

    public static ObjectNode requiredObject(JsonNode node, String name, WeChatError ifMissing) {
        return optionalObject(node, name).orElseThrow(() -> ifMissing);
    }

    public static Optional<ArrayNode> optionalArray(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof ArrayNode array) {
            return Optional.of(array);
        }
        throw WeChatError.dataFormat();
    }

    public static ArrayNode requiredArray(JsonNode node, String name) {
        return requiredArray(node, name, WeChatError.dataFormat());
    }

    public static ArrayNode requiredArray(JsonNode node, String name, WeChatError ifMissing) {
        return optionalArray(node, name).orElseThrow(() -> ifMissing);
    }
}
