package io.kaquan.callback;

import java.util.Map;

import io.kaquan.wechat.CallbackXml;

/** The fields of a stored event, read again from its raw XML (which parsed when it arrived). */
final class CallbackXmlFields {

    private CallbackXmlFields() {
    }

    static Map<String, String> of(WeChatEvent event) {
        try {
            return CallbackXml.parse(event.rawXml);
        } catch (CallbackXml.Malformed e) {
            return Map.of();
        }
    }
}
