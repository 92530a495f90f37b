package io.kaquan.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * Encrypts tenant secrets at rest with AES-256-GCM under the master key. Each value is bound to its purpose and its
 * tenant (associated data), so a ciphertext copied into another column or another tenant's row does not decrypt.
 * Stored form: {@code v2:} + base64(12-byte nonce || ciphertext || tag). The older {@code v1:} form was bound to the
 * purpose only; {@link SecretResealing} turns every such value into {@code v2:} at startup, and only it opens them.
 */
@Startup
@ApplicationScoped
public class SecretBox {

    private static final String VERSION = "v2:";
    static final String LEGACY_VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    /** The master key before the current one, during a rotation (kaquan.secrets.previous-master-key). */
    private final Optional<SecretKey> previousKey;
    private final SecureRandom random = new SecureRandom();

    SecretBox(SecretsConfig config) {
        this.key = new SecretKeySpec(masterKey(config), "AES");
        this.previousKey = config.previousMasterKey()
                .map(previous -> new SecretKeySpec(decodeKey(previous, "kaquan.secrets.previous-master-key"), "AES"));
    }

    /** Seals a secret of a tenant for one purpose (a column). */
    public String seal(String purpose, long tenantId, String plaintext) {
        return VERSION + Base64.getEncoder().encodeToString(encrypt(associatedData(purpose, tenantId), plaintext));
    }

    /**
     * Opens what {@link #seal} sealed for the same purpose and tenant.
     *
     * @throws IllegalStateException for another purpose, another tenant, another master key or altered data
     */
    public String open(String purpose, long tenantId, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalStateException("Not a sealed secret of the current form");
        }
        return decrypt(key, associatedData(purpose, tenantId), stored.substring(VERSION.length()));
    }

    /**
     * During a master-key rotation: the value re-sealed under the current key when it opens only with the previous
     * one; empty when it already opens with the current key (or no rotation is under way).
     *
     * @throws IllegalStateException when neither key opens it
     */
    public Optional<String> resealedUnderCurrentKey(String purpose, long tenantId, String stored) {
        if (previousKey.isEmpty() || !isCurrent(stored)) {
            return Optional.empty();
        }
        byte[] associatedData = associatedData(purpose, tenantId);
        String body = stored.substring(VERSION.length());
        try {
            decrypt(key, associatedData, body);
            return Optional.empty();
        } catch (IllegalStateException notUnderTheCurrentKey) {
            return Optional.of(seal(purpose, tenantId, decrypt(previousKey.get(), associatedData, body)));
        }
    }

    /** Whether a stored value is in the current form (else {@link SecretResealing} still has to re-seal it). */
    static boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(VERSION);
    }

    /** Seals in the old form (bound to the purpose only); kept so that tests can make what older versions stored. */
    String sealLegacy(String purpose, String plaintext) {
        return LEGACY_VERSION + Base64.getEncoder().encodeToString(encrypt(purpose.getBytes(StandardCharsets.UTF_8),
                plaintext));
    }

    /** Opens a value of the old form; only for re-sealing it. */
    String openLegacy(String purpose, String stored) {
        if (stored == null || !stored.startsWith(LEGACY_VERSION)) {
            throw new IllegalStateException("Not a sealed secret of the old form");
        }
        byte[] associatedData = purpose.getBytes(StandardCharsets.UTF_8);
        String body = stored.substring(LEGACY_VERSION.length());
        try {
            return decrypt(key, associatedData, body);
        } catch (IllegalStateException e) {
            if (previousKey.isEmpty()) {
                throw e;
            }
            return decrypt(previousKey.get(), associatedData, body);
        }
    }

    private static byte[] associatedData(String purpose, long tenantId) {
        return (purpose + " for tenant " + tenantId).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] encrypt(byte[] associatedData, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static String decrypt(SecretKey key, byte[] associatedData, String base64) {
        try {
            byte[] in = Base64.getDecoder().decode(base64);
            if (in.length <= NONCE_BYTES) {
                throw new IllegalStateException("A secret could not be decrypted: too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A secret could not be decrypted: wrong master key, tenant or purpose, "
                    + "or altered data", e);
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
