package io.kaquan.wechat;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** WeChat refused a tenant's credentials; while this row exists no call goes out for the tenant. */
@Entity
@Table(name = "credential_problem")
public class CredentialProblem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false, unique = true)
    public Long tenantId;

    /** The path of the API that was refused. */
    @Column(nullable = false)
    public String api;

    @Column(nullable = false)
    public int errcode;

    @Column(nullable = false)
    public String errmsg;

    @Column(name = "seen_ip")
    public String seenIp;

    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;

    static Optional<CredentialProblem> ofTenant(long tenantId) {
        return find("tenantId", tenantId).firstResultOptional();
    }
}
