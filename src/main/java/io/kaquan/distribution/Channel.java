package io.kaquan.distribution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A channel a merchant hands cards out through (a shop window, a flyer, a newsletter): its name, and the small number
 * sent to WeChat as the QR code's outer_str, which WeChat gives back in each user_get_card.
 */
@Entity
@Table(name = "distribution_channel")
public class Channel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(nullable = false)
    public String name;

    @Column(name = "outer_str", nullable = false)
    public int outerStr;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Channel> named(long tenantId, String name) {
        return find("tenantId = ?1 and name = ?2", tenantId, name).firstResultOptional();
    }

    public static List<Channel> ofTenant(long tenantId) {
        return list("tenantId = ?1 order by name", tenantId);
    }

    /** The next free outer_str of the tenant; call it under the tenant's channel lock. */
    static int nextOuterStr(long tenantId) {
        Integer max = getEntityManager()
                .createQuery("select max(c.outerStr) from Channel c where c.tenantId = ?1", Integer.class)
                .setParameter(1, tenantId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
