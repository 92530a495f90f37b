package io.kaquan.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A role offered to someone by e-mail address. It becomes a membership when the invitee opens its one-time link signed
 * in and accepts, or at the first sign-in of a user whose provider verified that address. An invitation is good for
 * {@link #LIFETIME}: a forwarded or leaked e-mail must not be a way into the account for ever.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    /** How long an invitation may be accepted after it was made. */
    public static final Duration LIFETIME = Duration.ofDays(7);

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    /** Lower-cased. */
    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "invited_by", nullable = false)
    public Long invitedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The random part of the invitation link; whoever has it may accept, so only the owner sees it. */
    @Column(nullable = false, unique = true)
    public String token;

    /** Accepted at first sign-in even without a verified e-mail: only the dev-only demo seeding sets it. */
    @Column(name = "trusts_unverified_email", nullable = false)
    public boolean trustsUnverifiedEmail;

    public Instant expiresAt() {
        return createdAt.plus(LIFETIME);
    }

    /** Too old to be accepted (the dev-only demo invitations never expire). */
    public boolean expired() {
        return !trustsUnverifiedEmail && !expiresAt().isAfter(Instant.now());
    }

    /** A new invitation with a fresh link (the caller sets the rest and persists it). */
    public static Invitation withNewLink() {
        Invitation invitation = new Invitation();
        invitation.token = newToken();
        return invitation;
    }

    /** 256 random bits, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The invitation of a link, unless it is unknown, used up or expired. */
    public static Optional<Invitation> byToken(String token) {
        return token == null || token.length() > 64 ? Optional.empty()
                : find("token", token).<Invitation> firstResultOptional().filter(i -> !i.expired());
    }

    /**
     * {@link #byToken} with the row locked until the transaction ends, so that of two acceptances at once the second
     * finds the link used up.
     */
    public static Optional<Invitation> lockedByToken(String token) {
        return token == null || token.length() > 64 ? Optional.empty()
                : find("token", token).withLock(LockModeType.PESSIMISTIC_WRITE).<Invitation> firstResultOptional()
                        .filter(i -> !i.expired());
    }

    public static List<Invitation> ofTenant(Long tenantId) {
        return list("tenantId = ?1 order by email", tenantId);
    }

    public static Optional<Invitation> find(Long tenantId, Long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The invitations of an e-mail address that may still be accepted. */
    public static List<Invitation> forEmail(String email) {
        return Invitation.<Invitation> list("email", email.toLowerCase(Locale.ROOT)).stream().filter(i -> !i.expired())
                .toList();
    }
}
