package io.kaquan.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatStats;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Writes the datacube's answers: the days of a window are replaced by WeChat's rows (updated in place, so an
 * unchanged day is not even rewritten; days WeChat no longer lists are removed). One transaction per answer, under
 * the tenant's statistics lock so that two nodes never interleave the same tenant.
 */
@ApplicationScoped
@Transactional
public class StatsStore {

    /** First key of the statistics' advisory locks ("ST"); the second is the tenant id. */
    private static final int LOCK_SPACE = 0x5354;

    @Inject
    EntityManager em;

    public int replaceAccount(long tenantId, int condSource, LocalDate from, LocalDate to,
            List<WeChatStats.BizDay> rows) {
        lock(tenantId);
        Map<LocalDate, AccountStatsDay> existing = new HashMap<>();
        AccountStatsDay.<AccountStatsDay> list("tenantId = ?1 and condSource = ?2 and day between ?3 and ?4",
                tenantId, (short) condSource, from, to).forEach(day -> existing.put(day.day, day));
        int stored = 0;
        for (WeChatStats.BizDay row : rows) {
            LocalDate day = day(row.refDate(), from, to);
            if (day == null) {
                continue;
            }
            AccountStatsDay stats = existing.remove(day);
            if (stats == null) {
                stats = new AccountStatsDay();
                stats.tenantId = tenantId;
                stats.day = day;
                stats.condSource = (short) condSource;
                stats.persist();
            }
            stats.counts.set(Counts.of(row));
            stored++;
        }
        existing.values().forEach(PanacheEntityBase::delete);
        return stored;
    }

    public int replaceCards(long tenantId, int condSource, LocalDate from, LocalDate to,
            List<WeChatStats.CardDay> rows) {
        lock(tenantId);
        Map<String, CardStatsDay> existing = new HashMap<>();
        CardStatsDay.<CardStatsDay> list("tenantId = ?1 and condSource = ?2 and day between ?3 and ?4",
                tenantId, (short) condSource, from, to).forEach(day -> existing.put(day.cardId + " " + day.day, day));
        int stored = 0;
        for (WeChatStats.CardDay row : rows) {
            LocalDate day = day(row.refDate(), from, to);
            if (day == null || row.cardId() == null || row.cardId().isBlank()) {
                continue;
            }
            CardStatsDay stats = existing.remove(row.cardId() + " " + day);
            if (stats == null) {
                stats = new CardStatsDay();
                stats.tenantId = tenantId;
                stats.cardId = row.cardId();
                stats.day = day;
                stats.condSource = (short) condSource;
                stats.persist();
            }
            stats.cardType = row.cardType();
            stats.isPay = row.isPay();
            stats.counts.set(Counts.of(row));
            stored++;
        }
        existing.values().forEach(PanacheEntityBase::delete);
        return stored;
    }

    public int replaceMemberCards(long tenantId, int condSource, LocalDate from, LocalDate to,
            List<WeChatStats.MemberCardDay> rows) {
        lock(tenantId);
        Map<LocalDate, MemberCardStatsDay> existing = new HashMap<>();
        MemberCardStatsDay.<MemberCardStatsDay> list("tenantId = ?1 and condSource = ?2 and day between ?3 and ?4",
                tenantId, (short) condSource, from, to).forEach(day -> existing.put(day.day, day));
        int stored = 0;
        for (WeChatStats.MemberCardDay row : rows) {
            LocalDate day = day(row.refDate(), from, to);
            if (day == null) {
                continue;
            }
            MemberCardStatsDay stats = existing.remove(day);
            if (stats == null) {
                stats = new MemberCardStatsDay();
                stats.tenantId = tenantId;
                stats.day = day;
                stats.condSource = (short) condSource;
                stats.persist();
            }
            stats.set(row);
            stored++;
        }
        existing.values().forEach(PanacheEntityBase::delete);
        return stored;
    }

    /** The state of an API for a tenant, created on first use (detached copy for the caller's decisions). */
    public StatsSyncState state(long tenantId, StatsApi api) {
        lock(tenantId);
        StatsSyncState state = StatsSyncState.of(tenantId, api).orElseGet(() -> {
            StatsSyncState fresh = new StatsSyncState();
            fresh.tenantId = tenantId;
            fresh.api = api;
            fresh.persist();
            return fresh;
        });
        em.flush();
        em.detach(state);
        return state;
    }

    /**
     * A window is stored: the API is synced through its end if the window joins what was stored before (or, the
     * first time or after a pause longer than the backfill, covers the start of the backfill). Re-running older days
     * never moves the mark back.
     */
    public void windowStored(long tenantId, StatsApi api, LocalDate from, LocalDate to, LocalDate backfillFrom,
            Instant now) {
        StatsSyncState state = locked(tenantId, api);
        // A mark older than the backfill start counts as none: the sync starts again at backfillFrom (a tenant
        // paused for months), and that window must move the mark or every run would re-fetch 90 days.
        boolean fresh = state.syncedThrough == null || state.syncedThrough.isBefore(backfillFrom);
        boolean joins = fresh ? !from.isAfter(backfillFrom) : !from.isAfter(state.syncedThrough.plusDays(1));
        if (joins && (fresh || to.isAfter(state.syncedThrough))) {
            state.syncedThrough = to;
        }
        state.lastRunAt = now;
        state.lastErrcode = null;
        state.lastError = null;
        state.stoppedUntil = null;
    }

    /** A call failed; with 45009 the API rests for the tenant until {@code stoppedUntil}. */
    public void failed(long tenantId, StatsApi api, WeChatException e, Instant now, Instant stoppedUntil) {
        StatsSyncState state = locked(tenantId, api);
        state.lastRunAt = now;
        state.lastErrcode = e.errcode();
        state.lastError = e.getMessage();
        state.stoppedUntil = stoppedUntil;
    }

    private StatsSyncState locked(long tenantId, StatsApi api) {
        lock(tenantId);
        return StatsSyncState.of(tenantId, api).orElseGet(() -> {
            StatsSyncState fresh = new StatsSyncState();
            fresh.tenantId = tenantId;
            fresh.api = api;
            fresh.persist();
            return fresh;
        });
    }

    private void lock(long tenantId) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)").setParameter(1, LOCK_SPACE)
                .setParameter(2, (int) tenantId).getSingleResult();
    }

    /** WeChat's day, if it is one of the window (anything else is ignored rather than stored on a wrong day). */
    private static LocalDate day(String refDate, LocalDate from, LocalDate to) {
        LocalDate day;
        try {
            day = LocalDate.parse(refDate);
        } catch (RuntimeException e) {
            return null;
        }
        return day.isBefore(from) || day.isAfter(to) ? null : day;
    }
}
