package io.kaquan.jobs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.kaquan.tenant.SecretBox;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Not a test (its name keeps it out of the suite): the measuring end of {@code bench/scheduler-scale}. BENCH_TENANTS
 * sandbox accounts with BENCH_CARDS cards each, written in bulk with SQL (the sandbox's cards copied from one card made
 * through the API, the tenants and their card mirrors beside them; one card in twenty has another status in the mirror
 * than in WeChat: "changed"), then one full cycle of the card status sync and two of the statistics sync (the first
 * backfills, the second is the steady state), tenant after tenant as one node's dispatcher runs them. Reports each
 * cycle's wall time and upstream calls (the jobs' own count, and the sandbox's count per API), against the bound
 * Σ ⌈n_s/50⌉ + changed cards per tenant for the status sync. Asserts nothing about time.
 */
@QuarkusTest
class SchedulerScaleBench {

    /**
     * How the sandbox's cards of every account spread over the statuses, by card number modulo 10 (the sandbox spells
     * them as WeChat does, CARD_STATUS_…).
     */
    private static final String SANDBOX_STATUS = """
            'CARD_STATUS_' || case when i % 10 < 6 then 'VERIFY_OK' when i % 10 < 8 then 'DISPATCH'
                when i % 10 = 8 then 'NOT_VERIFY' else 'VERIFY_FAIL' end""";

    /** The statuses card-status lists (kaquan.jobs.card-status.statuses' default). */
    private static final List<String> LISTED = List.of("NOT_VERIFY", "VERIFY_FAIL", "VERIFY_OK", "DISPATCH");

    @Inject
    TenantJobs jobs;

    @Inject
    EntityManager em;

    @Inject
    SecretBox secretBox;

    @Test
    void measure() throws Exception {
        int tenants = Integer.getInteger("kaquan.bench.tenants", 1_000);
        int cards = Integer.getInteger("kaquan.bench.cards", 200);
        long seedStarted = System.nanoTime();
        long template = TestTenants.register(Session.login("scale-bench"), "调度 bench");
        String templateCard = TestCards.create(template, "CASH");
        List<Long> ids = seed(tenants, cards, templateCard);
        double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;

        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "scheduler scale bench: %,d sandbox tenants × %,d cards (%,d cards), seeded with SQL in %.1f s; "
                        + "one job run after another, as one node's dispatcher runs them%n",
                tenants, cards,
                (long) tenants * cards, seedSeconds));
        Bound bound = bound();
        out.append(String.format(Locale.ROOT, "  status sync bound: Σ ⌈n_s/50⌉ = %,d batchget pages + %,d changed cards "
                + "= %,d calls; a status without cards still costs one batchget to learn that it is empty (%,d such "
                + "pages), so the least a listing can cost is %,d%n", bound.pages, bound.changed,
                bound.pages
                        + bound.changed,
                bound.emptyPages, bound.pages + bound.emptyPages + bound.changed));
        out.append(cycle("card-status", "card status sync", ids));
        out.append(cycle("stats", "statistics sync, first run (backfills " + 90 + " days)", ids));
        out.append(cycle("stats", "statistics sync, second run (the steady state)", ids));
        Path file = Path.of("target", "bench", "scheduler-scale.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    /** Runs the job for every tenant, one after another; wall time, outcomes and calls by the jobs and the sandbox. */
    private String cycle(String job, String label, List<Long> ids) {
        Map<String, Long> before = sandboxCalls();
        Map<JobOutcome.Result, Integer> results = new EnumMap<>(JobOutcome.Result.class);
        long calls = 0;
        int slowest = 0;
        long started = System.nanoTime();
        for (long tenant : ids) {
            long t0 = System.nanoTime();
            JobOutcome outcome = jobs.runNow(job, tenant, null).orElseThrow();
            slowest = (int) Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
            results.merge(outcome.result(), 1, Integer::sum);
            calls += outcome.calls();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> after = sandboxCalls();
        Map<String, Long> upstream = new LinkedHashMap<>();
        after.forEach((api, n) -> {
            long delta = n - before.getOrDefault(api, 0L);
            if (delta > 0) {
                upstream.put(api, delta);
            }
        });
        return String.format(Locale.ROOT, "  %s: %.1f s wall (%.0f ms per tenant, slowest %d ms); outcomes %s; calls "
                + "counted by the job %,d (%.1f per tenant); seen by the sandbox %s%n", label, seconds,
                seconds * 1000 / ids.size(), slowest, results, calls, calls / (double) ids.size(), upstream);
    }

    /** Today's calls the sandbox counted for the bench's accounts, per API (tokens included). */
    private Map<String, Long> sandboxCalls() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> calls = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select u.api, sum(u.calls) from sbx_api_usage u join sbx_account a on a.id = u.account_id
                    where a.appid like 'wx5cbe%' and u.period = 'DAY' group by u.api order by u.api""").getResultList();
            rows.forEach(row -> calls.put((String) row[0], ((Number) row[1]).longValue()));
            return calls;
        });
    }

    private record Bound(long pages, long emptyPages, long changed) {
    }

    /** The status sync's bound over all bench tenants, from what was seeded. */
    private Bound bound() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                    with per_status as (
                        select a.id, s.status, (select count(*) from sbx_card c where c.account_id = a.id
                            and c.status = 'CARD_STATUS_' || s.status) as n
                        from sbx_account a, unnest(cast(?1 as text[])) as s(status) where a.appid like 'wx5cbe%')
                    select sum(ceil(n / 50.0)), count(*) filter (where n = 0),
                        (select count(*) from card m join tenant t on t.id = m.tenant_id join sbx_card c
                            on c.card_id = m.card_id where t.appid like 'wx5cbe%' and c.status <> 'CARD_STATUS_' || m.status)
                    from per_status""").setParameter(1, LISTED.toArray(String[]::new)).getSingleResult();
            return new Bound(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue());
        });
    }

    /**
     * The bench's accounts in the sandbox and as tenants (appids 'wx5cbe' + 12 digits), each with {@code cards} sandbox
     * cards copied from the template card and their mirror rows; one card in twenty is VERIFY_OK in the sandbox but
     * NOT_VERIFY in the mirror. Returns the tenant ids.
     */
    private List<Long> seed(int tenants, int cards, String templateCard) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into app_user (subject, name, locale) values ('bench', 'bench', 'en') "
                    + "on conflict (subject) do nothing").executeUpdate();
            em.createNativeQuery("""
                    insert into sbx_account (appid, appsecret, original_id, callback_token, encoding_aes_key,
                        message_mode, token_ttl_seconds, owner)
                    select format('wx5cbe%s', lpad(cast(n as text), 12, '0')), 'scalebenchsecret' || n,
                        format('gh_5cbe%s', lpad(cast(n as text), 8, '0')), 'benchToken', repeat('a', 43), 'SAFE', 7200,
                        'bench'
                    from generate_series(1, ?1) as n""").setParameter(1, tenants).executeUpdate();
            em.createNativeQuery("""
                    insert into sbx_card (account_id, card_id, card_type, status, card_json, title, brand_name, quantity,
                        total_quantity, initial_quantity, date_type, begin_at, end_at, source)
                    select a.id, format('psc%s_%s', a.id, i), t.card_type,""" + SANDBOX_STATUS + """
                        , t.card_json, t.title, t.brand_name, 100, 100, 100, t.date_type, t.begin_at, t.end_at, 1
                    from sbx_account a, generate_series(0, ?2 - 1) as i, sbx_card t
                    where a.appid like 'wx5cbe%' and t.card_id = ?1""").setParameter(1, templateCard)
                    .setParameter(2, cards).executeUpdate();
            em.createNativeQuery("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by)
                    select 'scale bench ' || a.id, a.appid, a.original_id, 'SAFE', true, '', '', '',
                        (select id from app_user where subject = 'bench')
                    from sbx_account a where a.appid like 'wx5cbe%'""").executeUpdate();
            // The mirror as the last run left it; every twentieth card changed status in WeChat since.
            em.createNativeQuery("""
                    insert into card (tenant_id, card_id, card_type, title, status, quantity, total_quantity, origin,
                        created_at, refreshed_at)
                    select t.id, c.card_id, c.card_type, c.title,
                        case when cast(split_part(c.card_id, '_', 2) as int) % 20 = 0 then 'NOT_VERIFY'
                            else substring(c.status from 13) end,
                        100, 100, 'DISCOVERED', now(), now()
                    from sbx_card c join sbx_account a on a.id = c.account_id join tenant t on t.appid = a.appid
                    where a.appid like 'wx5cbe%'""").executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "select id, appid from tenant where appid like 'wx5cbe%' order by id").getResultList();
            return rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        });
        // Sealed secrets are bound to the tenant's id, so they are sealed once it has one.
        QuarkusTransaction.requiringNew().run(() -> {
            for (long id : ids) {
                String appid = (String) em.createNativeQuery("select appid from tenant where id = ?1").setParameter(1, id)
                        .getSingleResult();
                em.createNativeQuery("update tenant set appsecret_enc = ?1, callback_token_enc = ?2, aes_key_enc = ?3 "
                        + "where id = ?4")
                        .setParameter(1, secretBox.seal("tenant.appsecret", id,
                                "scalebenchsecret" + Long.parseLong(appid.substring(6))))
                        .setParameter(2, secretBox.seal("tenant.callback-token", id, "benchToken"))
                        .setParameter(3, secretBox.seal("tenant.aes-key", id, "a".repeat(43))).setParameter(4, id)
                        .executeUpdate();
            }
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze").executeUpdate());
        return ids;
    }
}
