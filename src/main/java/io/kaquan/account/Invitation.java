package io.kaquan.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role promised to an email address that has not signed in yet; it becomes a membership at first login. */
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
