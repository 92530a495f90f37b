package io.kaquan.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.kaquan.account.AppUser;
import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Invitation;
import io.kaquan.account.Membership;
import io.kaquan.account.Role;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.FormErrors;
import io.kaquan.web.I18n;
import io.kaquan.web.InvalidFormException;

/** Owners add, promote, demote and remove the members of the current tenant. */
@ApplicationScoped
@Transactional
public class MemberService {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Audit audit;

    @Inject
    I18n i18n;

    public record Members(List<Membership> members, List<Invitation> invitations) {
    }

    /** Who was invited, for the flash message. */
    public record Invited(String who) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Members list() {
        return new Members(Membership.ofTenant(currentTenant.id()), Invitation.ofTenant(currentTenant.id()));
    }

    public Invited invite(String emailInput, String roleInput) {
        currentTenant.require(Role.OWNER);
        TenantMsg msg = i18n.bundle(TenantMsg.class);
        String email = TenantForms.trim(emailInput).toLowerCase(Locale.ROOT);
        Role role = Role.parse(roleInput);
        FormErrors errors = new FormErrors();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add("email", msg.errEmail());
        }
        if (role == null) {
            errors.add("role", msg.errRole());
        }
        Map<String, String> values = Map.of("email", email, "role", roleInput == null ? "" : roleInput);
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, values);
        }
        Long tenantId = currentTenant.id();
        AppUser user = AppUser.findByEmail(email).orElse(null);
        if (user != null && Membership.find(tenantId, user.id).isPresent()) {
            throw new InvalidFormException(errors.add("email", msg.errAlreadyMember(user.label())), values);
        }
        // Even a known user only gets an invitation: an e-mail address alone proves nothing (it may be unverified).
        Invitation invitation = Invitation.<Invitation> find("tenantId = ?1 and email = ?2", tenantId, email)
                .firstResultOptional().orElseGet(Invitation::withNewLink);
        invitation.tenantId = tenantId;
        invitation.email = email;
        invitation.role = role;
        invitation.invitedBy = currentUser.id();
        invitation.createdAt = Instant.now();
        invitation.persist();
        audit.record(tenantId, AuditAction.MEMBER_INVITED, email, "role=" + role);
        return new Invited(user != null ? user.label() : email);
    }

    public String changeRole(Long userId, String roleInput) {
        currentTenant.require(Role.OWNER);
        Role role = Role.parse(roleInput);
        if (role == null) {
            throw new ActionRefused(i18n.bundle(TenantMsg.class).errRole());
        }
        List<Membership> all = lockMembers();
        Membership target = memberOf(all, userId);
        if (target.role == Role.OWNER && role != Role.OWNER) {
            refuseIfLastOwner(all);
        }
        Role before = target.role;
        target.role = role;
        audit.record(currentTenant.id(), AuditAction.MEMBER_ROLE_CHANGED, target.user.label(),
                "role=" + before + " → " + role);
        return target.user.label();
    }

    public String remove(Long userId) {
        currentTenant.require(Role.OWNER);
        List<Membership> all = lockMembers();
        Membership target = memberOf(all, userId);
        if (target.role == Role.OWNER) {
            refuseIfLastOwner(all);
        }
        String who = target.user.label();
        target.delete();
        audit.record(currentTenant.id(), AuditAction.MEMBER_REMOVED, who, "role=" + target.role);
        return who;
    }

    public String cancelInvitation(Long invitationId) {
        currentTenant.require(Role.OWNER);
        Invitation invitation = Invitation.find(currentTenant.id(), invitationId).orElseThrow(NotFoundException::new);
        invitation.delete();
        audit.record(currentTenant.id(), AuditAction.MEMBER_INVITATION_CANCELLED, invitation.email, null);
        return invitation.email;
    }

    /** Locks the tenant's memberships so that two owners demoting each other at once cannot leave none. */
    private List<Membership> lockMembers() {
        return Membership.find("tenantId", currentTenant.id()).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private static Membership memberOf(List<Membership> all, Long userId) {
        return all.stream().filter(m -> m.user.id.equals(userId)).findFirst().orElseThrow(NotFoundException::new);
    }

    private void refuseIfLastOwner(List<Membership> all) {
        if (all.stream().filter(m -> m.role == Role.OWNER).count() <= 1) {
            throw new ActionRefused(i18n.bundle(TenantMsg.class).errLastOwner());
        }
    }
}
