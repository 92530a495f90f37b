package io.kaquan.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.wechat.TokenSeal;

/** Access tokens sealed like the other secrets of a tenant. */
@ApplicationScoped
public class TenantTokenSeal implements TokenSeal {

    static final String ACCESS_TOKEN = "wechat.access-token";
    static final String CARD_TICKET = "wechat.card-api-ticket";

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

    @Override
    public String sealTicket(long tenantId, String ticket) {
        return secretBox.seal(CARD_TICKET, tenantId, ticket);
    }

    @Override
    public String openTicket(long tenantId, String sealed) {
        return secretBox.open(CARD_TICKET, tenantId, sealed);
    }
}
