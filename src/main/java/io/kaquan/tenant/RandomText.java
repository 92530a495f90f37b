package io.kaquan.tenant;

import java.security.SecureRandom;

/** Generated identifiers and secrets in the alphabets WeChat expects. */
final class RandomText {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    private RandomText() {
    }

    static String alphanumeric(int length) {
        return of(ALPHANUMERIC, length);
    }

    static String hex(int length) {
        return of(HEX, length);
    }

    private static String of(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
