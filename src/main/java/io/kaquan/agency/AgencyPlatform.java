package io.kaquan.agency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kaquan.tenant.AuthorizedAccounts;
import io.kaquan.tenant.SecretBox;
import io.kaquan.wechat.ComponentPlatform;
import io.kaquan.wechat.WeChatComponent;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * The configured third-party platform as the gateway sees it ({@link ComponentPlatform}): its credentials and the
 * latest ticket WeChat pushed, kept durably (sealed, one row per platform) and used while it is valid (12 hours).
 */
@ApplicationScoped
public class AgencyPlatform implements ComponentPlatform {

    /** Sealing purpose of the ticket; bound to the reserved id 0 (no tenant has it). */
    static final String TICKET = "agency.ticket";

    @Inject
    AgencyConfig config;

    @Inject
    SecretBox secretBox;

    @Inject
    EntityManager em;

    /** Whether a platform is configured at all. */
    public boolean configured() {
        return config.componentAppid().filter(appid -> !appid.isBlank()).isPresent()
                && config.componentSecret().isPresent() && config.token().isPresent()
                && config.encodingAesKey().isPresent();
    }

    public String appid() {
        return config.componentAppid().orElseThrow();
    }

    /** Joins the caller's transaction, or reads in one of its own (token refreshes run on plain threads). */
    @Override
    @Transactional
    public Optional<Credentials> credentials() {
        if (!configured()) {
            return Optional.empty();
        }
        String ticket = PlatformTicket.of(appid())
                .filter(row -> row.receivedAt.plus(PlatformTicket.LIFETIME).isAfter(Instant.now()))
                .map(row -> openOrNull(row.sealedTicket)).orElse(null);
        return Optional.of(new Credentials(appid(), config.componentSecret().get(), ticket,
                config.apiBaseUrl().orElse(null)));
    }

    /**
     * During a master-key rotation the stored ticket is sealed again under the new key at start, like the tenants'
     * secrets: otherwise no component token could be fetched until WeChat pushes the next ticket (up to 10 minutes).
     */
    @Transactional
    void resealTicket(@Observes StartupEvent start) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select platform_appid, ticket_enc from agency_ticket for update").getResultList();
        for (Object[] row : rows) {
            try {
                secretBox.resealedUnderCurrentKey(TICKET, 0, (String) row[1])
                        .ifPresent(resealed -> em.createNativeQuery(
                                "update agency_ticket set ticket_enc = ?1 where platform_appid = ?2")
                                .setParameter(1, resealed).setParameter(2, row[0]).executeUpdate());
            } catch (IllegalStateException neitherKeyOpensIt) {
                Log.warnf("The stored component_verify_ticket of %s does not open; waiting for the next push", row[0]);
            }
        }
    }

    /** Keeps the newest ticket (an upsert: pushes may arrive on two nodes at once, or twice). */
    @Transactional
    void storeTicket(String ticket, Instant receivedAt) {
        em.createNativeQuery("""
                insert into agency_ticket (platform_appid, ticket_enc, received_at) values (?1, ?2, ?3)
                on conflict (platform_appid) do update set ticket_enc = excluded.ticket_enc,
                    received_at = excluded.received_at where agency_ticket.received_at <= excluded.received_at""")
                .setParameter(1, appid()).setParameter(2, secretBox.seal(TICKET, 0, ticket))
                .setParameter(3, receivedAt).executeUpdate();
    }

    private String openOrNull(String sealed) {
        try {
            return secretBox.open(TICKET, 0, sealed);
        } catch (IllegalStateException e) {
            Log.warnf("The stored component_verify_ticket does not open; waiting for the next push");
            return null;
        }
    }

    /** What the tenant keeps of an authorizer's info besides its name and original id. */
    static AuthorizedAccounts.Profile profileOf(WeChatComponent.AuthorizerInfo info) {
        return new AuthorizedAccounts.Profile(info.serviceType(), info.verifyType(), info.principalName(),
                info.permissionSets());
    }
}
