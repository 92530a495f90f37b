package io.kaquan.sandbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat's message signature and encryption (消息加解密), written for the sandbox on its own so that the simulator
 * never shares a bug with the product's implementation: SHA-1 of the sorted strings; AES-256-CBC with the
 * key from EncodingAESKey + "=", IV = the key's first 16 bytes, PKCS#7 padding to 32-byte blocks, plaintext =
 * 16 random bytes ‖ 4-byte big-endian length ‖ message ‖ appid.
 */
public final class SandboxCrypto {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** What a decrypted Encrypt holds. */
    public record Plain(String random, String message, String appid) {
    }

    private SandboxCrypto() {
    }

    /** signature / msg_signature: lowercase hex SHA-1 of the parts sorted as strings and joined. */
    public static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 32-byte AES key of an EncodingAESKey (43 characters). */
    public static byte[] aesKey(String encodingAesKey) {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("EncodingAESKey must have 43 characters");
        }
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        if (key.length != 32) {
            throw new IllegalArgumentException("EncodingAESKey must decode to 32 bytes");
        }
        return key;
    }

    /** Encrypts with 16 random alphanumerics, like the official samples. */
    public static String encrypt(String encodingAesKey, String appid, String message) {
        StringBuilder random = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            random.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return encrypt(encodingAesKey, appid, message, random.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Encrypts with the given 16 random bytes (fixed in tests to reproduce the official vectors). */
    public static String encrypt(String encodingAesKey, String appid, String message, byte[] random) {
        if (random.length != 16) {
            throw new IllegalArgumentException("16 random bytes expected");
        }
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = appid.getBytes(StandardCharsets.UTF_8);
        int length = 16 + 4 + msg.length + id.length;
        int pad = BLOCK - length % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(length + pad);
        plain.put(random).putInt(msg.length).put(msg).put(id);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, encodingAesKey, plain.array()));
    }

    /** Decrypts an Encrypt value; the caller compares the appid. */
    public static Plain decrypt(String encodingAesKey, String encrypted) {
        byte[] plain = cipher(Cipher.DECRYPT_MODE, encodingAesKey, Base64.getDecoder().decode(encrypted));
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length - 20) {
            throw new IllegalArgumentException("Bad padding");
        }
        int end = plain.length - pad;
        int msgLength = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (msgLength < 0 || 20 + msgLength > end) {
            throw new IllegalArgumentException("Bad message length");
        }
        return new Plain(new String(plain, 0, 16, StandardCharsets.ISO_8859_1),
                new String(plain, 20, msgLength, StandardCharsets.UTF_8),
                new String(plain, 20 + msgLength, end - 20 - msgLength, StandardCharsets.UTF_8));
    }

    private static byte[] cipher(int mode, String encodingAesKey, byte[] input) {
        byte[] key = aesKey(encodingAesKey);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES failed: " + e.getMessage(), e);
        }
    }
}
