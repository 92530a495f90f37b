package io.kaquan.tenant;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kaquan.wechat.TokenMode;
import io.kaquan.wechat.WeChatAccount;
import io.kaquan.wechat.WeChatAccounts;

/** The gateway's view of a tenant: its credentials (decrypted only here), token mode and API host. */
@ApplicationScoped
public class TenantWeChatAccounts implements WeChatAccounts {

    @Inject
    EntityManager em;

    @Inject
    SecretBox secretBox;

    @Inject
    AuthorizedAccounts authorized;

    @Override
    public void refreshTokenChanged(long tenantId, String refreshToken) {
        authorized.refreshTokenChanged(tenantId, refreshToken);
    }

    @Override
    public void refreshTokenRecovered(long tenantId, String refreshToken) {
        authorized.refreshTokenRecovered(tenantId, refreshToken);
    }

    @Override
    public void authorizationLost(long tenantId, int errcode) {
        authorized.authorizationLost(tenantId, errcode);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WeChatAccount> find(long tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select appid, appsecret_enc, sandbox, token_mode, api_base_url, refresh_token_enc from tenant
                where id = ?1""")
                .setParameter(1, tenantId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        TokenMode mode = TokenMode.parse((String) row[3]);
        // An authorized account's credential is its refresh token (empty while none is held: WeChat refuses it).
        String appsecret = mode == TokenMode.AUTHORIZED
                ? (row[5] == null || ((String) row[5]).isEmpty() ? ""
                        : secretBox.open(Tenant.REFRESH_TOKEN, tenantId, (String) row[5]))
                : secretBox.open(Tenant.APPSECRET, tenantId, (String) row[1]);
        return Optional.of(new WeChatAccount(tenantId, (String) row[0], appsecret, (Boolean) row[2],
                mode == null ? TokenMode.STABLE : mode, (String) row[4]));
    }
}
