package io.kaquan.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person who signed in through the OIDC provider at least once. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The OIDC subject: stable across renames and email changes. */
    @Column(nullable = false, unique = true)
    public String subject;

    @Column(nullable = false)
    public String name;

    public String email;

    /** The identity provider verified {@link #email} (its email_verified claim). */
    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(nullable = false)
    public String locale;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_login_at", nullable = false)
    public Instant lastLoginAt;

    public static Optional<AppUser> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public static Optional<AppUser> findByEmail(String email) {
        return find("lower(email) = ?1", email.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    /** How the user is shown to colleagues: "Name <email>" when both are known. */
    public String label() {
        return email == null || email.isBlank() || email.equalsIgnoreCase(name) ? name : name + " <" + email + ">";
    }
}
