package io.kaquan.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Turns an OIDC identity into our user record, creating it at first login. Invitations to the user's e-mail address are
 * accepted then only if the provider verified that address (anybody can claim an unverified one); the others wait
 * for their one-time link.
 */
@ApplicationScoped
public class SignIn {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public AppUser userFor(SecurityIdentity identity, String requestLocale) {
        Claims claims = Claims.of(identity);
        AppUser existing = AppUser.findBySubject(claims.subject).orElse(null);
        if (existing != null) {
            if (existing.emailVerified != claims.emailVerified || !Objects.equals(existing.email, claims.email)) {
                existing.email = claims.email; // the provider's word of today: an address may lose its verification
                existing.emailVerified = claims.emailVerified;
            }
            return existing;
        }
        // Two first requests of one user can race: the insert is idempotent, the loser simply reads the winner's row.
        int inserted = entityManager.createNativeQuery("""
                insert into app_user (subject, name, email, email_verified, locale, created_at, last_login_at)
                values (?1, ?2, ?3, ?5, ?4, now(), now()) on conflict (subject) do nothing""")
                .setParameter(1, claims.subject)
                .setParameter(2, claims.name)
                .setParameter(3, claims.email)
                .setParameter(4, claims.locale != null ? claims.locale : requestLocale)
                .setParameter(5, claims.emailVerified)
                .executeUpdate();
        AppUser user = AppUser.findBySubject(claims.subject).orElseThrow();
        if (inserted == 1) {
            Log.infof("First login of user %d", user.id);
            if (claims.email != null) {
                acceptInvitations(user, claims.emailVerified);
            }
        }
        return user;
    }

    private void acceptInvitations(AppUser user, boolean emailVerified) {
        for (Invitation invitation : Invitation.forEmail(user.email)) {
            if (!emailVerified && !invitation.trustsUnverifiedEmail) {
                continue; // the link will do
            }
            if (Membership.find(invitation.tenantId, user.id).isEmpty()) {
                Membership.create(invitation.tenantId, user, invitation.role);
                AuditEntry entry = new AuditEntry();
                entry.tenantId = invitation.tenantId;
                entry.actor = user;
                entry.action = AuditAction.MEMBER_INVITATION_ACCEPTED.code();
                entry.target = user.label();
                entry.details = "role=" + invitation.role;
                entry.createdAt = Instant.now();
                entry.persist();
            }
            invitation.delete();
        }
    }

    /** The claims we keep, read from the ID token, or from the principal alone for non-OIDC identities. */
    private record Claims(String subject, String name, String email, boolean emailVerified, String locale) {

        static Claims of(SecurityIdentity identity) {
            if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
                String name = firstNonBlank(token.getClaim("name"), token.getClaim("preferred_username"),
                        token.getName(), token.getSubject());
                String email = blankToNull(token.getClaim("email"));
                Object verified = token.getClaim("email_verified");
                // No claim is no proof: a provider that does not say so has not verified the address.
                boolean emailVerified = verified != null && Boolean.parseBoolean(verified.toString());
                return new Claims(token.getSubject(), name, email == null ? null : email.toLowerCase(Locale.ROOT),
                        emailVerified, supportedLocale(token.getClaim("locale")));
            }
            String name = identity.getPrincipal().getName();
            return new Claims(name, name, null, false, null);
        }

        private static String supportedLocale(Object claim) {
            if (claim == null) {
                return null;
            }
            String value = claim.toString().toLowerCase(Locale.ROOT);
            return value.startsWith("zh") ? "zh-CN" : value.startsWith("en") ? "en" : null;
        }

        private static String firstNonBlank(Object... values) {
            for (Object value : values) {
                String text = blankToNull(value);
                if (text != null) {
                    return text;
                }
            }
            return "?";
        }

        private static String blankToNull(Object value) {
            return value == null || value.toString().isBlank() ? null : value.toString().trim();
        }
    }
}
