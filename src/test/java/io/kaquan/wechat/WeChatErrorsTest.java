package io.kaquan.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;

/** Every errcode of the protocol reference has its own clear text, in Chinese and in English. */
@QuarkusTest
class WeChatErrorsTest {

    /** The errcodes of wechat-protocol.md §1.3, §1.4, §4.0, §5 and §6, and of open-platform-protocol.md §7.2, §8. */
    private static final Set<Integer> REFERENCE = Set.of(-1, 40001, 40002, 40003, 40005, 40009, 40013, 40014, 40033,
            40035, 40053, 40056, 40071, 40072, 40073, 40078, 40079, 40080, 40099, 40100, 40116, 40122, 40124, 40125,
            40127, 40150, 40164, 40243, 41001, 41002, 41004, 41005, 41011, 41012, 42001, 43001, 43002, 43003, 43008,
            43009, 43010, 44002, 45009, 45011, 45021, 45030, 45031, 45033, 45046, 47001, 48001, 48004, 48006, 50001,
            50002, 50004, 50007, 61003, 61004, 61005, 61006, 61007, 61009, 61010, 61023, 61500, 61501, 76003, 76021, 76022,
            89501, 89503, 89506, 89507);

    @Test
    void shouldHaveADistinctTextForEveryErrcodeInBothLanguages() {
        assertEquals(REFERENCE, WeChatErrors.KNOWN);
        for (String language : new String[] { "zh-CN", "en" }) {
            WeChatMsg msg = MessageBundles.get(WeChatMsg.class, Localized.Literal.of(language));
            Set<String> texts = new HashSet<>();
            for (int errcode : REFERENCE) {
                String text = WeChatErrors.message(msg, errcode);
                assertNotNull(text, errcode + " in " + language);
                assertFalse(text.isBlank());
                assertFalse(text.contains(Integer.toString(errcode)) && text.length() < 12, "not a bare number");
                assertTrue(texts.add(text), "one text per errcode: " + errcode + " in " + language);
            }
        }
    }

    @Test
    void shouldExplainUnknownCodesAndSpecialCasesInWords() {
        WeChatMsg zh = MessageBundles.get(WeChatMsg.class, Localized.Literal.of("zh-CN"));
        WeChatMsg en = MessageBundles.get(WeChatMsg.class, Localized.Literal.of("en"));
        assertEquals("微信返回了错误 99999：something new", WeChatErrors.message(zh, WeChatApi.CARD_GET, 99999,
                "something new"));
        assertEquals("The AppSecret is wrong or does not belong to this AppID.",
                WeChatErrors.message(en, WeChatApi.STABLE_TOKEN, 40001, "invalid credential"),
                "40001 from a token endpoint means a wrong secret");
        assertNotEquals(WeChatErrors.message(en, WeChatApi.STABLE_TOKEN, 40001, ""),
                WeChatErrors.message(en, WeChatApi.CARD_GET, 40001, ""));
        assertEquals("调用方 IP 1.2.3.4 不在公众号的 IP 白名单中。", WeChatErrors.message(zh, WeChatApi.STABLE_TOKEN,
                40164, "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist"));
        assertTrue(WeChatErrors.advice(en, 40164, "1.2.3.4").contains("Add 1.2.3.4 to the IP whitelist"));
        assertTrue(WeChatErrors.advice(zh, 48001, null).contains("卡券功能"));
    }
}
