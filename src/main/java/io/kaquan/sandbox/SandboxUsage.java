package io.kaquan.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Call counters per account, API and period, shared by all nodes through the database: daily quotas (45009, reset
 * at 00:00 Asia/Shanghai) and per-minute limits (45011). Each check-and-count is one atomic upsert, so concurrent
 * calls on several nodes never overrun a limit.
 */
@ApplicationScoped
public class SandboxUsage {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String TOKEN_API = "/cgi-bin/token";
    public static final String STABLE_TOKEN_API = "/cgi-bin/stable_token";
    /** The forced stable_token refreshes, counted apart (20 a day). */
    public static final String FORCED_REFRESH = "/cgi-bin/stable_token#force_refresh";

    /** WeChat's documented limits; other APIs get kaquan.sandbox.default-daily-quota and no minute limit. */
    private static final Map<String, Integer> MINUTE_DEFAULTS = Map.of(STABLE_TOKEN_API, 10_000);

    /** The limits in force for one API of one account. */
    public record Limits(int daily, Integer perMinute) {
    }

    /** One counted API of today, for the console. */
    public record Today(String api, int calls, int daily) {
    }

    @Inject
    EntityManager em;

    @Inject
    SandboxConfig config;

    public Limits limits(Long accountId, String api) {
        int daily = switch (api) {
            case TOKEN_API -> config.tokenDailyQuota();
            case STABLE_TOKEN_API -> 500_000;
            case FORCED_REFRESH -> config.forcedRefreshesPerDay();
            default -> config.defaultDailyQuota();
        };
        Integer perMinute = MINUTE_DEFAULTS.get(api);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select daily_limit, minute_limit from sbx_api_limit where account_id = ?1 and api = ?2")
                .setParameter(1, accountId).setParameter(2, api).getResultList();
        if (!rows.isEmpty()) {
            Object[] row = rows.get(0);
            if (row[0] != null) {
                daily = ((Number) row[0]).intValue();
            }
            if (row[1] != null) {
                perMinute = ((Number) row[1]).intValue();
            }
        }
        return new Limits(daily, perMinute);
    }

    /** Counts one call, in a transaction of its own; 45009 or 45011 (uncounted) when a limit is reached. */
    public void count(Long accountId, String api) {
        QuarkusTransaction.requiringNew().run(() -> countInTransaction(accountId, api, true));
    }

    /** Counts against the API's limits only, not the call budget (a second counter of the same call). */
    public void countExtra(Long accountId, String api) {
        QuarkusTransaction.requiringNew().run(() -> countInTransaction(accountId, api, false));
    }

    void countInTransaction(Long accountId, String api, boolean budget) {
        Instant now = Instant.now();
        if (budget) {
            spendBudget(accountId);
        }
        Limits limits = limits(accountId, api);
        if (limits.perMinute() != null && !increment(accountId, api, "MINUTE", now.truncatedTo(ChronoUnit.MINUTES),
                limits.perMinute())) {
            throw new WeChatError(45011);
        }
        if (!increment(accountId, api, "DAY", dayStart(now), limits.daily())) {
            throw dailyQuotaReached(api);
        }
    }

    /** The call budget fault: 45009 once it is spent. */
    private void spendBudget(Long accountId) {
        int spent = em.createNativeQuery("update sbx_account set fault_call_budget = fault_call_budget - 1 "
                + "where id = ?1 and fault_call_budget > 0").setParameter(1, accountId).executeUpdate();
        if (spent == 0) {
            Number budget = (Number) em.createNativeQuery("select fault_call_budget from sbx_account where id = ?1")
                    .setParameter(1, accountId).getSingleResult();
            if (budget != null) {
                throw new WeChatError(45009);
            }
        }
    }

    /** WeChat's 45009 text on the token endpoint points to stable_token. */
    static WeChatError dailyQuotaReached(String api) {
        if (api.equals(TOKEN_API)) {
            return new WeChatError(45009, "reach max api daily quota limit, could get access_token by "
                    + "getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r");
        }
        return new WeChatError(45009);
    }

    /** Adds one call unless the bucket is full; false when full. */
    private boolean increment(Long accountId, String api, String period, Instant start, int limit) {
        if (limit <= 0) {
            return false;
        }
        List<?> counted = em.createNativeQuery("insert into sbx_api_usage (account_id, api, period, period_start, calls) "
                + "values (?1, ?2, ?3, ?4, 1) on conflict (account_id, api, period, period_start) "
                + "do update set calls = sbx_api_usage.calls + 1 where sbx_api_usage.calls < ?5 returning calls")
                .setParameter(1, accountId).setParameter(2, api).setParameter(3, period).setParameter(4, start)
                .setParameter(5, limit).getResultList();
        return !counted.isEmpty();
    }

    /** Calls of today per API, for the console. */
    public List<Today> today(Long accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select api, calls from sbx_api_usage where account_id = ?1 "
                + "and period = 'DAY' and period_start = ?2 order by api").setParameter(1, accountId)
                .setParameter(2, dayStart(Instant.now())).getResultList();
        return rows.stream().map(r -> {
            String api = (String) r[0];
            return new Today(api, ((Number) r[1]).intValue(), limits(accountId, api).daily());
        }).toList();
    }

    /** Sets (or with both null, removes) an account's limits for one API. */
    public void setLimits(Long accountId, String api, Integer daily, Integer perMinute) {
        if (daily == null && perMinute == null) {
            em.createNativeQuery("delete from sbx_api_limit where account_id = ?1 and api = ?2")
                    .setParameter(1, accountId).setParameter(2, api).executeUpdate();
            return;
        }
        em.createNativeQuery("insert into sbx_api_limit (account_id, api, daily_limit, minute_limit) "
                + "values (?1, ?2, cast(?3 as integer), cast(?4 as integer)) on conflict (account_id, api) "
                + "do update set daily_limit = excluded.daily_limit, minute_limit = excluded.minute_limit")
                .setParameter(1, accountId).setParameter(2, api).setParameter(3, daily).setParameter(4, perMinute)
                .executeUpdate();
    }

    /** Forgets today's counts of every API of the account (WeChat's clear_quota); forced refreshes stay counted. */
    public void clearToday(Long accountId) {
        em.createNativeQuery("delete from sbx_api_usage where account_id = ?1 and period in ('DAY', 'MINUTE') "
                + "and period_start >= ?2 and api not like '%#%'").setParameter(1, accountId)
                .setParameter(2, dayStart(Instant.now()))
                .executeUpdate();
    }

    /** Counts one use of something limited per calendar month (clear_quota: 10 a month); false when used up. */
    public boolean countThisMonth(Long accountId, String what, int limit) {
        Instant now = Instant.now();
        Instant monthStart = LocalDate.ofInstant(now, SHANGHAI).withDayOfMonth(1).atStartOfDay(SHANGHAI).toInstant();
        return increment(accountId, what, "MONTH", monthStart, limit);
    }

    /** Calls counted today for one API. */
    public int usedToday(Long accountId, String api) {
        List<?> rows = em.createNativeQuery("select calls from sbx_api_usage where account_id = ?1 and api = ?2 "
                + "and period = 'DAY' and period_start = ?3").setParameter(1, accountId).setParameter(2, api)
                .setParameter(3, dayStart(Instant.now())).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    /** Minute buckets are only needed for the current minute. */
    public void forgetOldMinutes() {
        em.createNativeQuery("delete from sbx_api_usage where period = 'MINUTE' and period_start < ?1")
                .setParameter(1, Instant.now().minus(1, ChronoUnit.HOURS)).executeUpdate();
    }

    public static Instant dayStart(Instant now) {
        return LocalDate.ofInstant(now, SHANGHAI).atStartOfDay(SHANGHAI).toInstant();
    }
}
