package io.kaquan.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Whatever WeChat answers can be stored in PostgreSQL text and jsonb. */
class StorableJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldDropNulAndReplaceLoneSurrogatesEverywhereInTheTree() throws Exception {
        JsonNode answer = JSON.readTree("{\"card\":{\"notice\":\"a\\u0000b\",\"list\":[\"\\ud800x\"],\"k\\u0000\":1}}");
        JsonNode clean = StorableJson.clean(answer);
        assertEquals("ab", clean.path("card").path("notice").asText());
        assertEquals("\uFFFDx", clean.path("card").path("list").get(0).asText());
        assertEquals(1, clean.path("card").path("k").asInt());
        assertEquals("{\"card\":{\"notice\":\"ab\",\"list\":[\"\uFFFDx\"],\"k\":1}}", StorableJson.of(answer));
        assertEquals("a\uD83C\uDF89", StorableJson.text("a\u0000\uD83C\uDF89"));
    }

    @Test
    void shouldLeaveStorableAnswersAlone() throws Exception {
        JsonNode answer = JSON.readTree("{\"title\":\"会员卡 🎉\",\"n\":[1,2]}");
        assertSame(answer, StorableJson.clean(answer));
        String text = "普通文字";
        assertSame(text, StorableJson.text(text));
    }
}
