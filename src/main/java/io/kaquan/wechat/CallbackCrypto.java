package io.kaquan.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of WeChat's callback (protocol reference §2): the SHA-1 {@code signature} and
 * {@code msg_signature}, and the AES-256-CBC envelope of compatible and safe modes, padded with PKCS#7 to 32-byte
 * blocks, whose plaintext is {@code random(16) ‖ length(4, big-endian) ‖ message ‖ appid}. Comparisons of
 * signatures and appids run in constant time.
 */
public final class CallbackCrypto {

    private static final int BLOCK = 32;
    private static final int RANDOM_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private CallbackCrypto() {
    }

    /** Why a ciphertext was refused (the official sample's −40004, −40005, −40007, −40008, −40010). */
    public enum Problem {
        ILLEGAL_AES_KEY,
        BAD_BASE64,
        DECRYPT_FAILED,
        ILLEGAL_BUFFER,
        APPID_MISMATCH
    }

    /** A refused ciphertext or key; never carries secret material in its message. */
    public static final class Refused extends Exception {
        private final Problem problem;

        public Refused(Problem problem, String message) {
            super(message, null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** What a ciphertext holds. */
    public record Plain(String message, String appid) {
    }

    /**
     * lowercase_hex(SHA1(concat(sort(parts)))): the plain signature (token, timestamp, nonce), or msg_signature with Encrypt.
     */
    public static String signature(String... parts) {
        String[] sorted = parts.clone();
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = sorted[i] == null ? "" : sorted[i];
        }
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            for (String part : sorted) {
                sha1.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return HEX.formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** Whether a received signature is the expected one, in time independent of where they differ. */
    public static boolean sameSignature(String expected, String received) {
        if (expected == null || received == null) {
            return false;
        }
        // WeChat sends lowercase hex; accept uppercase too, without branching on the content.
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                received.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Base64Decode(EncodingAESKey + "="): 43 characters give exactly 32 bytes. */
    public static byte[] aesKey(String encodingAesKey) throws Refused {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new Refused(Problem.ILLEGAL_AES_KEY, "the EncodingAESKey must be 43 characters");
        }
        try {
            byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
            if (key.length != 32) {
                throw new Refused(Problem.ILLEGAL_AES_KEY, "the EncodingAESKey does not decode to 32 bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new Refused(Problem.ILLEGAL_AES_KEY, "the EncodingAESKey is not base64");
        }
    }

    /** Encrypts a message for the given appid with the given 16 random bytes (WeChat's reply format, and tests). */
    public static String encrypt(String encodingAesKey, String appid, String message, byte[] random) throws Refused {
        if (random.length != RANDOM_BYTES) {
            throw new IllegalArgumentException("16 random bytes expected");
        }
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = appid.getBytes(StandardCharsets.UTF_8);
        int length = RANDOM_BYTES + 4 + msg.length + id.length;
        int pad = BLOCK - (length % BLOCK);
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put(random).putInt(msg.length).put(msg).put(id);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, aesKey(encodingAesKey), plain.array()));
    }

    /** Decrypts without judging the appid (see {@link #decrypt(String, String, String)}). */
    public static Plain decrypt(String encodingAesKey, String encrypted) throws Refused {
        byte[] key = aesKey(encodingAesKey);
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted == null ? "" : encrypted.strip());
        } catch (IllegalArgumentException e) {
            throw new Refused(Problem.BAD_BASE64, "Encrypt is not base64");
        }
        if (cipherText.length == 0 || cipherText.length % 16 != 0) {
            throw new Refused(Problem.DECRYPT_FAILED, "Encrypt is not a whole number of AES blocks");
        }
        byte[] plain = cipher(Cipher.DECRYPT_MODE, key, cipherText);
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new Refused(Problem.DECRYPT_FAILED, "bad padding (wrong key?)");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw new Refused(Problem.DECRYPT_FAILED, "bad padding (wrong key?)");
            }
        }
        int end = plain.length - pad;
        if (end < RANDOM_BYTES + 4) {
            throw new Refused(Problem.ILLEGAL_BUFFER, "plaintext too short");
        }
        long length = ByteBuffer.wrap(plain, RANDOM_BYTES, 4).getInt() & 0xffffffffL;
        if (length > end - RANDOM_BYTES - 4) {
            throw new Refused(Problem.ILLEGAL_BUFFER, "message length beyond the plaintext (wrong key?)");
        }
        int msgStart = RANDOM_BYTES + 4;
        int msgEnd = msgStart + (int) length;
        // Not trimmed: the message may contain line breaks (vector C).
        return new Plain(new String(plain, msgStart, (int) length, StandardCharsets.UTF_8),
                new String(plain, msgEnd, end - msgEnd, StandardCharsets.UTF_8));
    }

    /** Decrypts and requires the appid inside to be the expected one (compared in constant time). */
    public static String decrypt(String encodingAesKey, String expectedAppid, String encrypted) throws Refused {
        Plain plain = decrypt(encodingAesKey, encrypted);
        if (!MessageDigest.isEqual(plain.appid().getBytes(StandardCharsets.UTF_8),
                expectedAppid.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused(Problem.APPID_MISMATCH, "the appid inside the ciphertext is not the account's");
        }
        return plain.message();
    }

    /**
     * One cipher per thread, initialised again for every message: looking the algorithm up among the providers cost
     * more than the decryption itself in a profile of the callback under load.
     */
    private static final ThreadLocal<Cipher> AES_CBC = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/CBC/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC/NoPadding is missing from this JVM", e);
        }
    });

    private static byte[] cipher(int mode, byte[] key, byte[] input) throws Refused {
        try {
            Cipher cipher = AES_CBC.get();
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new Refused(Problem.DECRYPT_FAILED, "AES failed: " + e.getClass().getSimpleName());
        }
    }
}
