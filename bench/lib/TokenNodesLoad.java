import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The load of bench/token-broker-nodes: one sandbox account whose tokens live TTL seconds (made through node A's
 * sandbox admin API) and its tenant written straight into the shared database (secrets sealed under the nodes' master
 * key, as the app seals them); then CALLERS threads per node, each on its own connection, call
 * GET /wechat/bench/token-call/{tenant} in a closed loop for SECONDS seconds, while the sandbox invalidates the
 * account's tokens twice, 75 s apart (the first at a quarter of the run). Afterwards it reads from the database the
 * tokens the sandbox issued and the stable_token calls it counted. Run with the packaged app's jars on the class path
 * (the PostgreSQL driver): java -cp … bench/lib/TokenNodesLoad.java JDBC MASTER_KEY SECONDS CALLERS TTL BASE_A BASE_B.
 */
public class TokenNodesLoad {

    static final SecureRandom RANDOM = new SecureRandom();

    /** What one node's callers saw. */
    static final class NodeFigures {
        final AtomicLong ok = new AtomicLong();
        final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        /** When each kind of failure was first and last answered, in ms since the run began: when did they happen? */
        final Map<String, long[]> failureSpan = new ConcurrentHashMap<>();

        void failed(String why, Instant began) {
            failures.computeIfAbsent(why, k -> new AtomicLong()).incrementAndGet();
            long at = Duration.between(began, Instant.now()).toMillis();
            failureSpan.compute(why, (k, span) -> span == null ? new long[] { at, at }
                    : new long[] { Math.min(span[0], at), Math.max(span[1], at) });
        }
        final List<long[]> lookups = new ArrayList<>();
        final List<long[]> roundTrips = new ArrayList<>();
    }

    public static void main(String[] args) throws Exception {
        String jdbc = args[0];
        byte[] masterKey = Base64.getDecoder().decode(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int callers = Integer.parseInt(args[3]);
        int ttl = Integer.parseInt(args[4]);
        List<String> nodes = List.of(Arrays.copyOfRange(args, 5, args.length));
        String appid = "wxsbx" + hex(13); // the sandbox's own namespace outside tests
        String originalId = "gh_sbx" + hex(9);
        String secret = hex(32);
        HttpClient admin = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> created = admin.send(HttpRequest.newBuilder(URI.create(nodes.get(0)
                + "/sandbox/admin/accounts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"appid\":\"" + appid + "\",\"secret\":\"" + secret
                        + "\",\"originalId\":\"" + originalId + "\",\"owner\":\"bench\",\"tokenTtlSeconds\":" + ttl + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("sandbox account not created: " + created.statusCode() + " " + created.body());
        }
        long tenant;
        long accountId;
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            try (ResultSet row = db.createStatement().executeQuery("select id from sbx_account where appid = '" + appid
                    + "'")) {
                row.next();
                accountId = row.getLong(1);
            }
            db.createStatement().executeUpdate("insert into app_user (subject, name, locale) values ('bench', 'bench', "
                    + "'en') on conflict (subject) do nothing");
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by)
                    values ('token bench', ?, ?, 'SAFE', true, '', '', '', (select id from app_user where subject = 'bench'))
                    returning id""")) {
                insert.setString(1, appid);
                insert.setString(2, originalId);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    tenant = row.getLong(1);
                }
            }
            try (PreparedStatement seal = db.prepareStatement(
                    "update tenant set appsecret_enc = ?, callback_token_enc = ?, aes_key_enc = ? where id = ?")) {
                seal.setString(1, seal(masterKey, "tenant.appsecret", tenant, secret));
                seal.setString(2, seal(masterKey, "tenant.callback-token", tenant, hex(32)));
                seal.setString(3, seal(masterKey, "tenant.aes-key", tenant, hex(43)));
                seal.setLong(4, tenant);
                seal.executeUpdate();
            }
        }

        Instant began = Instant.now();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<NodeFigures> figures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (String node : nodes) {
            NodeFigures node_ = new NodeFigures();
            figures.add(node_);
            for (int t = 0; t < callers; t++) {
                long[] lookups = new long[1 << 16];
                long[] trips = new long[1 << 16];
                node_.lookups.add(lookups);
                node_.roundTrips.add(trips);
                Thread thread = new Thread(() -> {
                    // One connection per caller, as 500 browsers would have.
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5)).build();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(node + "/wechat/bench/token-call/" + tenant))
                            .timeout(Duration.ofSeconds(30)).GET().build();
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                            long trip = System.nanoTime() - sent;
                            String[] words = answer.body().split(" ");
                            if (answer.statusCode() == 200 && words[0].equals("ok")) {
                                node_.ok.incrementAndGet();
                                if (n < lookups.length) {
                                    lookups[n] = Long.parseLong(words[1]) + 1; // 0 marks "no sample"
                                    trips[n++] = trip;
                                }
                            } else {
                                String why = answer.statusCode() + (words[0].equals("failed") ? " errcode " + words[1] : "");
                                node_.failed(why, began);
                            }
                        } catch (Exception e) {
                            node_.failed(e.getClass().getSimpleName(), began);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
        }
        List<Instant> invalidations = new ArrayList<>();
        List<Instant> invalidationsSent = new ArrayList<>();
        for (long at : new long[] { seconds / 4, seconds / 4 + 75 }) {
            long wait = began.plusSeconds(at).toEpochMilli() - System.currentTimeMillis();
            if (at >= seconds) {
                break;
            }
            if (wait > 0) {
                Thread.sleep(wait);
            }
            invalidationsSent.add(Instant.now());
            HttpResponse<String> answer = admin.send(HttpRequest.newBuilder(URI.create(nodes.get(1 % nodes.size())
                    + "/sandbox/admin/accounts/" + appid + "/faults")).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"invalidateToken\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("invalidation refused: " + answer.statusCode() + " " + answer.body());
            }
            invalidations.add(Instant.now());
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Instant ended = Instant.now();

        StringBuilder out = new StringBuilder();
        out.append(String.format("  setup: %d nodes (production jars) on one PostgreSQL, %d callers per node, %d s, "
                + "sandbox tokens live %d s, invalidations sent at %s and answered at %s%n", nodes.size(), callers,
                seconds, ttl, invalidationsSent.stream().map(i -> "+" + Duration.between(began, i).toSeconds() + " s").toList(),
                invalidations.stream().map(i -> "+" + Duration.between(began, i).toSeconds() + " s").toList()));
        for (int i = 0; i < nodes.size(); i++) {
            NodeFigures node = figures.get(i);
            long[] lookups = sorted(node.lookups);
            long[] trips = sorted(node.roundTrips);
            for (int k = 0; k < lookups.length; k++) {
                lookups[k]--;
            }
            long fromMemory = Arrays.stream(lookups).filter(v -> v < 1_000_000).count();
            long waited = Arrays.stream(lookups).filter(v -> v >= 100_000_000).count();
            out.append(String.format("  node %c: %,d calls answered, %,.0f per second; token lookup p50 %s, p99 %s, "
                    + "max %s (%.1f %% under 1 ms, %.1f %% over 100 ms: waited for a refresh or for a core); round trip (lookup + card/batchget to the sandbox) p50 %s, p99 %s; errors: %s%n",
                    'A' + i, node.ok.get(), node.ok.get() / (double) seconds, nanos(lookups, 0.5), nanos(lookups, 0.99),
                    nanos(lookups, 1.0), 100.0 * fromMemory / Math.max(1, lookups.length),
                    100.0 * waited / Math.max(1, lookups.length), nanos(trips, 0.5), nanos(trips, 0.99),
                    node.failures.isEmpty() ? "none" : new TreeMap<>(node.failures)));
            node.failureSpan.forEach((why, span) -> out.append(String.format("    %s: from +%.1f s to +%.1f s%n", why,
                    span[0] / 1000.0, span[1] / 1000.0)));
        }
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            List<Instant> issued = new ArrayList<>();
            try (PreparedStatement tokens = db.prepareStatement(
                    "select issued_at from sbx_token where account_id = ? order by issued_at")) {
                tokens.setLong(1, accountId);
                try (ResultSet rows = tokens.executeQuery()) {
                    while (rows.next()) {
                        issued.add(rows.getTimestamp(1).toInstant());
                    }
                }
            }
            long calls = 0;
            try (PreparedStatement usage = db.prepareStatement("select coalesce(sum(calls), 0) from sbx_api_usage "
                    + "where account_id = ? and api = '/cgi-bin/stable_token' and period = 'DAY'")) {
                usage.setLong(1, accountId);
                try (ResultSet rows = usage.executeQuery()) {
                    rows.next();
                    calls = rows.getLong(1);
                }
            }
            long closest = Long.MAX_VALUE;
            for (int k = 1; k < issued.size(); k++) {
                closest = Math.min(closest, Duration.between(issued.get(k - 1), issued.get(k)).toMillis());
            }
            // Expected: the first token, one per expiry window the run lived through (renewed a quarter of the life
            // ahead), and one per invalidation.
            long windows = Duration.between(began, ended).toMillis() / (ttl * 750L);
            out.append(String.format("  sandbox: %d stable_token calls, %d tokens issued (expected about %d: the "
                    + "first, %d renewals %s s apart, %d invalidations); closest two issues %s apart; issued at %s%n",
                    calls, issued.size(), 1 + windows + invalidations.size(), windows, ttl * 3 / 4, invalidations.size(),
                    closest == Long.MAX_VALUE ? "-" : closest + " ms",
                    issued.stream().map(at -> "+" + Duration.between(began, at).toMillis() / 1000.0 + " s").toList()));
        }
        System.out.print(out);
    }

    static long[] sorted(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
    }

    static String nanos(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        long value = sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1))];
        return value < 10_000 ? value + " ns" : value < 10_000_000 ? (value / 1000) + " µs" : (value / 1_000_000) + " ms";
    }

    /** As io.kaquan.tenant.SecretBox seals: "v2:" + base64(nonce ‖ AES-GCM(ciphertext ‖ tag)), bound to purpose and tenant. */
    static String seal(byte[] masterKey, String purpose, long tenant, String plaintext) throws Exception {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD((purpose + " for tenant " + tenant).getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return "v2:" + Base64.getEncoder().encodeToString(out);
    }

    static String hex(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return out.toString();
    }
}
