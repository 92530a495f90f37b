package io.kaquan.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text that a browser or WeChat can mean: well-formed UTF-8 (so no lone surrogates) without control characters other
 * than tab, CR and LF. PostgreSQL refuses U+0000 in text and jsonb; nobody types the others.
 */
public final class MeantText {

    private MeantText() {
    }

    /** True when the characters hold no NUL, no other C0 control except tab/CR/LF, and no lone surrogate. */
    public static boolean isMeant(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** True when the bytes are strict UTF-8 (an encoded surrogate is malformed) holding meant text. */
    public static boolean isMeantUtf8(byte[] bytes) {
        String text = strictUtf8(bytes);
        return text != null && isMeant(text);
    }

    /** The bytes as UTF-8, or null when they are not well-formed UTF-8. */
    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** True when every %-decoded part of a raw URL path, query string or form body is meant text. */
    public static boolean isMeantUrlEncoded(String raw) {
        if (raw == null || raw.isEmpty()) {
            return true;
        }
        for (String part : raw.split("[&=;]", -1)) {
            if (!isMeantUtf8(percentDecode(part))) {
                return false;
            }
        }
        return true;
    }

    /** True when every %-decoded part (name or value) of a raw query string or form body fits in max bytes. */
    public static boolean fitsUrlEncoded(String raw, int maxBytes) {
        return fits(raw, "[&=;]", maxBytes);
    }

    /** True when every %-decoded segment of a raw URL path fits in max bytes. */
    public static boolean fitsPath(String raw, int maxBytes) {
        return fits(raw, "/", maxBytes);
    }

    private static boolean fits(String raw, String separators, int maxBytes) {
        if (raw == null || raw.length() <= maxBytes) {
            return true;
        }
        for (String part : raw.split(separators, -1)) {
            if (part.length() > maxBytes && percentDecode(part).length > maxBytes) {
                return false;
            }
        }
        return true;
    }

    /** %XX escapes become their byte; anything else (including a malformed escape) stays as it is. */
    static byte[] percentDecode(String part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%' && i + 2 < part.length() && hex(part.charAt(i + 1)) >= 0 && hex(part.charAt(i + 2)) >= 0) {
                out.write(hex(part.charAt(i + 1)) * 16 + hex(part.charAt(i + 2)));
                i += 2;
            } else if (c < 0x100) {
                out.write(c); // a raw byte (bodies are read as ISO-8859-1)
            } else if (Character.isHighSurrogate(c) && i + 1 < part.length() && Character.isLowSurrogate(part.charAt(i + 1))) {
                out.writeBytes(part.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                out.write(0xFF); // a lone surrogate: never valid UTF-8
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
