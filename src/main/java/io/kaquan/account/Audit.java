package io.kaquan.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Arc;

/** Writes audit entries inside the caller's transaction, so that an action and its record stand or fall together. */
@ApplicationScoped
public class Audit {

    @Inject
    CurrentUser currentUser;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long tenantId, AuditAction action, String target, String details) {
        AuditEntry entry = new AuditEntry();
        entry.tenantId = tenantId;
        // Jobs and token refreshes run outside any request: their entries have no person as actor.
        boolean inRequest = Arc.container().requestContext().isActive();
        entry.actor = inRequest && currentUser.isSignedIn() ? currentUser.user() : null;
        entry.action = action.code();
        entry.target = target;
        entry.details = details;
        entry.createdAt = Instant.now();
        entry.persist();
    }
}
