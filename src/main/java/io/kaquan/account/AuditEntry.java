package io.kaquan.account;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One mutating action: who did what to which target in which tenant, and when. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id")
    public Long tenantId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "actor_id")
    public AppUser actor;

    @Column(nullable = false)
    public String action;

    public String target;

    public String details;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A page of the tenant's log, newest first; keyset-paged so that deep pages stay cheap. */
    public static List<AuditEntry> page(Long tenantId, Long beforeId, int size) {
        String query = "from AuditEntry e left join fetch e.actor where e.tenantId = ?1"
                + (beforeId == null ? "" : " and e.id < ?2") + " order by e.id desc";
        var find = beforeId == null ? find(query, tenantId) : find(query, tenantId, beforeId);
        return find.page(0, size).list();
    }
}
