package io.kaquan.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallCounts;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Tokens of active tenants are refreshed ahead of expiry, once; idle tenants and fresh tokens are left alone. */
@QuarkusTest
class TokenFreshnessTest {

    @Inject
    TokenFreshness freshness;

    @Inject
    WeChatGateway gateway;

    @Inject
    EntityManager em;

    @Test
    void refreshesTheDueTokensOfActiveTenantsOnce() throws Exception {
        long active = TestTenants.register(Session.login("token-owner"), "活跃账号");
        long idle = TestTenants.register(Session.login("token-owner"), "闲置账号");
        gateway.forTenant(active).cardColors(); // a business call: the tenant is active
        CallCounts.flush(); // "active" means a business call in api_usage today: stored now, not at the next batch

        // Both tokens are two minutes from expiry: inside the refresh window.
        expireSoon(active);
        expireSoon(idle);
        Instant activeBefore = obtainedAt(active);
        Instant idleBefore = obtainedAt(idle);

        JobOutcome outcome = freshness.sweep(Instant.now());
        assertEquals(JobOutcome.Result.OK, outcome.result(), outcome.message());
        assertNotEquals(activeBefore, obtainedAt(active), "the active tenant's token was refreshed");
        assertTrue(expiresAt(active).isAfter(Instant.now().plusSeconds(600)));
        assertEquals(idleBefore, obtainedAt(idle), "an idle tenant's token is left to expire");
        assertTrue(outcome.calls() >= 1);

        // Fresh now: a second sweep fetches nothing for it.
        Instant refreshed = obtainedAt(active);
        freshness.sweep(Instant.now());
        assertEquals(refreshed, obtainedAt(active));

        SyncRun last = QuarkusTransaction.requiringNew().call(() -> SyncRun.lastSweep(TokenFreshness.JOB).orElseThrow());
        assertEquals(SyncRun.State.OK, last.result);
        assertTrue(last.finishedAt != null && last.tenantId == null);
    }

    private void expireSoon(long tenant) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update access_token set obtained_at = now() - interval '7080 seconds',
                    expires_at = now() + interval '120 seconds' where tenant_id = ?1""")
                .setParameter(1, tenant).executeUpdate());
    }

    private Instant obtainedAt(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> SyncService.toInstant(em.createNativeQuery(
                "select obtained_at from access_token where tenant_id = ?1").setParameter(1, tenant).getSingleResult()));
    }

    private Instant expiresAt(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> SyncService.toInstant(em.createNativeQuery(
                "select expires_at from access_token where tenant_id = ?1").setParameter(1, tenant).getSingleResult()));
    }
}
