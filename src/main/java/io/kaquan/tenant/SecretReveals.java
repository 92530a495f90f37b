package io.kaquan.tenant;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kaquan.account.Invitation;

/**
 * Secrets shown once (a new callback token, EncodingAESKey), kept server-side between the POST that made them and the
 * page that shows them: sealed in the database (any node can serve the page) for a few minutes, for the user who made
 * them, and deleted when taken. Only the random id travels in the flash cookie.
 */
@ApplicationScoped
public class SecretReveals {

    /** The flash entry that carries the id. */
    static final String FLASH_KEY = "secretReveal";
    private static final String PURPOSE = "tenant.secret-reveal";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    SecretBox secretBox;

    /** Keeps the secrets for one showing; answers the id to put into the flash. */
    @Transactional
    public String keep(long tenantId, long userId, Map<String, String> secrets) {
        String id = Invitation.newToken();
        String json;
        try {
            json = JSON.writeValueAsString(secrets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings always serializes", e);
        }
        em.createNativeQuery("insert into secret_reveal (id, tenant_id, user_id, secrets, expires_at) "
                + "values (?1, ?2, ?3, ?4, ?5)").setParameter(1, id).setParameter(2, tenantId).setParameter(3, userId)
                .setParameter(4, secretBox.seal(PURPOSE, tenantId, json)).setParameter(5, Instant.now().plus(LIFETIME))
                .executeUpdate();
        return id;
    }

    /** The secrets kept under the id for this tenant and user, once: deleted as they are read. Empty otherwise. */
    @Transactional
    public Map<String, String> take(String id, long tenantId, long userId) {
        em.createNativeQuery("delete from secret_reveal where expires_at < now()").executeUpdate();
        if (id == null || id.length() > 64) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<String> sealed = em.createNativeQuery("delete from secret_reveal where id = ?1 and tenant_id = ?2 "
                + "and user_id = ?3 returning secrets").setParameter(1, id).setParameter(2, tenantId)
                .setParameter(3, userId).getResultList();
        if (sealed.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(secretBox.open(PURPOSE, tenantId, sealed.get(0)), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A sealed reveal is always JSON", e);
        }
    }
}
