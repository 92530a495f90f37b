package io.kaquan.sandbox.cards;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;

/**
 * Identifiers as WeChat makes them: card ids "p" + 27 characters, OpenIDs "o" + 27 characters, sharing the five
 * characters after the first letter within one account (pFS7Fj…/oFS7Fj… in WeChat's examples); 12-digit codes.
 */
public final class CardIds {

    /** WeChat's dates, days and statistics are China's. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private CardIds() {
    }

    public static String cardId(String appid) {
        return "p" + accountPrefix(appid) + random(22);
    }

    public static String openid(String appid) {
        return "o" + accountPrefix(appid) + random(22);
    }

    /** The sender of the account's system events (review results, stock alarms). */
    public static String systemOpenid(String appid) {
        return "o" + accountPrefix(appid) + "WeChatCardSystem000000";
    }

    /** A 12-digit code like WeChat's own (no leading zero). */
    public static String code() {
        return (char) ('1' + RANDOM.nextInt(9)) + String.format("%011d", (long) (RANDOM.nextDouble() * 1e11));
    }

    /** Opaque, Base64, 44 characters like the encrypt_code WeChat appends to custom URLs. */
    public static String encryptCode() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static String mediaKey() {
        return random(40);
    }

    public static String digits(int length) {
        StringBuilder digits = new StringBuilder().append((char) ('1' + RANDOM.nextInt(9)));
        while (digits.length() < length) {
            digits.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return digits.toString();
    }

    static String accountPrefix(String appid) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(appid.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }
}
