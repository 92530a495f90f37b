package io.kaquan.jobs;

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

/** One run of a job: for one tenant, or one sweep across tenants (tenantId null). */
@Entity
@Table(name = "sync_run")
public class SyncRun extends PanacheEntityBase {

    /** JobOutcome.Result plus RUNNING. */
    public enum State {
        RUNNING,
        OK,
        PARTIAL,
        SKIPPED,
        QUOTA,
        FAILED;

        public boolean failing() {
            return this == FAILED || this == QUOTA || this == PARTIAL;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String job;

    @Column(name = "tenant_id")
    public Long tenantId;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State result;

    @Column(nullable = false)
    public int calls;

    public String message;

    @Column(nullable = false)
    public String node;

    @Column(nullable = false)
    public boolean manual;

    @Column(name = "user_id")
    public Long userId;

    public static List<SyncRun> recent(long tenantId, int limit) {
        return find("tenantId = ?1 order by startedAt desc, id desc", tenantId).page(0, limit).list();
    }

    public static Optional<SyncRun> last(String job, long tenantId) {
        return find("job = ?1 and tenantId = ?2 order by startedAt desc, id desc", job, tenantId)
                .firstResultOptional();
    }

    public static Optional<SyncRun> lastSweep(String job) {
        return find("job = ?1 and tenantId is null order by startedAt desc, id desc", job).firstResultOptional();
    }

    /** Milliseconds the run took (null while running). */
    public Long durationMillis() {
        return finishedAt == null ? null : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
