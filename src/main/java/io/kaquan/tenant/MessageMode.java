package io.kaquan.tenant;

import java.util.Locale;

/** How WeChat wraps the pushes it sends to our callback (消息加解密方式). */
public enum MessageMode {
    /** 明文模式: signature only. */
    PLAIN,
    /** 兼容模式: plaintext and ciphertext side by side. */
    COMPAT,
    /** 安全模式: encrypted with the EncodingAESKey. */
    SAFE;

    public static MessageMode parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
