package io.kaquan.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The packaged application started the way its container starts it: {@code java $JAVA_OPTS -jar quarkus-run.jar} with
 * nothing but environment variables — the Kubernetes ConfigMap of deploy/kubernetes/base plus the Secret's keys —
 * against an external PostgreSQL (an embedded one started apart, as a database server would be), the sandbox off and
 * the login provider (a real Keycloak) from the environment. Two such nodes on one database answer their probes on the
 * management port, keep /q off the public port, send visitors to the login provider and both take WeChat's pushes.
 */
class ContainerEntrypointIT {

    private static final Path CONFIG_MAP = Path.of("deploy", "kubernetes", "base", "configmap.yaml");

    private static EmbeddedPostgres postgres;
    private static final List<Process> nodes = new ArrayList<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Node(Process process, int port, int managementPort) {
    }

    @BeforeAll
    static void startDatabase() throws IOException {
        Path base = Path.of("target", "entrypoint-it-postgres").toAbsolutePath();
        Files.createDirectories(base);
        postgres = EmbeddedPostgres.builder().setDataDirectory(base.resolve("data"))
                .setOverrideWorkingDirectory(base.resolve("bin").toFile()).setCleanDataDirectory(true)
                .setServerConfig("unix_socket_directories", "").start();
    }

    @AfterAll
    static void stopAll() throws Exception {
        nodes.forEach(Process::destroy);
        for (Process node : nodes) {
            if (!node.waitFor(40, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoNodesStartedLikeTheContainerServeProbesLoginAndTheCallback() throws Exception {
        Map<String, String> env = containerEnvironment();
        Node first = start("a", env);
        Node second = start("b", env);
        for (Node node : List.of(first, second)) {
            awaitStarted(node);
            HttpResponse<String> ready = get(node.managementPort(), "/q/health/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("\"UP\"") && ready.body().toLowerCase().contains("database"), ready.body());
            assertEquals(200, get(node.managementPort(), "/q/health/live").statusCode());
            assertEquals(200, get(node.managementPort(), "/q/metrics").statusCode());
            // /q/* is not served on the public port that the Ingress exposes (a visitor is sent to sign in instead).
            for (String operatorPath : List.of("/q/health/ready", "/q/metrics")) {
                HttpResponse<String> onPublicPort = get(node.port(), operatorPath);
                assertTrue(onPublicPort.statusCode() != 200 && !onPublicPort.body().contains("\"UP\"")
                        && !onPublicPort.body().contains("jvm_memory"), operatorPath + " " + onPublicPort.statusCode());
            }
            // Pages send a visitor to the login provider configured from the environment.
            HttpResponse<String> home = get(node.port(), "/");
            assertEquals(302, home.statusCode());
            assertTrue(home.headers().firstValue("Location").orElse("").startsWith(
                    KeycloakTestResource.shared() + "/realms/" + KeycloakTestResource.REALM), home.headers().toString());
            // The sandbox is off in production.
            assertEquals(404, get(node.port(), "/sandbox/wechat/cgi-bin/getcallbackip").statusCode());
        }

        // A push reaches either node and is stored (a push for an account nobody registered is parked for admins).
        String account = "gh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        for (Node node : List.of(first, second)) {
            HttpResponse<String> push = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.port() + "/wechat/callback?timestamp=1&nonce=2&signature=x"))
                    .header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString("<xml><ToUserName><![CDATA[" + account
                            + "]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1</CreateTime>"
                            + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[user_get_card]]></Event></xml>"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, push.statusCode(), push.body());
            assertEquals("success", push.body());
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
                PreparedStatement count = db.prepareStatement("select count(*) from unroutable_event where to_user_name = ?")) {
            count.setString(1, account);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertEquals(2, rows.getInt(1), "one push stored by each node");
            }
        }
    }

    /** The ConfigMap's settings and the Secret's keys, with only addresses changed for this machine. */
    private static Map<String, String> containerEnvironment() throws IOException {
        Map<String, String> env = new HashMap<>();
        JsonNode data = new ObjectMapper(new YAMLFactory()).readTree(CONFIG_MAP.toFile()).path("data");
        data.fieldNames().forEachRemaining(name -> env.put(name, data.path(name).asText()));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", KeycloakTestResource.shared() + "/realms/" + KeycloakTestResource.REALM);
        // The Secret "kaquan" (deploy/README.md, "Secrets").
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("KAQUAN_SECRETS_MASTER_KEY", random(32));
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", KeycloakTestResource.CLIENT_SECRET);
        env.put("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", random(48));
        env.put("QUARKUS_SHUTDOWN_TIMEOUT", "30s");
        return env;
    }

    private static Node start(String name, Map<String, String> containerEnv) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "package the app first: " + jar);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(containerEnv.get("JAVA_OPTS_APPEND").split(" ")));
        command.add("-Xmx256m"); // the pod's limit, as MaxRAMPercentage would give it inside the container
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "entrypoint-it-" + name + ".log").toFile())
                .directory(new File(".").getAbsoluteFile());
        // Nothing from this machine's environment but what a container also has.
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", Path.of("target", "entrypoint-it-home-" + name).toAbsolutePath().toString());
        env.putAll(containerEnv);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        Process process = builder.start();
        nodes.add(process);
        return new Node(process, port, managementPort);
    }

    private static void awaitStarted(Node node) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertTrue(node.process().isAlive(), "node stopped; see target/entrypoint-it-*.log");
            try {
                return get(node.managementPort(), "/q/health/started").statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return Base64.getEncoder().encodeToString(value);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
