package io.kaquan.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * The Kubernetes manifests under deploy/kubernetes keep the invariants an operator relies on: probes on the real
 * health endpoints, every setting production requires coming from the ConfigMap or a Secret, no secret value in the
 * repository, several replicas in prod, the callback exposed and /q private. This machine has no cluster and no
 * kubectl, so the files are checked as data (the overlays' JSON patches are applied here the way kustomize does).
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What production refuses to start without, or needs to be reachable (README, "Production settings"). */
    private static final List<String> REQUIRED_ENV = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID",
            "QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
            "KAQUAN_SECRETS_MASTER_KEY", "KAQUAN_TENANT_PUBLIC_URL");

    /** Settings whose values are secrets: only ever from a Secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|MASTER_KEY|TOKEN).*");

    @Test
    void everyKustomizationNamesFilesThatExist() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path kustomization : files.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .toList()) {
                JsonNode k = read(kustomization).get(0);
                for (String field : List.of("resources", "components")) {
                    for (JsonNode entry : k.path(field)) {
                        Path target = kustomization.getParent().resolve(entry.asText()).normalize();
                        assertTrue(Files.exists(target), kustomization + " names " + entry.asText());
                    }
                }
            }
        }
    }

    @Test
    void probesAskTheHealthEndpointsOnTheManagementPort() throws IOException {
        JsonNode container = container(deployment());
        assertEquals(9000, port(container, "management"));
        assertEquals(8080, port(container, "http"));
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), probe);
        }
        // The management interface really is on 9000 in the packaged application.
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertTrue(properties.contains("quarkus.management.enabled=true"), "management interface enabled");
    }

    @Test
    void everyRequiredSettingComesFromTheConfigMapOrASecretAndNoSecretIsWrittenDown() throws IOException {
        JsonNode deployment = deployment();
        JsonNode container = container(deployment);
        JsonNode configMap = find(read(ROOT.resolve("base/configmap.yaml")), "ConfigMap", "kaquan");
        Set<String> fromConfigMap = new HashSet<>();
        configMap.path("data").fieldNames().forEachRemaining(fromConfigMap::add);
        assertEquals("kaquan", container.at("/envFrom/0/configMapRef/name").asText());

        Set<String> fromSecrets = new HashSet<>();
        for (JsonNode env : container.path("env")) {
            String name = env.path("name").asText();
            if (env.at("/valueFrom/secretKeyRef/name").isTextual()) {
                fromSecrets.add(name);
            } else if (SECRET_NAME.matcher(name).matches()) {
                throw new AssertionError(name + " is written down instead of coming from a Secret");
            }
        }
        for (String name : REQUIRED_ENV) {
            assertTrue(fromConfigMap.contains(name) || fromSecrets.contains(name), name + " is set");
        }
        for (String name : fromConfigMap) {
            assertFalse(SECRET_NAME.matcher(name).matches(), name + " is a secret in a ConfigMap");
        }
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (JsonNode doc : read(file)) {
                    assertFalse("Secret".equals(doc.path("kind").asText()), file + " holds a Secret");
                    assertFalse(doc.has("secretGenerator"), file + " generates a Secret from literals");
                }
            }
        }
    }

    /**
     * The AOT cache serves best the JVM options it was trained with (some others it cannot serve at all: the JVM then
     * starts without it), so the AOT image trains with the pods' options, and bench/start measures the same ones.
     */
    @Test
    void theAotImageAndTheStartBenchUseThePodsJvmOptions() throws IOException {
        JsonNode configMap = find(read(ROOT.resolve("base/configmap.yaml")), "ConfigMap", "kaquan");
        String pods = configMap.at("/data/JAVA_OPTS_APPEND").asText();
        assertTrue(pods.contains("-Xmx"), "the ConfigMap sizes the heap: " + pods);
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm-aot"));
        assertEquals(pods, quoted(dockerfile, "ARG TRAIN_JAVA_OPTS="), "Dockerfile.jvm-aot's training options");
        assertTrue(dockerfile.contains("-Dquarkus.package.output-directory=aot-jar")
                && dockerfile.contains("COPY --chown=185 target/aot-jar/lib/"), "the image copies the aot-jar build");
        String bench = Files.readString(Path.of("bench/start")).replace("\\\n", "");
        assertEquals(pods, quoted(bench, "TUNED="), "bench/start's TUNED setting");
    }

    /** The double-quoted value following {@code prefix} at the start of a line. */
    private static String quoted(String text, String prefix) {
        var matcher = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "\"([^\"]*)\"").matcher(text);
        assertTrue(matcher.find(), prefix + " is set");
        return matcher.group(1);
    }

    @Test
    void podsAreSpreadSizedAndStopGracefully() throws IOException {
        JsonNode spec = deployment().path("spec").path("template").path("spec");
        JsonNode container = container(deployment());
        assertTrue(spec.path("topologySpreadConstraints").size() >= 1, "topology spread");
        assertTrue(container.at("/resources/requests/memory").isTextual(), "memory request");
        assertTrue(container.at("/resources/limits/memory").isTextual(), "memory limit");
        assertTrue(spec.path("securityContext").path("runAsNonRoot").asBoolean(), "non-root");
        // Longer than a WeChat call (connect 5 s + read 15 s) plus the app's shutdown timeout (30 s).
        assertTrue(spec.path("terminationGracePeriodSeconds").asInt() > 50, "grace period");
        JsonNode pdb = find(read(ROOT.resolve("base/pdb.yaml")), "PodDisruptionBudget", "kaquan");
        assertEquals("web", pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText());
        assertTrue(pdb.at("/spec/maxUnavailable").asInt() >= 1, "drains can proceed");
    }

    @Test
    void theIngressExposesTheCallbackAndTheUiButNeverTheManagementPort() throws IOException {
        List<JsonNode> docs = read(ROOT.resolve("base/ingress.yaml"));
        JsonNode ingress = find(docs, "Ingress", "kaquan");
        List<String> paths = new ArrayList<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                paths.add(path.path("path").asText());
                assertEquals("kaquan", path.at("/backend/service/name").asText());
                assertEquals("http", path.at("/backend/service/port/name").asText());
                assertFalse(path.path("path").asText().startsWith("/q"), "/q is not routed");
            }
        }
        assertTrue(paths.contains("/wechat/callback"), "callback exposed");
        assertTrue(paths.contains("/"), "UI exposed");
        JsonNode service = find(read(ROOT.resolve("base/service.yaml")), "Service", "kaquan");
        for (JsonNode port : service.at("/spec/ports")) {
            assertEquals("http", port.path("targetPort").asText(), "the public Service has no management port");
        }
    }

    @Test
    void prodRunsSeveralReplicasAndDevOneWithTheSandboxForTrials() throws IOException {
        JsonNode prod = read(ROOT.resolve("overlays/prod/kustomization.yaml")).get(0);
        assertTrue(replicas(prod) >= 2, "prod replicas");
        JsonNode dev = read(ROOT.resolve("overlays/dev/kustomization.yaml")).get(0);
        assertEquals(1, replicas(dev));
        String devPatches = dev.path("patches").toString();
        assertTrue(devPatches.contains("KAQUAN_SANDBOX_ENABLED") && devPatches.contains("KAQUAN_SANDBOX_PUBLIC_TRIAL"),
                "the trial overlay switches the sandbox on explicitly");
        JsonNode cluster = find(read(ROOT.resolve("components/cloudnative-pg/cluster.yaml")), "Cluster", "kaquan-db");
        assertEquals(3, cluster.at("/spec/instances").asInt());
    }

    private static int replicas(JsonNode kustomization) throws IOException {
        for (JsonNode patch : kustomization.path("patches")) {
            if ("Deployment".equals(patch.at("/target/kind").asText())) {
                for (JsonNode op : YAML.readTree(patch.path("patch").asText())) {
                    if ("/spec/replicas".equals(op.path("path").asText())) {
                        return op.path("value").asInt();
                    }
                }
            }
        }
        return find(read(ROOT.resolve("base/deployment.yaml")), "Deployment", "kaquan").at("/spec/replicas").asInt();
    }

    private static JsonNode deployment() throws IOException {
        return find(read(ROOT.resolve("base/deployment.yaml")), "Deployment", "kaquan");
    }

    private static JsonNode container(JsonNode deployment) {
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals("kaquan", container.path("name").asText());
        return container;
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port " + name);
    }

    private static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.at("/metadata/name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isNull()) {
                    docs.add(d);
                }
            });
        }
        assertNotNull(docs);
        return docs;
    }
}
