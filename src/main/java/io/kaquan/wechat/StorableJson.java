package io.kaquan.wechat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Whatever WeChat answers must be storable: PostgreSQL refuses U+0000 in text and jsonb, and a lone surrogate has no
 * UTF-8 form. Both are dropped (NUL) or replaced (U+FFFD) before anything WeChat said is kept; nothing else changes.
 */
public final class StorableJson {

    private StorableJson() {
    }

    /** The text without U+0000, with U+FFFD for each lone surrogate; the same instance when already storable. */
    public static String text(String value) {
        if (value == null || isStorable(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The JSON text of the node, storable in a jsonb or text column. */
    public static String of(JsonNode node) {
        return node == null ? null : clean(node).toString();
    }

    /** The node itself when every name and string in it is storable, otherwise a cleaned copy. */
    public static JsonNode clean(JsonNode node) {
        if (node == null || storable(node)) {
            return node;
        }
        return copy(node);
    }

    private static boolean storable(JsonNode node) {
        if (node.isTextual()) {
            return isStorable(node.textValue());
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!isStorable(field.getKey()) || !storable(field.getValue())) {
                    return false;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (!storable(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static JsonNode copy(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(text(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(text(field.getKey()), copy(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(element -> elements.add(copy(element)));
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            copy.addAll(elements);
            return copy;
        }
        return node;
    }

    private static boolean isStorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
