package io.kaquan.tenant;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kaquan.tenant")
public interface TenantConfig {

    /**
     * The public base URL of this installation (https://kaquan.example.com), used in the callback URL shown to
     * merchants. Without it the URL of the current request is used.
     */
    Optional<URI> publicUrl();

    /** How long the EncodingAESKey before a rotation still decrypts pushes. */
    @WithDefault("24h")
    Duration previousAesKeyGrace();

    /**
     * How long a node keeps a tenant's callback routing and unsealed keys in memory ({@link CallbackKeys}) before it reads
     * them again; a change made on this node takes effect at once, on other nodes with the first push the old values
     * refuse, or after this time.
     */
    @WithDefault("10s")
    Duration callbackKeysTtl();
}
