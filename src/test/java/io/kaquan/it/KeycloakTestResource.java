package io.kaquan.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Keycloak (the {@code keycloak-quarkus-dist} zip, no Docker) with the realm from
 * {@code deploy/keycloak/realm-kaquan.json} and points the packaged application at it.
 * <p>
 * The distribution is expected, already unpacked, at system property {@code kaquan.keycloak.home} (failsafe sets it to
 * {@code target/keycloak/keycloak-<version>}, unpacked by maven-dependency-plugin before the unit tests).
 * Keycloak runs on a free port of 127.0.0.1 with an in-memory database ({@code --db=dev-mem}), so every run imports the
 * realm afresh. Its output goes to {@code target/keycloak-it.log}.
 * <p>
 * Optional system properties: {@code kaquan.keycloak.realm} (realm JSON), {@code kaquan.keycloak.start-timeout-seconds}
 * (default 180).
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "kaquan";
    public static final String CLIENT_ID = "kaquan";
    public static final String CLIENT_SECRET = "kaquan-dev-secret";
    /** System property through which the tests can find Keycloak's base URL (e.g. {@code http://127.0.0.1:41234}). */
    public static final String URL_PROPERTY = "kaquan.it.keycloak.url";
    /** The port of the Keycloak that the build started in the background (the pom's profile keycloak-early), if any. */
    static final String EARLY_PORT_PROPERTY = "kaquan.keycloak.early-port";

    /** Test-only key: base64 of the 32 bytes "it-only-master-key-32-bytes!!!!!". Fixed, since the IT database persists. */
    static final String IT_MASTER_KEY = "aXQtb25seS1tYXN0ZXIta2V5LTMyLWJ5dGVzISEhISE=";

    private static final String JAVA_OPTS_APPEND = "-DCoreEnvironmentBean.processImplementationClassName=com.arjuna.ats.internal.arjuna.utils.UuidProcessId";

    private static Process process;
    private static Path logFile;
    private static String baseUrl;

    /**
     * Keycloak's base URL, shared by every IT of a run (a start costs 35–70 s): the one the build started in the
     * background while the unit tests ran (the pom's profile {@code keycloak-early}), once it answers; otherwise one
     * started by the first integration test of this JVM that asks, stopped when the JVM exits.
     */
    public static synchronized String shared() {
        if (baseUrl != null) {
            return baseUrl;
        }
        Path projectDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        long timeoutSeconds = Long.getLong("kaquan.keycloak.start-timeout-seconds", 180);
        String earlyPort = System.getProperty(EARLY_PORT_PROPERTY, "");
        if (earlyPort.matches("\\d+")) {
            String url = "http://127.0.0.1:" + earlyPort;
            logFile = projectDir.resolve("target/keycloak-early.log");
            try {
                waitUntilReady(url + "/realms/" + REALM + "/.well-known/openid-configuration", timeoutSeconds);
                System.out.printf("[KeycloakTestResource] using the Keycloak the build started on %s (log: %s)%n", url,
                        logFile);
                baseUrl = url;
                return baseUrl;
            } catch (IllegalStateException e) {
                System.out.printf("[KeycloakTestResource] the build's Keycloak is not ready (%s); starting one%n",
                        e.getMessage());
            }
        }
        Path home = keycloakHome(projectDir);
        Path realm = Path.of(System.getProperty("kaquan.keycloak.realm",
                projectDir.resolve("deploy/keycloak/realm-kaquan.json").toString()));
        if (!Files.isRegularFile(realm)) {
            throw new IllegalStateException("Realm file not found: " + realm);
        }
        Path target = projectDir.resolve("target");
        logFile = target.resolve("keycloak-it.log");
        int port = freePort();
        String url = "http://127.0.0.1:" + port;

        try {
            Files.createDirectories(target);
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            // data/import/ is read by --import-realm; keep only our realm there.
            try (Stream<Path> old = Files.list(importDir)) {
                for (Path p : (Iterable<Path>) old::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.copy(realm, importDir.resolve("realm-kaquan.json"), StandardCopyOption.REPLACE_EXISTING);

            List<String> command = new ArrayList<>(List.of("bash", "bin/kc.sh", "start-dev",
                    "--db=dev-mem",
                    "--http-host=127.0.0.1",
                    "--http-port=" + port,
                    "--import-realm"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().merge("JAVA_OPTS_APPEND", JAVA_OPTS_APPEND, (a, b) -> a + " " + b);
            System.out.printf("[KeycloakTestResource] starting Keycloak from %s on %s (log: %s)%n", home, url, logFile);
            long started = System.nanoTime();
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(KeycloakTestResource::destroyProcessTree,
                    "keycloak-test-resource-shutdown"));

            waitUntilReady(url + "/realms/" + REALM + "/.well-known/openid-configuration", timeoutSeconds);
            System.out.printf("[KeycloakTestResource] Keycloak ready after %d s%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        } catch (IOException e) {
            destroyProcessTree();
            throw new IllegalStateException("Could not start Keycloak from " + home, e);
        } catch (RuntimeException e) {
            destroyProcessTree();
            throw e;
        }
        baseUrl = url;
        return baseUrl;
    }

    @Override
    public Map<String, String> start() {
        String url = shared();
        System.setProperty(URL_PROPERTY, url);

        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", url + "/realms/" + REALM);
        config.put("quarkus.oidc.client-id", CLIENT_ID);
        config.put("quarkus.oidc.credentials.secret", CLIENT_SECRET);
        config.put("quarkus.oidc.token-state-manager.encryption-secret", randomSecret());
        config.put("kaquan.secrets.master-key", IT_MASTER_KEY);
        config.put("kaquan.embedded-postgres.data-dir", "target/it-embedded-postgres");
        // Fixed free ports: with port 0 the packaged app's Vert.x metrics of the two servers clash and startup hangs.
        config.put("quarkus.http.port", String.valueOf(freePort()));
        config.put("quarkus.management.port", String.valueOf(freePort()));
        config.put("kaquan.embedded-postgres.enabled", "true"); // production only runs one when asked
        return config;
    }

    /** Keycloak stays up for the other integration tests of this JVM; its shutdown hook stops it. */
    @Override
    public void stop() {
        System.clearProperty(URL_PROPERTY);
    }

    private static Path keycloakHome(Path projectDir) {
        String configured = System.getProperty("kaquan.keycloak.home");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        } else {
            // Run from an IDE: fall back to what the build or deploy/keycloak/start.sh unpacked.
            for (Path dir : List.of(projectDir.resolve("target/keycloak"), projectDir.resolve("deploy/keycloak/.work"))) {
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> s = Files.list(dir)) {
                        s.filter(p -> p.getFileName().toString().startsWith("keycloak-")).sorted().forEach(candidates::add);
                    } catch (IOException ignored) {
                        // try the next one
                    }
                }
            }
        }
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No unpacked Keycloak distribution (bin/kc.sh) at " + (configured != null ? configured : candidates)
                                + ". Run the integration tests through Maven (./mvnw verify), which unpacks"
                                + " org.keycloak:keycloak-quarkus-dist into target/keycloak, or set -Dkaquan.keycloak.home."));
    }

    /** Waits for the realm's discovery document; fails early when the Keycloak this JVM started (if any) exits. */
    private static void waitUntilReady(String discoveryUrl, long timeoutSeconds) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(discoveryUrl)).timeout(Duration.ofSeconds(5)).build();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(timeoutSeconds)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (process != null && !process.isAlive()) {
                            throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                                    + " before it was ready. Last lines of " + logFile + ":\n" + tail(logFile, 40));
                        }
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            return response.statusCode() == 200 && response.body().contains("\"issuer\"");
                        } catch (IOException notYet) {
                            return false; // not listening yet
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Keycloak did not answer " + discoveryUrl + " within " + timeoutSeconds
                    + " s. Last lines of " + logFile + ":\n" + tail(logFile, 40));
        }
    }

    private static synchronized void destroyProcessTree() {
        Process p = process;
        if (p == null) {
            return;
        }
        process = null;
        // kc.sh runs Java as a child (or execs it after a re-augmentation): stop the children first, then the script.
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle h : tree) {
            awaitExit(h, deadline);
        }
        awaitExit(p.toHandle(), deadline);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (p.isAlive()) {
            p.destroyForcibly();
        }
    }

    private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0 || !handle.isAlive()) {
            return;
        }
        try {
            handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timeoutOrFailure) {
            // forced below
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 43 characters
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
