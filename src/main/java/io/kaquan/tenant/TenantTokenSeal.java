package io.kaquan.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.wechat.TokenSeal;

/** Access tokens sealed like the other secrets of a tenant. */
@ApplicationScoped
public class TenantTokenSeal implements TokenSeal {

    static final String ACCESS_TOKEN = "wechat.access-token";

    @Inject
    SecretBox secretBox;

    @Override
    public String seal(long tenantId, String token) {
        return secretBox.seal(ACCESS_TOKEN, tenantId, token);
    }

    @Override
    public String open(long tenantId, String sealed) {
        return secretBox.open(ACCESS_TOKEN, tenantId, sealed);
    }
}
