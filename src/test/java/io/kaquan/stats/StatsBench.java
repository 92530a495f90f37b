package io.kaquan.stats;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.BenchClient;
import io.kaquan.testing.TestTenants;
import io.kaquan.testing.WarmUp;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Not a test (its name keeps it out of the suite): the measuring end of {@code bench/stats}. One tenant (registered by
 * its signed-in owner) with BENCH_CARDS cards in the mirror and statistics for each of them on BENCH_DAYS days (and the
 * account's days), a neighbour tenant with as many, then times the whole statistics page over HTTP on a kept-alive
 * connection, as a browser fetches it (every query of {@link StatsReport#report}, the chart data and the rendering), for
 * the ranges and cards the page offers. Asserts nothing about time.
 */
@QuarkusTest
class StatsBench {

    @Inject
    EntityManager em;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    StatsReport reports;

    private static final int WARM_UP_ROUNDS = 10;

    /** @param search the card picker's search text (cardq), null for the newest cards */
    record Scenario(String name, StatsReport.Filter filter, String search) {
    }

    @Test
    void measure() throws Exception {
        int cards = setting("cards", 1_000);
        int days = setting("days", 365);
        int runs = setting("runs", 30);
        LocalDate last = LocalDate.now().minusDays(1);
        long started = System.nanoTime();
        io.kaquan.testing.Session owner = io.kaquan.testing.Session.login("stats-bench");
        long tenant = TestTenants.register(owner, "统计 bench"); // a real tenant the signed-in owner may see
        fill(tenant, cards, days, last);
        fill(fill(0, 0, 0, last), cards, days, last); // the neighbour
        // VACUUM as autovacuum does after a bulk insert (PostgreSQL 13+); outside a transaction, as VACUUM must be.
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.Statement vacuum = connection.createStatement()) {
            for (String table : List.of("card", "card_stats_daily", "account_stats_daily")) {
                vacuum.execute("vacuum (analyze) " + table);
            }
        }
        double fillSeconds = (System.nanoTime() - started) / 1e9;
        String someCard = String.format("pstats%d_%d", tenant, cards / 2);
        BenchClient client = new BenchClient(owner); // kept-alive connection, as a browser

        List<Scenario> scenarios = List.of(
                new Scenario("whole account, last 30 days (the default)", filter(null, last.minusDays(29), last), null),
                new Scenario("whole account, " + days + " days", filter(null, last.minusDays(days - 1), last), null),
                new Scenario("one card, last 30 days", filter(someCard, last.minusDays(29), last), null),
                new Scenario("one card, " + days + " days", filter(someCard, last.minusDays(days - 1), last), null),
                new Scenario("one card, 30 days, picker searched '统计券 1'", filter(someCard, last.minusDays(29), last),
                        "统计券 1"));

        // Every path of the page is warmed up first, until the JIT compilers are quiet (see WarmUp).
        WarmUp.Result warmUp = WarmUp.untilTheJitIsQuiet(() -> {
            for (Scenario scenario : scenarios) {
                client.get(page(tenant, scenario));
            }
        }, WARM_UP_ROUNDS);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "stats bench: %d cards × %d days (%,d card-day rows) in the measured tenant and as many in a neighbour, "
                        + "filled, vacuumed and analyzed in %.1f s; %d timed runs per scenario after 3 warm-ups each;%n%s%n%n",
                cards, days, (long) cards * days, fillSeconds, runs, warmUp));
        out.append(String.format(Locale.ROOT, "%-45s %8s %8s %8s   %s%n", "scenario (GET /t/{t}/stats, whole page)",
                "median", "p95", "max", "of which (median): report's queries, card picker's queries"));
        for (Scenario scenario : scenarios) {
            long[] pages = new long[runs];
            long[] queries = new long[runs];
            long[] picker = new long[runs];
            for (int i = -3; i < runs; i++) {
                long t0 = System.nanoTime();
                client.get(page(tenant, scenario));
                long t1 = System.nanoTime();
                QuarkusTransaction.requiringNew().run(() -> reports.report(tenant, scenario.filter()));
                long t2 = System.nanoTime();
                QuarkusTransaction.requiringNew()
                        .run(() -> reports.picker(tenant, scenario.search(), scenario.filter().cardId()));
                long t3 = System.nanoTime();
                if (i >= 0) {
                    pages[i] = t1 - t0;
                    queries[i] = t2 - t1;
                    picker[i] = t3 - t2;
                }
            }
            Arrays.sort(pages);
            Arrays.sort(queries);
            Arrays.sort(picker);
            int p95 = (int) Math.min(runs - 1, Math.ceil(runs * 0.95) - 1);
            out.append(String.format(Locale.ROOT, "%-45s %6.1fms %6.1fms %6.1fms   %6.1fms %6.1fms%n", scenario.name(),
                    pages[runs / 2] / 1e6, pages[p95] / 1e6, pages[runs - 1] / 1e6, queries[runs / 2] / 1e6,
                    picker[runs / 2] / 1e6));
        }
        Path file = Path.of("target", "bench", "stats.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private static StatsReport.Filter filter(String cardId, LocalDate from, LocalDate to) {
        return new StatsReport.Filter(from.toString(), to.toString(), cardId, from, to, Map.of());
    }

    /**
     * Gives the tenant {@code cards} mirror cards, each with statistics on every one of {@code days} days; tenant 0: a
     * new tenant written directly (the neighbour).
     */
    private long fill(long existing, int cards, int days, LocalDate last) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into app_user (subject, name, locale) values ('bench', 'bench', 'en') "
                    + "on conflict (subject) do nothing").executeUpdate();
            long tenant = existing != 0 ? existing
                    : ((Number) em.createNativeQuery("""
                            insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                                callback_token_enc, aes_key_enc, created_by)
                            values ('stats bench', ?1, ?2, 'SAFE', true, 'x', 'x', 'x',
                                (select id from app_user where subject = 'bench'))
                            returning id""").setParameter(1, TestTenants.appid()).setParameter(2, TestTenants.originalId())
                            .getSingleResult()).longValue();
            em.createNativeQuery("""
                    insert into card (tenant_id, card_id, card_type, title, status, quantity, total_quantity, origin,
                        created_at, detail_json)
                    select ?1, format('pstats%s_%s', ?1, i),
                        (array['CASH','DISCOUNT','GROUPON','GIFT','GENERAL_COUPON'])[1 + i % 5],
                        '统计券 ' || i, 'VERIFY_OK', 100, 1000, 'DISCOVERED', now() - make_interval(secs => i),
                        jsonb_build_object('card', jsonb_build_object('base_info', jsonb_build_object('title', '统计券 ' || i,
                            'description', repeat('使用说明', 50))))
                    from generate_series(0, ?2 - 1) as i""").setParameter(1, tenant).setParameter(2, cards)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into card_stats_daily (tenant_id, card_id, day, cond_source, card_type, is_pay, view_cnt,
                        view_user, receive_cnt, receive_user, verify_cnt, verify_user, given_cnt, given_user)
                    select ?1, format('pstats%s_%s', ?1, i), cast(?3 as date) - d, 1, 1, 0, (i + d) % 97, (i + d) % 41,
                        (i * d) % 13, (i * d) % 7, d % 5, d % 3, 0, 0
                    from generate_series(0, ?2 - 1) as i, generate_series(0, ?4 - 1) as d""")
                    .setParameter(1, tenant).setParameter(2, cards).setParameter(3, last).setParameter(4, days)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into account_stats_daily (tenant_id, day, cond_source, view_cnt, view_user, receive_cnt,
                        receive_user, verify_cnt, verify_user)
                    select ?1, cast(?2 as date) - d, s, d * 17, d * 5, d * 3, d * 2, d, d
                    from generate_series(0, ?3 - 1) as d, generate_series(0, 1) as s""")
                    .setParameter(1, tenant).setParameter(2, last).setParameter(3, days).executeUpdate();
            return tenant;
        });
    }

    /** The page's path and query for a scenario. */
    private static String page(long tenant, Scenario scenario) {
        StringBuilder page = new StringBuilder("t/").append(tenant).append("/stats?from=")
                .append(scenario.filter().from()).append("&to=").append(scenario.filter().to());
        if (scenario.filter().cardId() != null) {
            page.append("&card=").append(URLEncoder.encode(scenario.filter().cardId(), StandardCharsets.UTF_8));
        }
        if (scenario.search() != null) {
            page.append("&cardq=").append(URLEncoder.encode(scenario.search(), StandardCharsets.UTF_8));
        }
        return page.toString();
    }

    private static int setting(String name, int fallback) {
        return ConfigProvider.getConfig().getOptionalValue("kaquan.bench." + name, Integer.class).orElse(fallback);
    }
}
