package io.kaquan.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Encrypts tenant secrets at rest with AES-256-GCM under the master key. Each value is bound to its purpose
 * (associated data), so a ciphertext copied into another column does not decrypt.
 * Stored form: {@code v1:} + base64(12-byte nonce || ciphertext || tag).
 */
@Startup
@ApplicationScoped
public class SecretBox {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(SecretsConfig config) {
        this.key = new SecretKeySpec(masterKey(config), "AES");
    }

    public String encrypt(String purpose, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String purpose, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not a sealed secret");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A secret could not be decrypted: wrong master key or altered data", e);
        }
    }

    /** The configured key; in dev a generated one kept in a file; otherwise the application refuses to start. */
    static byte[] masterKey(SecretsConfig config) {
        if (config.masterKey().isPresent()) {
            return decodeKey(config.masterKey().get(), "kaquan.secrets.master-key");
        }
        if (config.masterKeyFile().isPresent()) {
            return keyFromFile(config.masterKeyFile().get());
        }
        throw new IllegalStateException("No master key: set KAQUAN_SECRETS_MASTER_KEY to the base64 of 32 random bytes "
                + "(for example: openssl rand -base64 32)");
    }

    private static byte[] keyFromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] generated = new byte[32];
                new SecureRandom().nextBytes(generated);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(generated));
                Log.infof("Generated a development master key in %s", file);
            }
            return decodeKey(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + source + " is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The master key in " + source + " must be 32 bytes, found " + bytes.length);
        }
        return bytes;
    }
}
