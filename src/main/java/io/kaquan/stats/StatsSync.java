package io.kaquan.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.jobs.JobOutcome;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatTime;
import io.quarkus.logging.Log;

/**
 * The statistics sync of one tenant: for each datacube API (account, free coupons, member cards) and both sources
 * (0 MP console, 1 API), fetch every day not stored yet up to yesterday — WeChat serves days only after they end
 * (T+1), so today is never asked for; the last {@value #RECENT_DAYS} days are read again each time, as WeChat may
 * complete them late. A tenant's first sync backfills {@value #BACKFILL_DAYS} days, in windows of at
 * most {@value #WINDOW_DAYS} days (WeChat's limit). A day missed by an outage is caught up by the next run. 45009
 * (daily quota) stops that API for the tenant until WeChat's next day; other failures end that API's run and are
 * retried next time. No transaction is held across a WeChat call.
 */
@ApplicationScoped
public class StatsSync {

    /** How far back a tenant's first sync reaches. */
    public static final int BACKFILL_DAYS = 90;

    /**
     * WeChat may complete a day's figures hours after it ends: every run reads the last days again (in the same
     * request as the new day, so at no extra call) and replaces them.
     */
    public static final int RECENT_DAYS = 3;

    /** Days per request, both ends included (WeChat: end_date − begin_date ≤ 62). */
    public static final int WINDOW_DAYS = 62;

    static final List<Integer> SOURCES = List.of(0, 1);

    /** What one sync did: WeChat requests sent, daily rows stored, APIs stopped by 45009, other problems. */
    public record Outcome(long tenantId, int calls, int rowsStored, Set<StatsApi> quotaStopped, List<String> problems) {

        public boolean ok() {
            return quotaStopped.isEmpty() && problems.isEmpty();
        }

        /**
         * How a job runner should file this run: QUOTA when only 45009 stopped something, PARTIAL when rows were
         * stored despite a failure, FAILED when nothing was.
         */
        public JobOutcome.Result result() {
            if (ok()) {
                return JobOutcome.Result.OK;
            }
            if (problems.isEmpty()) {
                return JobOutcome.Result.QUOTA;
            }
            return rowsStored > 0 ? JobOutcome.Result.PARTIAL : JobOutcome.Result.FAILED;
        }

        /** One line for a run record. */
        public String summary() {
            return "calls=" + calls + ", rows=" + rowsStored
                    + (quotaStopped.isEmpty() ? "" : ", 45009 stops " + quotaStopped)
                    + (problems.isEmpty() ? "" : ", problems " + problems);
        }
    }

    /** An inclusive range of days asked in one request. */
    public record Window(LocalDate from, LocalDate to) {
    }

    @Inject
    WeChatGateway gateway;

    @Inject
    StatsStore store;

    Clock clock = Clock.systemUTC();

    /** WeChat's today (Asia/Shanghai). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(WeChatTime.ZONE));
    }

    /**
     * The daily run for a tenant: everything from the day after the last stored one (or the backfill start) through
     * the day before {@code today}.
     *
     * @param today WeChat's today; a later date than the real one is taken as the real one (never ask for today)
     */
    public Outcome syncTenant(long tenantId, LocalDate today) {
        LocalDate day = notLaterThanToday(today);
        LocalDate backfillFrom = day.minusDays(BACKFILL_DAYS);
        Run run = new Run(tenantId);
        for (StatsApi api : StatsApi.values()) {
            StatsSyncState state = store.state(tenantId, api);
            if (state.stoppedAt(Instant.now(clock))) {
                run.quotaStopped.add(api);
                continue;
            }
            LocalDate from = state.syncedThrough == null || state.syncedThrough.isBefore(backfillFrom)
                    ? backfillFrom
                    : min(state.syncedThrough.plusDays(1), day.minusDays(RECENT_DAYS));
            if (!fetch(run, api, from, day.minusDays(1), backfillFrom)) {
                if (run.credentialProblem) {
                    break;
                }
            }
        }
        return run.outcome();
    }

    /** Fetches the days again (a repair, or "sync now" for a range); stored days are replaced, never duplicated. */
    public Outcome resync(long tenantId, LocalDate from, LocalDate to, LocalDate today) {
        LocalDate day = notLaterThanToday(today);
        LocalDate last = to.isBefore(day) ? to : day.minusDays(1);
        Run run = new Run(tenantId);
        for (StatsApi api : StatsApi.values()) {
            if (!fetch(run, api, from, last, day.minusDays(BACKFILL_DAYS)) && run.credentialProblem) {
                break;
            }
        }
        return run.outcome();
    }

    /** The windows covering from..to, oldest first, each at most {@value #WINDOW_DAYS} days. */
    public static List<Window> windows(LocalDate from, LocalDate to) {
        List<Window> windows = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(WINDOW_DAYS)) {
            LocalDate end = start.plusDays(WINDOW_DAYS - 1);
            windows.add(new Window(start, end.isAfter(to) ? to : end));
        }
        return windows;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private LocalDate notLaterThanToday(LocalDate today) {
        LocalDate real = today();
        return today == null || today.isAfter(real) ? real : today;
    }

    /** Fetches and stores one API over from..to; false when a failure ended it. */
    private boolean fetch(Run run, StatsApi api, LocalDate from, LocalDate to, LocalDate backfillFrom) {
        WeChatClient client = gateway.forTenant(run.tenantId);
        for (Window window : windows(from, to)) {
            for (int source : SOURCES) {
                try {
                    run.calls++;
                    run.rows += switch (api) {
                        case ACCOUNT -> store.replaceAccount(run.tenantId, source, window.from(), window.to(),
                                client.statsOfAccount(window.from(), window.to(), source));
                        case CARDS -> store.replaceCards(run.tenantId, source, window.from(), window.to(),
                                client.statsOfCards(window.from(), window.to(), source, null));
                        case MEMBER_CARDS -> store.replaceMemberCards(run.tenantId, source, window.from(),
                                window.to(), client.statsOfMemberCards(window.from(), window.to(), source));
                    };
                } catch (WeChatException e) {
                    if (e.kind() == WeChatException.Kind.STOPPED) {
                        run.calls--; // not sent: the gateway held it back (quota used up, credentials refused)
                    }
                    failed(run, api, e);
                    return false;
                }
            }
            store.windowStored(run.tenantId, api, window.from(), window.to(), backfillFrom, Instant.now(clock));
        }
        return true;
    }

    private void failed(Run run, StatsApi api, WeChatException e) {
        Instant now = Instant.now(clock);
        if (e.errcode() == 45009) {
            Instant nextDay = today().plusDays(1).atStartOfDay(WeChatTime.ZONE).toInstant();
            store.failed(run.tenantId, api, e, now, nextDay);
            run.quotaStopped.add(api);
            Log.infof("Statistics of tenant %d: %s quota used up (45009), resumes %s", run.tenantId, api.path(),
                    nextDay);
            return;
        }
        store.failed(run.tenantId, api, e, now, null);
        run.problems.add(api.path() + " " + e.errcode());
        run.credentialProblem |= e.credentialProblem() || e.kind() == WeChatException.Kind.STOPPED;
        Log.infof("Statistics of tenant %d: %s failed: %s", run.tenantId, api.path(), e.getMessage());
    }

    private static final class Run {
        final long tenantId;
        int calls;
        int rows;
        boolean credentialProblem;
        final Set<StatsApi> quotaStopped = EnumSet.noneOf(StatsApi.class);
        final List<String> problems = new ArrayList<>();

        Run(long tenantId) {
            this.tenantId = tenantId;
        }

        Outcome outcome() {
            return new Outcome(tenantId, calls, rows, Set.copyOf(quotaStopped), List.copyOf(problems));
        }
    }
}
