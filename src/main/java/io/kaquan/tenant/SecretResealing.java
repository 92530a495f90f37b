package io.kaquan.tenant;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Once, at startup (before anything reads a secret): seals what older versions stored weaker. Tenant secrets sealed
 * for their purpose only ({@code v1:}, they would open in another tenant's row) are re-sealed bound to their tenant;
 * access tokens stored in clear are sealed. Idempotent: the next start finds nothing to do. Several nodes starting at
 * once serialise on the row locks and the second one re-seals nothing.
 */
@ApplicationScoped
public class SecretResealing {

    private static final String[][] TENANT_COLUMNS = { { "appsecret_enc", Tenant.APPSECRET },
            { "callback_token_enc", Tenant.CALLBACK_TOKEN }, { "aes_key_enc", Tenant.AES_KEY },
            { "previous_aes_key_enc", Tenant.AES_KEY }, { "refresh_token_enc", Tenant.REFRESH_TOKEN } };

    @Inject
    EntityManager em;

    @Inject
    SecretBox secretBox;

    @Transactional
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent start) {
        int secrets = resealTenantSecrets();
        int tokens = sealClearAccessTokens();
        int rotated = resealUnderCurrentKey();
        int moved = moveRefreshTokens();
        if (moved > 0) {
            Log.infof("Moved %d authorizer refresh tokens out of the AppSecret column into their own", moved);
        }
        if (secrets + tokens + rotated > 0) {
            Log.infof("Re-sealed %d tenant secrets bound to their tenant, sealed %d access tokens stored in clear, "
                    + "re-sealed %d values under the new master key", secrets, tokens, rotated);
        }
    }

    /** During a master-key rotation: re-seals under the current key what opens only with the previous one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resealUnderCurrentKey() {
        int count = 0;
        for (String[] column : TENANT_COLUMNS) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, " + column[0] + " from tenant where " + column[0]
                    + " like 'v2:%' for update").getResultList();
            for (Object[] row : rows) {
                long tenantId = ((Number) row[0]).longValue();
                Optional<String> resealed = secretBox.resealedUnderCurrentKey(column[1], tenantId, (String) row[1]);
                if (resealed.isPresent()) {
                    em.createNativeQuery("update tenant set " + column[0] + " = ?1 where id = ?2")
                            .setParameter(1, resealed.get()).setParameter(2, tenantId).executeUpdate();
                    count++;
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> tokens = em.createNativeQuery(
                "select tenant_id, token from access_token where token like 'v2:%' for update").getResultList();
        for (Object[] row : tokens) {
            long tenantId = ((Number) row[0]).longValue();
            Optional<String> resealed = secretBox.resealedUnderCurrentKey(TenantTokenSeal.ACCESS_TOKEN, tenantId,
                    (String) row[1]);
            if (resealed.isPresent()) {
                em.createNativeQuery("update access_token set token = ?1 where tenant_id = ?2")
                        .setParameter(1, resealed.get()).setParameter(2, tenantId).executeUpdate();
                count++;
            }
        }
        // The platform's component token is sealed like an access token, under the platform's id 0.
        @SuppressWarnings("unchecked")
        List<Object[]> componentTokens = em.createNativeQuery(
                "select id, token from component_token where token like 'v2:%' for update").getResultList();
        for (Object[] row : componentTokens) {
            Optional<String> resealed = secretBox.resealedUnderCurrentKey(TenantTokenSeal.ACCESS_TOKEN, 0,
                    (String) row[1]);
            if (resealed.isPresent()) {
                em.createNativeQuery("update component_token set token = ?1 where id = ?2")
                        .setParameter(1, resealed.get()).setParameter(2, ((Number) row[0]).longValue()).executeUpdate();
                count++;
            }
        }
        return count;
    }

    /** Re-seals the tenants' {@code v1:} values; answers how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resealTenantSecrets() {
        int count = 0;
        for (String[] column : TENANT_COLUMNS) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, " + column[0] + " from tenant where " + column[0]
                    + " like 'v1:%' for update").getResultList();
            for (Object[] row : rows) {
                long tenantId = ((Number) row[0]).longValue();
                String plain = secretBox.openLegacy(column[1], (String) row[1]);
                em.createNativeQuery("update tenant set " + column[0] + " = ?1 where id = ?2")
                        .setParameter(1, secretBox.seal(column[1], tenantId, plain)).setParameter(2, tenantId)
                        .executeUpdate();
                count++;
            }
        }
        return count;
    }

    /** Seals the access tokens stored in clear (WeChat's tokens never start with the sealed form's prefix). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int sealClearAccessTokens() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select tenant_id, token from access_token where token not like 'v2:%' for update").getResultList();
        for (Object[] row : rows) {
            long tenantId = ((Number) row[0]).longValue();
            em.createNativeQuery("update access_token set token = ?1 where tenant_id = ?2")
                    .setParameter(1, secretBox.seal(TenantTokenSeal.ACCESS_TOKEN, tenantId, (String) row[1]))
                    .setParameter(2, tenantId).executeUpdate();
        }
        return rows.size();
    }

    /**
     * Authorized tenants of before V33 kept the refresh token in appsecret_enc, sealed for the AppSecret: sealed again
     * for its own purpose in refresh_token_enc, and the AppSecret column emptied. Answers how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int moveRefreshTokens() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, appsecret_enc from tenant where token_mode = 'AUTHORIZED' "
                + "and refresh_token_enc is null and appsecret_enc like 'v2:%' for update").getResultList();
        for (Object[] row : rows) {
            long tenantId = ((Number) row[0]).longValue();
            String refreshToken = secretBox.open(Tenant.APPSECRET, tenantId, (String) row[1]);
            em.createNativeQuery("update tenant set refresh_token_enc = ?1, appsecret_enc = '' where id = ?2")
                    .setParameter(1, secretBox.seal(Tenant.REFRESH_TOKEN, tenantId, refreshToken))
                    .setParameter(2, tenantId).executeUpdate();
        }
        return rows.size();
    }
}
