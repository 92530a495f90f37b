package io.kaquan.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading request bodies like WeChat and writing replies in real UTF-8. */
class SandboxJsonTest {

    @Test
    void shouldRefuseEmptyBodiesWithEmptyPostData() {
        assertEquals(44002, assertThrows(WeChatError.class, () -> SandboxJson.parse("")).errcode());
        assertEquals(44002, assertThrows(WeChatError.class, () -> SandboxJson.parse(null)).errcode());
    }

    @Test
    void shouldRefuseWhatIsNotAJsonObject() {
        for (String body : new String[] { "{", "[]", "42", "\"text\"", "{\"a\":1}}x" }) {
            assertEquals(47001, assertThrows(WeChatError.class, () -> SandboxJson.parse(body)).errcode(), body);
        }
    }

    @Test
    void shouldReadNumbersAsNumbersOrNumericStrings() {
        ObjectNode node = SandboxJson.parse("{\"a\":5,\"b\":\"1472551036\",\"c\":\"soon\",\"d\":1.5,\"e\":null}");
        assertEquals(5, SandboxJson.requiredInt(node, "a"));
        assertEquals(1472551036L, SandboxJson.requiredLong(node, "b"));
        assertEquals(47001, assertThrows(WeChatError.class, () -> SandboxJson.optionalInt(node, "c")).errcode());
        assertEquals(47001, assertThrows(WeChatError.class, () -> SandboxJson.optionalInt(node, "d")).errcode());
        assertTrue(SandboxJson.optionalInt(node, "e").isEmpty());
        assertTrue(SandboxJson.optionalInt(node, "missing").isEmpty());
        assertEquals(47001, assertThrows(WeChatError.class, () -> SandboxJson.requiredInt(node, "missing")).errcode());
        assertEquals(41011, assertThrows(WeChatError.class,
                () -> SandboxJson.requiredText(node, "card_id", new WeChatError(41011, "missing card_id"))).errcode());
    }

    @Test
    void shouldReadBooleansAndTextsLeniently() {
        ObjectNode node = SandboxJson.parse("{\"t\":true,\"s\":\"false\",\"x\":\"yes\",\"code\":12345,\"o\":{}}");
        assertTrue(SandboxJson.booleanOr(node, "t", false));
        assertFalse(SandboxJson.booleanOr(node, "s", true));
        assertEquals(47001, assertThrows(WeChatError.class, () -> SandboxJson.optionalBoolean(node, "x")).errcode());
        assertEquals("12345", SandboxJson.requiredText(node, "code"));
        assertEquals(47001, assertThrows(WeChatError.class, () -> SandboxJson.requiredText(node, "o")).errcode());
        assertEquals(47001, assertThrows(WeChatError.class, () -> SandboxJson.optionalArray(node, "o")).errcode());
    }

    @Test
    void shouldWriteRealUtf8CharactersAndNumbersAsNumbers() {
        ObjectNode fields = WeChatReply.object();
        fields.put("title", "双人套餐");
        fields.put("quantity", 100);
        String json = new String((byte[]) WeChatReply.ok(fields).getEntity(), StandardCharsets.UTF_8);
        assertEquals("{\"errcode\":0,\"errmsg\":\"ok\",\"title\":\"双人套餐\",\"quantity\":100}", json);
    }

    @Test
    void shouldAppendARequestIdToErrors() {
        String json = new String((byte[]) WeChatReply.error(40001, "invalid credential").getEntity(),
                StandardCharsets.UTF_8);
        assertTrue(
                json.matches(
                        "\\{\"errcode\":40001,\"errmsg\":\"invalid credential rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}\"}"),
                json);
    }
}
