package io.kaquan.overview;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Not a test (its name keeps it out of the suite): the measuring end of {@code bench/accounts}. One agency user with
 * BENCH_TENANTS accounts, each with BENCH_CARDS cards (2% in review, 2% refused, some low on stock), codes received and
 * redeemed today and earlier, tags and some failing sync runs; then times {@link AccountsOverview#view} — what
 * {@code /accounts} runs — for the orders and filters the page offers. Asserts nothing about time.
 */
@QuarkusTest
class AccountsOverviewBench {

    @Inject
    AccountsOverview overview;

    @Inject
    EntityManager em;

    record Scenario(String name, AccountsOverview.Query query) {
    }

    @Test
    void measure() throws Exception {
        int tenants = setting("tenants", 1000);
        int cards = setting("cards", 200);
        int runs = setting("runs", 15);
        long started = System.nanoTime();
        long user = fill(tenants, cards);
        double fillSeconds = (System.nanoTime() - started) / 1e9;

        List<Scenario> scenarios = List.of(
                new Scenario("needs a look first, page 1", new AccountsOverview.Query("", "", null, 1)),
                new Scenario("by name, page 20 (last)", new AccountsOverview.Query("", "", AccountsOverview.Sort.NAME, 20)),
                new Scenario("most received today", new AccountsOverview.Query("", "", AccountsOverview.Sort.RECEIVED, 1)),
                new Scenario("search '客户 7' (name)", new AccountsOverview.Query("客户 7", "", null, 1)),
                new Scenario("tag '客户甲3' (1 in 10)", new AccountsOverview.Query("", "客户甲3", null, 1)),
                new Scenario("search an appid", new AccountsOverview.Query("wxbench0000000500", "", null, 1)));

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "accounts bench: one user with %d accounts × %d cards (%d cards, %d codes),"
                + " filled and analyzed in %.1f s; %d timed runs per scenario after 3 warm-ups%n%n", tenants, cards,
                (long) tenants * cards, count("select count(*) from card_code"), fillSeconds, runs));
        out.append(String.format(Locale.ROOT, "%-40s %8s %8s %8s %8s%n", "scenario (AccountsOverview.view)", "matching",
                "median", "p95", "max"));
        for (Scenario scenario : scenarios) {
            long[] times = new long[runs];
            int matching = 0;
            for (int i = -3; i < runs; i++) {
                long t0 = System.nanoTime();
                AccountsOverview.View view = QuarkusTransaction.requiringNew()
                        .call(() -> overview.view(user, scenario.query()));
                long elapsed = System.nanoTime() - t0;
                matching = view.matching();
                if (i >= 0) {
                    times[i] = elapsed;
                }
            }
            Arrays.sort(times);
            out.append(String.format(Locale.ROOT, "%-40s %8d %6.1fms %6.1fms %6.1fms%n", scenario.name(), matching,
                    times[runs / 2] / 1e6, times[(int) Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)] / 1e6,
                    times[runs - 1] / 1e6));
        }
        Path file = Path.of("target", "bench", "accounts.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    /** The agency user and their accounts, all in set-based inserts. */
    private long fill(int tenants, int cards) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long user = ((Number) em.createNativeQuery("insert into app_user (subject, name, locale) "
                    + "values ('accounts-bench', 'accounts-bench', 'zh-CN') returning id").getSingleResult()).longValue();
            em.createNativeQuery("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by)
                    select '客户 ' || i || ' 的门店', format('wxbench%s', lpad(i::text, 10, '0')),
                        format('gh_bench%s', lpad(i::text, 7, '0')), 'SAFE', true, 'x', 'x', 'x', ?1
                    from generate_series(1, ?2) as i""").setParameter(1, user).setParameter(2, tenants).executeUpdate();
            em.createNativeQuery("""
                    insert into membership (tenant_id, user_id, role)
                    select id, ?1, 'OWNER' from tenant where created_by = ?1""").setParameter(1, user).executeUpdate();
            em.createNativeQuery("""
                    insert into tenant_tag (tenant_id, tag)
                    select id, '客户甲' || (id % 10) from tenant where created_by = ?1""").setParameter(1, user)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into card (tenant_id, card_id, card_type, title, status, quantity, total_quantity, origin,
                        created_at)
                    select t.id, format('pb%s_%s', t.id, i), 'CASH', '代金券 ' || i,
                        case when i % 50 = 0 then 'NOT_VERIFY' when i % 50 = 1 then 'VERIFY_FAIL' else 'VERIFY_OK' end,
                        (i * 7919) % 1000, 1000, 'DISCOVERED', now() - make_interval(secs => i)
                    from tenant t, generate_series(0, ?2 - 1) as i where t.created_by = ?1""")
                    .setParameter(1, user).setParameter(2, cards).executeUpdate();
            // Ten codes per card: received over the last ten days, a third of them redeemed.
            em.createNativeQuery("""
                    insert into card_code (tenant_id, card_id, code, openid, status, updated_at, received_at,
                        consumed_at)
                    select c.tenant_id, c.card_id, format('%s%s', c.id, j), 'o' || j,
                        case when j % 3 = 0 then 'CONSUMED' else 'NORMAL' end, now(),
                        now() - make_interval(days => j), case when j % 3 = 0 then now() - make_interval(days => j) end
                    from card c, generate_series(0, 9) as j
                    where c.tenant_id in (select id from tenant where created_by = ?1)""").setParameter(1, user)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into sync_run (job, tenant_id, due_at, started_at, finished_at, result, calls, node)
                    select 'card-status', t.id, now() - make_interval(hours => h), now() - make_interval(hours => h),
                        now() - make_interval(hours => h), case when t.id % 20 = 0 and h = 0 then 'FAILED' else 'OK' end,
                        3, 'bench'
                    from tenant t, generate_series(0, 23) as h where t.created_by = ?1""").setParameter(1, user)
                    .executeUpdate();
            for (String table : List.of("tenant", "membership", "tenant_tag", "card", "card_code", "sync_run")) {
                em.createNativeQuery("analyze " + table).executeUpdate();
            }
            return user;
        });
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static int setting(String name, int fallback) {
        return ConfigProvider.getConfig().getOptionalValue("kaquan.bench." + name, Integer.class).orElse(fallback);
    }
}
