package io.kaquan.tenant;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "kaquan.secrets")
public interface SecretsConfig {

    /** Base64 of 32 random bytes; encrypts appsecrets, callback tokens and AES keys at rest. Required in production. */
    Optional<String> masterKey();

    /**
     * Only while rotating the master key: the key before the current one. At startup every value that opens only with
     * it is re-sealed under the current key; remove it once every node has started with the new one.
     */
    Optional<String> previousMasterKey();

    /** Dev only: where a generated master key is kept when none is configured. */
    Optional<Path> masterKeyFile();
}
