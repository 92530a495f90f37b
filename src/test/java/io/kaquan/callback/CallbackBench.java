package io.kaquan.callback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.kaquan.tenant.SecretBox;
import io.kaquan.testing.TestTenants;
import io.kaquan.testing.WarmUp;
import io.kaquan.wechat.CallbackCrypto;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Not a test (its name keeps it out of the suite): the measuring end of {@code bench/callback}. A safe-mode tenant
 * receives distinct encrypted, signed pushes (so every one is decrypted, parsed and stored in the inbox) from a
 * closed loop of client threads over loopback; in the same run the same load goes to the bare endpoint, which only
 * reads the body and answers "success". Requests are prepared before each phase, so the client's own crypto is not
 * in the figures. The bare endpoint gets {@code kaquan.bench.requests} pushes; the inbox gets a burst of {@code
 * kaquan.bench.burst-seconds} (pushes prepared for up to {@code kaquan.bench.max-rate} per second), during which the
 * processor applies what is stored, so that the figure includes a processor keeping up (or not): the backlog is
 * sampled every second from the start of the burst until it is drained. Reports requests per second and latency
 * percentiles of both, and the backlog curve. It asserts nothing about time.
 */
@QuarkusTest
class CallbackBench {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN = "benchToken";

    @Inject
    EntityManager em;

    @Inject
    SecretBox secretBox;

    record Push(String query, byte[] body) {
    }

    record Phase(String name, int requests, double seconds, long[] nanos, int failures, boolean ranOut) {
        double perSecond() {
            return requests / seconds;
        }
    }

    @Test
    void measure() throws Exception {
        int requests = setting("requests", 20000);
        int warmup = setting("warmup", 2000);
        int burstSeconds = setting("burst-seconds", 60);
        int maxRate = setting("max-rate", 4000);
        List<Integer> connections = Arrays.stream(ConfigProvider.getConfig()
                .getOptionalValue("kaquan.bench.connections", String.class).orElse("8,32").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        String aesKey = TestTenants.hex(43);
        String appid = TestTenants.appid();
        String originalId = TestTenants.originalId();
        long tenantId = tenant(appid, originalId, aesKey);
        URI base = URI.create(ConfigProvider.getConfig().getValue("test.url", String.class));
        URI bareEndpoint = base.resolve("/wechat/callback/bare");
        URI inboxEndpoint = base.resolve("/wechat/callback");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger serial = new AtomicInteger();

        // Warm both paths up (JIT, connection pools) until the JIT compilers are quiet (a bare phase measured while they
        // still compiled the inbox's code ran at a third of its rate), then measure the bare endpoint and the inbox in
        // turn.
        int warmThreads = connections.get(connections.size() - 1);
        WarmUp.Result warmUp = WarmUp.untilTheJitIsQuiet(() -> {
            run("warm-up bare", http, bareEndpoint, pushes(warmup, appid, originalId, aesKey, serial), warmThreads, 0);
            run("warm-up inbox", http, inboxEndpoint, pushes(warmup, appid, originalId, aesKey, serial), warmThreads,
                    0);
        }, 1);
        long expected = stored(tenantId); // what was stored: a push answered 503 was not (WeChat would retry it)
        awaitProcessed(tenantId, expected, Duration.ofMinutes(5));

        List<Phase[]> pairs = new ArrayList<>();
        List<String> backlogs = new ArrayList<>();
        List<Double> drains = new ArrayList<>();
        List<String> rates = new ArrayList<>();
        long storedByPhases = 0;
        for (int threads : connections) {
            Phase bare = run("bare", http, bareEndpoint, pushes(requests, appid, originalId, aesKey, serial), threads,
                    0);
            List<Push> inboxLoad = pushes(burstSeconds * maxRate, appid, originalId, aesKey, serial);
            long storedBefore = stored(tenantId);
            BacklogCurve curve = new BacklogCurve(tenantId);
            Phase inbox = run("inbox", http, inboxEndpoint, inboxLoad, threads, burstSeconds);
            inboxLoad = null; // the unsent rest is garbage now
            long storedByPhase = stored(tenantId) - storedBefore;
            long backlogAtEnd = backlog(tenantId);
            rates.add(String.format("stored %,.0f/s, applied %,.0f/s, backlog %,d at its end", storedByPhase
                    / inbox.seconds(), (storedByPhase - backlogAtEnd) / inbox.seconds(), backlogAtEnd));
            storedByPhases += storedByPhase;
            expected += storedByPhase;
            long began = System.nanoTime();
            awaitProcessed(tenantId, expected, Duration.ofMinutes(10));
            drains.add((System.nanoTime() - began) / 1e9);
            backlogs.add(curve.stop());
            pairs.add(new Phase[] { bare, inbox });
        }

        StringBuilder report = new StringBuilder();
        report.append("Callback bench (").append(Instant.now()).append(")\n");
        report.append(String.format("  setup: one SAFE-mode tenant, %,d pushes to the bare endpoint, then a %d s burst "
                + "of distinct encrypted pushes to the inbox (user_view_card, ~%d bytes each) while the processor "
                + "applies them, N client threads (= connections) in a closed loop over loopback (JDK HttpClient, "
                + "HTTP/1.1), %,d warm-up requests per endpoint and round; %d CPU cores shared by client, server, "
                + "processor and PostgreSQL%n  %s%n", requests, burstSeconds,
                pushes(1, appid, originalId, aesKey, serial).get(0)
                        .body().length,
                warmup, Runtime.getRuntime().availableProcessors(), warmUp));
        report.append("  database: ").append(databaseSettings()).append("\n");
        report.append(String.format("  %-11s | %-13s | %-13s | %-5s | %-17s | %-17s | %s%n", "connections",
                "bare req/s", "inbox req/s", "ratio", "inbox p50 / p99", "bare p50 / p99", "not \"success\""));
        for (int i = 0; i < pairs.size(); i++) {
            Phase bare = pairs.get(i)[0];
            Phase inbox = pairs.get(i)[1];
            report.append(String.format("  %-11d | %,13.0f | %,13.0f | %4.0f%% | %-17s | %-17s | %d / %d%n",
                    connections.get(i), bare.perSecond(), inbox.perSecond(), 100 * inbox.perSecond() / bare.perSecond(),
                    ms(inbox.nanos(), 0.50) + " / " + ms(inbox.nanos(), 0.99),
                    ms(bare.nanos(), 0.50) + " / " + ms(bare.nanos(), 0.99), bare.failures(), inbox.failures()));
        }
        long sent = pairs.stream().mapToLong(pair -> pair[1].requests() - pair[1].failures()).sum();
        report.append(String.format("  inbox: %,d new events stored by the measured bursts (%,d pushes answered "
                + "\"success\"), %,d applied in the end%n", storedByPhases, sent, processed(tenantId)));
        for (int i = 0; i < pairs.size(); i++) {
            Phase inbox = pairs.get(i)[1];
            report.append(String.format("  backlog (received, not yet applied) each second from the start of the %d-"
                    + "connection burst (%.1f s%s; %s) until drained (%.1f s after it): %s%n", connections.get(i),
                    inbox.seconds(), inbox.ranOut() ? ", ended early: the prepared pushes ran out, raise BENCH_MAX_RATE"
                            : "",
                    rates.get(i), drains.get(i), backlogs.get(i)));
        }
        Path out = Path.of("target", "bench", "callback.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    /** Samples the tenant's unapplied events once a second on a thread of its own, until stopped. */
    private final class BacklogCurve {
        private final List<Long> samples = Collections.synchronizedList(new ArrayList<>());
        private final ScheduledExecutorService sampler = Executors
                .newSingleThreadScheduledExecutor();

        BacklogCurve(long tenantId) {
            sampler.scheduleAtFixedRate(() -> samples.add(backlog(tenantId)), 0, 1, TimeUnit.SECONDS);
        }

        String stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
            return samples.toString();
        }
    }

    private String databaseSettings() {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder settings = new StringBuilder();
            for (String name : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes")) {
                settings.append(name).append('=').append(em.createNativeQuery("show " + name).getSingleResult())
                        .append(' ');
            }
            return settings.toString().trim();
        });
    }

    /** Sends the load, or as much of it as fits into {@code seconds} when that is above 0. */
    private Phase run(String name, HttpClient http, URI endpoint, List<Push> load, int threads, int seconds)
            throws Exception {
        long deadline = seconds > 0 ? System.nanoTime() + seconds * 1_000_000_000L : Long.MAX_VALUE;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long[] nanos = new long[load.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long began = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < load.size()
                        && System.nanoTime() < deadline; i = next.getAndIncrement()) {
                    Push push = load.get(i);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?" + push.query()))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(push.body())).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || !"success".equals(response.body())) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    nanos[i] = System.nanoTime() - start;
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(30, TimeUnit.MINUTES);
        }
        double took = (System.nanoTime() - began) / 1e9;
        pool.shutdownNow();
        long[] measured = Arrays.stream(nanos).filter(n -> n > 0).sorted().toArray(); // those sent before the deadline
        return new Phase(name, measured.length, took, measured, failures.get(),
                seconds > 0 && measured.length == load.size());
    }

    /** Distinct pushes as WeChat sends them in safe mode: every one a new event (FromUserName and code differ). */
    private static List<Push> pushes(int count, String appid, String originalId, String aesKey, AtomicInteger serial)
            throws Exception {
        List<Push> pushes = new ArrayList<>(count);
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < count; i++) {
            int n = serial.incrementAndGet();
            String xml = "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName>\n<FromUserName><![CDATA[oBench"
                    + String.format("%022d", n) + "]]></FromUserName>\n<CreateTime>" + now + "</CreateTime>\n"
                    + "<MsgType><![CDATA[event]]></MsgType>\n<Event><![CDATA[user_view_card]]></Event>\n"
                    + "<CardId><![CDATA[pBenchCard" + String.format("%018d", n % 100) + "]]></CardId>\n"
                    + "<UserCardCode><![CDATA[" + String.format("%012d", n) + "]]></UserCardCode>\n"
                    + "<OuterStr><![CDATA[bench]]></OuterStr>\n</xml>";
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            String encrypt = CallbackCrypto.encrypt(aesKey, appid, xml, random);
            String timestamp = Long.toString(now);
            String nonce = Integer.toString(RANDOM.nextInt(1_000_000_000));
            String query = "signature=" + CallbackCrypto.signature(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp
                    + "&nonce=" + nonce + "&openid=oBench" + n + "&encrypt_type=aes&msg_signature="
                    + CallbackCrypto.signature(TOKEN, timestamp, nonce, encrypt);
            String body = "<xml>\n    <ToUserName><![CDATA[" + originalId + "]]></ToUserName>\n    <Encrypt><![CDATA["
                    + encrypt + "]]></Encrypt>\n</xml>\n";
            pushes.add(new Push(query, body.getBytes(StandardCharsets.UTF_8)));
        }
        return pushes;
    }

    /** A safe-mode tenant with a known token and key, written directly (the bench runs without a login provider). */
    private long tenant(String appid, String originalId, String aesKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into app_user (subject, name, locale) values ('bench', 'bench', 'en') "
                    + "on conflict (subject) do nothing").executeUpdate();
            Number id = (Number) em.createNativeQuery("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by, callback_verified_at)
                    values (?1, ?2, ?3, 'SAFE', true, ?4, ?5, ?6, (select id from app_user where subject = 'bench'), now())
                    returning id""")
                    .setParameter(1, "callback bench").setParameter(2, appid).setParameter(3, originalId)
                    .setParameter(4, "").setParameter(5, "").setParameter(6, "").getSingleResult();
            long tenantId = id.longValue(); // sealed values are bound to the tenant's id: sealed once it has one
            em.createNativeQuery("update tenant set appsecret_enc = ?1, callback_token_enc = ?2, aes_key_enc = ?3 "
                    + "where id = ?4")
                    .setParameter(1, secretBox.seal("tenant.appsecret", tenantId, TestTenants.hex(32)))
                    .setParameter(2, secretBox.seal("tenant.callback-token", tenantId, TOKEN))
                    .setParameter(3, secretBox.seal("tenant.aes-key", tenantId, aesKey))
                    .setParameter(4, tenantId).executeUpdate();
            return tenantId;
        });
    }

    private long stored(long tenantId) {
        return count("select count(*) from wechat_event where tenant_id = ?1", tenantId);
    }

    private long backlog(long tenantId) {
        return count("select count(*) from wechat_event where tenant_id = ?1 and status in ('RECEIVED', 'FAILED')",
                tenantId);
    }

    private long processed(long tenantId) {
        return count("select count(*) from wechat_event where tenant_id = ?1 and status = 'PROCESSED'", tenantId);
    }

    private long count(String sql, long tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenantId).getSingleResult()).longValue());
    }

    private void awaitProcessed(long tenantId, long expected, Duration limit) {
        Awaitility.await(expected + " events processed").atMost(limit).pollInterval(Duration.ofMillis(200))
                .until(() -> processed(tenantId) >= expected);
    }

    private static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.2f ms", sorted[Math.max(0, index)] / 1e6);
    }

    private static int setting(String name, int otherwise) {
        return ConfigProvider.getConfig().getOptionalValue("kaquan.bench." + name, Integer.class).orElse(otherwise);
    }
}
