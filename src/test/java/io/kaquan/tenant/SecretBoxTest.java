package io.kaquan.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    private static final String SECRET = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";

    @Test
    void shouldEncryptWithAFreshNonceAndDecryptAgain() {
        SecretBox box = new SecretBox(config(KEY, null));
        String first = box.seal("tenant.appsecret", 7, SECRET);
        String second = box.seal("tenant.appsecret", 7, SECRET);
        assertNotEquals(first, second, "a fresh nonce every time");
        assertFalse(first.contains(SECRET));
        assertEquals(SECRET, box.open("tenant.appsecret", 7, first));
    }

    @Test
    void shouldNotDecryptUnderAnotherPurposeOrTenantOrKeyOrWhenAltered() {
        SecretBox box = new SecretBox(config(KEY, null));
        String sealed = box.seal("tenant.appsecret", 7, SECRET);
        assertThrows(IllegalStateException.class, () -> box.open("tenant.aes-key", 7, sealed));
        assertThrows(IllegalStateException.class, () -> box.open("tenant.appsecret", 8, sealed), "another tenant's row");
        assertThrows(IllegalStateException.class,
                () -> new SecretBox(config(OTHER_KEY, null)).open("tenant.appsecret", 7, sealed));
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v2:" + Base64.getEncoder().encodeToString(bytes);
        assertThrows(IllegalStateException.class, () -> box.open("tenant.appsecret", 7, altered));
        assertThrows(IllegalStateException.class, () -> box.open("tenant.appsecret", 7, "v2:not base64!"));
    }

    @Test
    void shouldOpenTheOldFormOnlyForResealing() {
        SecretBox box = new SecretBox(config(KEY, null));
        String legacy = box.sealLegacy("tenant.appsecret", SECRET);
        assertThrows(IllegalStateException.class, () -> box.open("tenant.appsecret", 7, legacy),
                "not bound to a tenant: the ordinary path refuses it");
        assertEquals(SECRET, box.openLegacy("tenant.appsecret", legacy));
        assertFalse(SecretBox.isCurrent(legacy));
    }

    @Test
    void shouldRefuseToStartWithoutAMasterKey() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> new SecretBox(config(null, null)));
        assertTrue(missing.getMessage().contains("KAQUAN_SECRETS_MASTER_KEY"));
        assertThrows(IllegalStateException.class, () -> new SecretBox(config("dG9vIHNob3J0", null)));
        assertThrows(IllegalStateException.class, () -> new SecretBox(config("not base64 !!", null)));
    }

    @Test
    void shouldGenerateAndKeepADevelopmentKey() throws Exception {
        Path file = Files.createTempDirectory(Path.of("target"), "dev-key").resolve("master.key");
        SecretBox first = new SecretBox(config(null, file));
        assertTrue(Files.exists(file));
        String sealed = first.seal("tenant.appsecret", 7, SECRET);
        assertEquals(SECRET, new SecretBox(config(null, file)).open("tenant.appsecret", 7, sealed),
                "the same key after a restart");
    }

    @Test
    void shouldResealUnderANewMasterKeyWhatOpensOnlyWithThePreviousOne() {
        String oldKey = Base64.getEncoder().encodeToString(new byte[32]);
        String newKey = Base64.getEncoder().encodeToString("a-new-master-key-of-32-bytes!!!!".getBytes());
        String sealedBefore = new SecretBox(config(oldKey, null)).seal("tenant.appsecret", 7, SECRET);

        SecretBox rotating = new SecretBox(config(newKey, null, oldKey));
        assertThrows(IllegalStateException.class, () -> rotating.open("tenant.appsecret", 7, sealedBefore),
                "the new key alone does not open it");
        String resealed = rotating.resealedUnderCurrentKey("tenant.appsecret", 7, sealedBefore).orElseThrow();
        assertEquals(SECRET, rotating.open("tenant.appsecret", 7, resealed));
        assertEquals(Optional.empty(), rotating.resealedUnderCurrentKey("tenant.appsecret", 7, resealed),
                "already under the new key: nothing to do");
        assertThrows(IllegalStateException.class, () -> rotating.resealedUnderCurrentKey("tenant.appsecret", 8,
                sealedBefore), "still bound to its tenant");
        assertEquals(Optional.empty(), new SecretBox(config(newKey, null)).resealedUnderCurrentKey("tenant.appsecret", 7,
                sealedBefore), "no rotation under way");
    }

    private static SecretsConfig config(String key, Path file) {
        return config(key, file, null);
    }

    private static SecretsConfig config(String key, Path file, String previousKey) {
        return new SecretsConfig() {
            @Override
            public Optional<String> masterKey() {
                return Optional.ofNullable(key);
            }

            @Override
            public Optional<String> previousMasterKey() {
                return Optional.ofNullable(previousKey);
            }

            @Override
            public Optional<Path> masterKeyFile() {
                return Optional.ofNullable(file);
            }
        };
    }
}
