package io.kaquan.card;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Not a test (its name keeps it out of the suite): the measuring end of {@code bench/card-list}. Fills the card mirror
 * with BENCH_CARDS cards for one tenant (and as many for a neighbour tenant, so that the tenant predicate matters),
 * then times the card list's own queries ({@link CardList#page}: count + one page) for the filters the page offers and
 * prints EXPLAIN ANALYZE of each. Asserts nothing about time.
 */
@QuarkusTest
class CardListBench {

    @Inject
    CardList cardList;

    @Inject
    EntityManager em;

    @Inject
    javax.sql.DataSource dataSource;

    record Scenario(String name, CardList.Filter filter) {
    }

    @Test
    void measure() throws Exception {
        int cards = setting("cards", 100_000);
        int runs = setting("runs", 15);
        long started = System.nanoTime();
        long tenant = fill(cards);
        fill(cards); // the neighbour
        // VACUUM as autovacuum does after a bulk insert (PostgreSQL 13+): the visibility map lets the list skip rows
        // in the index alone. Outside a transaction, as VACUUM must be.
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.Statement vacuum = connection.createStatement()) {
            vacuum.execute("vacuum (analyze) card");
            vacuum.execute("vacuum (analyze) card_count");
        }
        double fillSeconds = (System.nanoTime() - started) / 1e9;
        String someCardId = String.format("pbench%d_%022d", tenant, cards / 2);

        List<Scenario> scenarios = List.of(
                new Scenario("first page, newest first", CardList.Filter.of(null, null, null, null, 1)),
                new Scenario("page 1000 (offset 49950)", CardList.Filter.of(null, null, null, null, 1000)),
                new Scenario("last page, oldest first", CardList.Filter.of(null, null, null, "OLDEST", 100_000)),
                new Scenario("status 待审核 (2%)", CardList.Filter.of("NOT_VERIFY", null, null, null, 1)),
                new Scenario("type DISCOUNT, stock lowest first", CardList.Filter.of(null, "DISCOUNT", null, "STOCK_LOW", 1)),
                new Scenario("sorted by title, page 20", CardList.Filter.of(null, null, null, "TITLE", 20)),
                new Scenario("search title '套餐 4242'", CardList.Filter.of(null, null, "套餐 4242", null, 1)),
                new Scenario("search title '代金' (20% match)", CardList.Filter.of(null, null, "代金", null, 1)),
                new Scenario("search card_id exact", CardList.Filter.of(null, null, someCardId, null, 1)),
                new Scenario("status 通过审核 + type CASH + search '券'", CardList.Filter.of("VERIFY_OK", "CASH", "券", null, 3)));

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "card-list bench: %d cards in the measured tenant, %d in a neighbour, "
                + "filled, vacuumed and analyzed in %.1f s; pg_trgm index: %s; %d timed runs per scenario after 3 warm-ups%n%n",
                cards, cards, fillSeconds, trigramIndex() ? "yes" : "no", runs));
        out.append(String.format(Locale.ROOT, "%-45s %8s %8s %8s %8s%n", "scenario (CardList.page: count + page of 50)",
                "rows", "median", "p90", "max"));
        List<String> plans = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            long[] times = new long[runs];
            long total = 0;
            for (int i = -3; i < runs; i++) {
                long t0 = System.nanoTime();
                CardList.Page page = QuarkusTransaction.requiringNew().call(() -> cardList.page(tenant, scenario.filter()));
                long elapsed = System.nanoTime() - t0;
                total = page.total();
                if (i >= 0) {
                    times[i] = elapsed;
                }
            }
            Arrays.sort(times);
            out.append(String.format(Locale.ROOT, "%-45s %8d %6.1fms %6.1fms %6.1fms%n", scenario.name(), total,
                    times[runs / 2] / 1e6, times[(int) Math.min(runs - 1, Math.ceil(runs * 0.9) - 1)] / 1e6,
                    times[runs - 1] / 1e6));
            plans.add(explain(scenario, tenant));
        }
        out.append("\nEXPLAIN (ANALYZE, BUFFERS) of each scenario's page query and count query:\n");
        plans.forEach(out::append);
        Path file = Path.of("target", "bench", "card-list.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    /** A tenant with {@code cards} mirror rows: five types, mostly approved, titles with numbers, stock varying. */
    private long fill(int cards) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into app_user (subject, name, locale) values ('bench', 'bench', 'en') "
                    + "on conflict (subject) do nothing").executeUpdate();
            long tenant = ((Number) em.createNativeQuery("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by)
                    values ('card-list bench', ?1, ?2, 'SAFE', true, 'x', 'x', 'x',
                        (select id from app_user where subject = 'bench'))
                    returning id""").setParameter(1, TestTenants.appid()).setParameter(2, TestTenants.originalId())
                    .getSingleResult()).longValue();
            em.createNativeQuery("""
                    insert into card (tenant_id, card_id, card_type, title, brand_name, color, status, quantity,
                        total_quantity, origin, created_at, refreshed_at, status_changed_at)
                    select ?1, format('pbench%s_%s', ?1, lpad(i::text, 22, '0')),
                        (array['CASH','DISCOUNT','GROUPON','GIFT','GENERAL_COUPON'])[1 + i % 5],
                        (array['代金券 ','折扣券 ','双人套餐 ','礼品兑换 ','通用优惠券 '])[1 + i % 5] || i,
                        '测试品牌', '#63b359',
                        case when i % 50 = 0 then 'NOT_VERIFY' when i % 50 = 1 then 'VERIFY_FAIL'
                             when i % 50 = 2 then 'DELETE' else 'VERIFY_OK' end,
                        (i * 7919) % 10000, 10000, 'DISCOVERED',
                        now() - make_interval(secs => i), now(), now()
                    from generate_series(0, ?2 - 1) as i""").setParameter(1, tenant).setParameter(2, cards)
                    .executeUpdate();
            return tenant;
        });
    }

    private boolean trigramIndex() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from pg_indexes where indexname = 'card_title_trgm_idx'").getSingleResult())
                .intValue() == 1);
    }

    @SuppressWarnings("unchecked")
    private String explain(Scenario scenario, long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CardList.Statement statement = cardList.statement(tenant, scenario.filter());
            StringBuilder plan = new StringBuilder("\n== ").append(scenario.name()).append('\n');
            String count = scenario.filter().search().isEmpty() ? statement.count()
                    : statement.count(CardList.SEARCH_COUNT_CAP);
            long total = ((Number) statement.bind(em.createNativeQuery(count)).getSingleResult()).longValue();
            total = scenario.filter().search().isEmpty() ? total : Math.min(CardList.SEARCH_COUNT_CAP, total);
            int size = 50;
            int pages = (int) Math.max(1, (total + size - 1) / size);
            int page = Math.min(scenario.filter().page(), pages);
            for (String sql : List.of(statement.select(size, (long) (page - 1) * size,
                    scenario.filter().search().isEmpty() || total < CardList.SEARCH_COUNT_CAP ? total : -1), count)) {
                plan.append("-- ").append(sql).append('\n');
                for (Object line : statement.bind(em.createNativeQuery("explain (analyze, buffers) " + sql))
                        .getResultList()) {
                    plan.append("   ").append(line).append('\n');
                }
            }
            return plan.toString();
        });
    }

    private static int setting(String name, int fallback) {
        return ConfigProvider.getConfig().getOptionalValue("kaquan.bench." + name, Integer.class).orElse(fallback);
    }
}
