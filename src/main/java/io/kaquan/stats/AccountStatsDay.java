package io.kaquan.stats;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One day of getcardbizuininfo: all cards of the account from one source (0 MP console, 1 API). */
@Entity
@Table(name = "account_stats_daily")
public class AccountStatsDay extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "cond_source", nullable = false)
    public short condSource;

    @Embedded
    public Counts counts = new Counts();
}
