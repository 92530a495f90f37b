package io.kaquan.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two packaged app instances ({@code java -jar target/quarkus-app/quarkus-run.jar}, prod profile) on ONE PostgreSQL,
 * with fast test schedules: every firing of the clustered jobs ran exactly once, on one node or the other, and the runs
 * of one (job, tenant) never overlap in time.
 * A plain JUnit test run by failsafe (no Quarkus test app of its own).
 */
class ClusteredJobsIT {

    static final Duration RUN_FOR = Duration.ofSeconds(45);

    static EmbeddedPostgres postgres;
    static final List<Process> nodes = new ArrayList<>();

    @BeforeAll
    static void startDatabase() throws IOException {
        Path base = Path.of("target", "cluster-it-postgres").toAbsolutePath();
        Files.createDirectories(base);
        postgres = EmbeddedPostgres.builder().setDataDirectory(base.resolve("data"))
                .setOverrideWorkingDirectory(base.resolve("bin").toFile()).setCleanDataDirectory(true)
                .setServerConfig("unix_socket_directories", "").setServerConfig("fsync", "off").start();
    }

    @AfterAll
    static void stopAll() throws Exception {
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            if (!node.waitFor(20, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachFiringRunsOnceWhateverTheNumberOfNodes() throws Exception {
        // Both at once on a fresh database, as a rolling start of a deployment would: Quartz registers each @Scheduled
        // job by check-then-insert, so the nodes take turns for that moment (SchedulerStartTurn); without it one of them
        // could fail to start with ObjectAlreadyExistsException. The tenants come once the schema is there.
        int portA = freePort();
        int portB = freePort();
        Process a = start("node-a", portA);
        Process b = start("node-b", portB);
        awaitReady(a, portA);
        awaitReady(b, portB);
        long tenant = insertTenantThatIsSkipped();
        long working = insertTenantThatWorks(portA);
        try (Connection db = connection();
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from qrtz_scheduler_state")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "both nodes joined the cluster");
        }

        // Until enough firings were recorded (or RUN_FOR has passed): both nodes compete for every one of them.
        try {
            Awaitility.await().atMost(RUN_FOR).pollInterval(Duration.ofMillis(500))
                    .until(() -> count("job = 'tokens'") >= 10
                            && count("job = 'card-status' and tenant_id = " + tenant) >= 5
                            && count("job = 'card-status' and tenant_id = " + working + " and finished_at is not null") >= 4);
        } catch (ConditionTimeoutException e) {
            // the assertions below say which firings are missing
        }
        Instant stopping = Instant.now();
        for (Process node : List.of(a, b)) {
            node.destroy(); // graceful: runs under way finish
            assertTrue(node.waitFor(30, TimeUnit.SECONDS));
        }

        try (Connection db = connection(); Statement st = db.createStatement()) {
            // The token sweep: one run per Quartz fire time (due_at = the scheduled fire time).
            ResultSet sweeps = st.executeQuery("""
                    select count(*), count(distinct due_at), count(distinct node), count(*) filter (where finished_at is null)
                    from sync_run where job = 'tokens'""");
            sweeps.next();
            int runs = sweeps.getInt(1);
            System.out.printf("token sweeps: %d runs, %d fire times, %d nodes%n", runs, sweeps.getInt(2),
                    sweeps.getInt(3));
            assertTrue(runs >= 10, "fires every second: " + runs);
            assertEquals(runs, sweeps.getInt(2), "no fire time ran twice");
            assertEquals(0, sweeps.getInt(4), "every run finished");

            // The tenant job: one run per due time of the tenant.
            ResultSet tenantRuns = st.executeQuery("""
                    select count(*), count(distinct due_at), count(distinct node), min(result), max(result)
                    from sync_run where job = 'card-status' and tenant_id = %d""".formatted(tenant));
            tenantRuns.next();
            int tenantCount = tenantRuns.getInt(1);
            System.out.printf("card-status: %d runs, %d due times, %d nodes%n", tenantCount, tenantRuns.getInt(2),
                    tenantRuns.getInt(3));
            assertTrue(tenantCount >= 5, "due every 2 s: " + tenantCount);
            assertEquals(tenantCount, tenantRuns.getInt(2), "no due time ran twice");
            assertEquals("SKIPPED", tenantRuns.getString(4), "credential problem: skipped without calling WeChat");
            assertEquals("SKIPPED", tenantRuns.getString(5));

            assertEquals(tenantCount, oneAtATime(st, tenant));

            // The tenant with work: each run (token, four listings at 500 ms each) outlasts the 2 s between due
            // times, yet a due time never starts a second run while one is going.
            ResultSet workRuns = st.executeQuery(
                    """
                            select count(*), count(*) filter (where result = 'OK' or finished_at is null or finished_at >= '%s'), count(distinct node)
                            from sync_run where job = 'card-status' and tenant_id = %d"""
                            .formatted(stopping, working));
            workRuns.next();
            int workCount = workRuns.getInt(1);
            System.out.printf("card-status with work: %d runs (%d OK), %d nodes%n", workCount, workRuns.getInt(2),
                    workRuns.getInt(3));
            int workOk = workRuns.getInt(2);
            assertTrue(workCount >= 4, "runs of the working tenant: " + workCount);
            try (ResultSet failed = db.createStatement().executeQuery("""
                    select due_at, node, result, message from sync_run
                    where job = 'card-status' and tenant_id = %d and result <> 'OK'""".formatted(working))) {
                while (failed.next()) {
                    System.out.printf("working tenant, not OK: due %s on %s: %s %s%n", failed.getTimestamp(1),
                            failed.getString(2), failed.getString(3), failed.getString(4));
                }
            }
            // A run still under way, or cut when the nodes stop (its WeChat, the node's own sandbox, stops with it),
            // is not counted against it; every run that finished before succeeded.
            assertEquals(workCount, workOk, "runs that called the sandbox and succeeded");
            assertEquals(workCount, oneAtATime(st, working));
        }
    }

    /**
     * Run by run: every due time is its own, and no run of the (job, tenant) starts before the previous one ended,
     * whichever node ran it. Prints the runs; returns the number of distinct due times.
     */
    static int oneAtATime(Statement st, long tenantId) throws Exception {
        try (ResultSet each = st.executeQuery("""
                select due_at, started_at, finished_at, node, result from sync_run
                where job = 'card-status' and tenant_id = %d order by started_at, id""".formatted(tenantId))) {
            Set<Instant> dueTimes = new HashSet<>();
            Instant previousEnd = null;
            while (each.next()) {
                Instant due = each.getTimestamp(1).toInstant();
                Instant started = each.getTimestamp(2).toInstant();
                // Still running when the nodes were told to stop: then no later run may have started.
                Instant finished = each.getTimestamp(3) == null ? Instant.MAX : each.getTimestamp(3).toInstant();
                System.out.printf("tenant %d: due %s, started %s, finished %s on %s: %s%n", tenantId, due, started,
                        finished, each.getString(4), each.getString(5));
                assertTrue(dueTimes.add(due), "due time " + due + " ran twice");
                assertTrue(previousEnd == null || !started.isBefore(previousEnd),
                        "a run started at " + started + " before the previous one ended at " + previousEnd);
                previousEnd = finished;
            }
            return dueTimes.size();
        }
    }

    static int count(String where) throws Exception {
        try (Connection db = connection();
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from sync_run where " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A tenant with a stored credential problem: its job runs are recorded as skipped, nothing calls WeChat. */
    static long insertTenantThatIsSkipped() throws Exception {
        try (Connection db = connection(); Statement st = db.createStatement()) {
            st.executeUpdate("insert into app_user (subject, name) values ('cluster-it', 'Cluster IT')");
            ResultSet rs = st.executeQuery("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by)
                    select '集群测试', 'wxclusterit', 'gh_clusterit', 'SAFE', true, 'x', 'x', 'x', id
                    from app_user where subject = 'cluster-it' returning id""");
            rs.next();
            long id = rs.getLong(1);
            st.executeUpdate("""
                    insert into credential_problem (tenant_id, api, errcode, errmsg, detected_at)
                    values (%d, '/cgi-bin/stable_token', 40125, 'invalid appsecret', now())""".formatted(id));
            return id;
        }
    }

    /**
     * A sandbox tenant with an account in the nodes' built-in sandbox (shared through the database) whose every answer
     * takes 500 ms: its card status runs call WeChat for real.
     */
    static long insertTenantThatWorks(int port) throws Exception {
        String appid = "wxsbx0c1a57e2d9b81"; // the sandbox's own namespace (wxsbx + 13 hex)
        String secret = "0123456789abcdef0123456789abcdef";
        HttpClient http = HttpClient.newHttpClient();
        String admin = "http://127.0.0.1:" + port + "/sandbox/admin/accounts";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(admin))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"appid":"%s","secret":"%s","cardEnabled":true}""".formatted(appid, secret))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> slow = http.send(HttpRequest.newBuilder(URI.create(admin + "/" + appid + "/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"latencyMs\":500}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, slow.statusCode(), slow.body());
        try (Connection db = connection(); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by)
                    select '集群测试（有活）', '%s', 'gh_clusteritwork', 'SAFE', true, 'x', 'x', 'x', id
                    from app_user where subject = 'cluster-it' returning id""".formatted(appid));
            rs.next();
            long id = rs.getLong(1); // sealed values are bound to the tenant's id (issue 13 §3): sealed once it has one
            st.executeUpdate("update tenant set appsecret_enc = '%s', callback_token_enc = '%s', aes_key_enc = '%s' "
                    .formatted(seal("tenant.appsecret", id, secret), seal("tenant.callback-token", id, "x"),
                            seal("tenant.aes-key", id, "x"))
                    + "where id = " + id);
            return id;
        }
    }

    /** The app's sealing of a tenant's secret (io.kaquan.tenant.SecretBox) under the nodes' test master key. */
    static String seal(String purpose, long tenantId, String plaintext) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(
                Base64.getDecoder().decode(MASTER_KEY), "AES"),
                new GCMParameterSpec(128, nonce));
        cipher.updateAAD((purpose + " for tenant " + tenantId).getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return "v2:" + Base64.getEncoder().encodeToString(out);
    }

    static final String MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";

    static Process start(String name, int port) throws IOException {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "package the app first: " + jar);
        Path log = Path.of("target", "cluster-it-" + name + ".log").toAbsolutePath();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort(port),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl(),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dquarkus.oidc.tenant-enabled=false",
                "-Dkaquan.secrets.master-key=" + MASTER_KEY,
                "-Dkaquan.sandbox.enabled=true",
                "-Dkaquan.public-trial=true", // production refuses the sandbox without it (ProductionGuard)
                "-Dkaquan.sandbox.admin-open=true", // the test drives the sandbox through its admin API
                "-Dkaquan.jobs.node-name=" + name,
                "-Dkaquan.jobs.tick=1s",
                "-Dkaquan.jobs.tokens.every=1s",
                "-Dkaquan.jobs.tenant.\"card-status\".cron=*/2 * * * * ?",
                "-Dkaquan.jobs.tenant.\"card-status\".spread=0s",
                "-jar", jar.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(new File(".").getAbsoluteFile()).start();
        nodes.add(process);
        return process;
    }

    /** Each node's management interface (health) on its own port: two nodes share this machine. */
    private static final Map<Integer, Integer> MANAGEMENT_PORTS = new ConcurrentHashMap<>();

    static int managementPort(int httpPort) {
        return MANAGEMENT_PORTS.computeIfAbsent(httpPort, ignored -> {
            try {
                return freePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static void awaitReady(Process process, int port) {
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + managementPort(port) + "/q/health/ready");
        Awaitility.await("node ready on port " + port).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertTrue(process.isAlive(), "node stopped; see target/cluster-it-*.log");
                    try {
                        return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false; // not listening yet
                    }
                });
    }

    static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    static Connection connection() throws Exception {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
