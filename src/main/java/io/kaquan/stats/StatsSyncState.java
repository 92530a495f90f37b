package io.kaquan.stats;

import java.time.Instant;
import java.time.LocalDate;
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

/** How far one datacube API is stored for a tenant, and whether WeChat's daily quota stopped it (45009). */
@Entity
@Table(name = "stats_sync_state")
public class StatsSyncState extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StatsApi api;

    /** The last day stored (null: never synced, so the next sync backfills). */
    @Column(name = "synced_through")
    public LocalDate syncedThrough;

    @Column(name = "last_run_at")
    public Instant lastRunAt;

    @Column(name = "last_errcode")
    public Integer lastErrcode;

    @Column(name = "last_error")
    public String lastError;

    /** 45009 seen: no call of this API for the tenant before this instant (the next WeChat day). */
    @Column(name = "stopped_until")
    public Instant stoppedUntil;

    public static Optional<StatsSyncState> of(long tenantId, StatsApi api) {
        return find("tenantId = ?1 and api = ?2", tenantId, api).firstResultOptional();
    }

    public boolean stoppedAt(Instant now) {
        return stoppedUntil != null && now.isBefore(stoppedUntil);
    }
}
