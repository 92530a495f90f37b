package io.kaquan.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A user's role in one tenant. */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public AppUser user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Membership> find(Long tenantId, Long userId) {
        return find("tenantId = ?1 and user.id = ?2", tenantId, userId).firstResultOptional();
    }

    public static List<Membership> ofTenant(Long tenantId) {
        return find("from Membership m join fetch m.user where m.tenantId = ?1 order by m.role, m.user.name", tenantId)
                .list();
    }

    public static List<Membership> ofUser(Long userId) {
        return list("user.id", userId);
    }

    public static Membership create(Long tenantId, AppUser user, Role role) {
        Membership membership = new Membership();
        membership.tenantId = tenantId;
        membership.user = user;
        membership.role = role;
        membership.createdAt = Instant.now();
        membership.persist();
        return membership;
    }
}
