package io.kaquan.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kaquan.accounts")
public interface AccountsConfig {

    /** The OIDC role that makes a user a platform admin (unroutable events, every tenant's health). */
    @WithDefault("kaquan-admin")
    String adminRole();
}
