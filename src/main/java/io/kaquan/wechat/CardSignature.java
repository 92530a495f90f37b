package io.kaquan.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * WeChat's card signature for JS-SDK addCard's cardExt (§5.14): the values api_ticket, timestamp, card_id, code,
 * openid and nonce_str (empty ones as empty strings) sorted as strings, concatenated, SHA-1 in lowercase hex.
 */
public final class CardSignature {

    private CardSignature() {
    }

    public static String of(String apiTicket, String timestamp, String cardId, String code, String openid,
            String nonceStr) {
        String[] values = { apiTicket, timestamp, cardId, nullToEmpty(code), nullToEmpty(openid), nonceStr };
        Arrays.sort(values);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", values).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
