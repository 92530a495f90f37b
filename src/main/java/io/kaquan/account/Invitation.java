package io.kaquan.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A role offered to someone by e-mail address. It becomes a membership when the invitee opens its one-time link signed
 * in and accepts, or at the first sign-in of a user whose provider verified that address.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

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
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public static Optional<Invitation> byToken(String token) {
        return token == null || token.length() > 64 ? Optional.empty()
                : find("token", token).firstResultOptional();
    }

    public static List<Invitation> ofTenant(Long tenantId) {
        return list("tenantId = ?1 order by email", tenantId);
    }

    public static Optional<Invitation> find(Long tenantId, Long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public static List<Invitation> forEmail(String email) {
        return list("email", email.toLowerCase(java.util.Locale.ROOT));
    }
}
