package io.kaquan.tenant;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.kaquan.account.AppUser;
import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Invitation;
import io.kaquan.account.Membership;
import io.kaquan.account.Role;

/**
 * The invitee's side of an invitation link: whoever opens it signed in sees the tenant and role, and may accept. The
 * link is the proof (256 random bits), so it works for an unverified e-mail address too; it is used up on acceptance.
 */
@ApplicationScoped
public class InvitationAcceptance {

    @Inject
    CurrentUser currentUser;

    @Inject
    Audit audit;

    /** What the link offers. */
    public record Offer(String token, String tenantName, Role role, String inviter, boolean alreadyMember) {
    }

    /** The result of accepting: the tenant to go to, and whether the user was a member already. */
    public record Accepted(long tenantId, String tenantName, boolean alreadyMember) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Offer> offer(String token) {
        return Invitation.byToken(token).flatMap(invitation -> Optional.ofNullable(Tenant.<Tenant> findById(
                invitation.tenantId)).map(
                        tenant -> new Offer(invitation.token, tenant.displayName, invitation.role,
                                inviterOf(invitation), Membership.find(tenant.id, currentUser.id()).isPresent())));
    }

    /** Joins the tenant with the offered role; empty when the link is unknown, used already or expired. */
    @Transactional
    public Optional<Accepted> accept(String token) {
        Optional<Invitation> found = Invitation.lockedByToken(token); // of two clicks at once, one accepts
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Invitation invitation = found.get();
        Tenant tenant = Tenant.findById(invitation.tenantId);
        AppUser user = currentUser.user();
        boolean alreadyMember = Membership.find(invitation.tenantId, user.id).isPresent();
        if (!alreadyMember) {
            Membership.create(invitation.tenantId, user, invitation.role);
            audit.record(invitation.tenantId, AuditAction.MEMBER_INVITATION_ACCEPTED, user.label(), "role=" + invitation.role);
        }
        invitation.delete();
        return Optional.of(new Accepted(tenant.id, tenant.displayName, alreadyMember));
    }

    private static String inviterOf(Invitation invitation) {
        AppUser inviter = AppUser.findById(invitation.invitedBy);
        return inviter == null ? "?" : inviter.name;
    }
}
