package io.kaquan.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

/** The switch between an external database and the embedded one, on real PostgreSQL processes. */
class EmbeddedPostgresConfigSourceFactoryTest {

    private final EmbeddedPostgresConfigSourceFactory factory = new EmbeddedPostgresConfigSourceFactory();

    @Test
    void shouldStartNothingWhenADatasourceUrlIsConfigured() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "pg-external").resolve("data");
        Iterable<ConfigSource> sources = factory.configSources(context(Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/kaquan",
                "kaquan.embedded-postgres.data-dir", dataDir.toString())));
        assertFalse(sources.iterator().hasNext(), "the configured URL wins");
        assertFalse(Files.exists(dataDir), "no embedded database was created");
    }

    @Test
    void shouldStartNothingWhenSwitchedOff() {
        assertFalse(factory.configSources(context(Map.of("kaquan.embedded-postgres.enabled", "false")))
                .iterator().hasNext());
    }

    @Test
    void shouldRefuseToStartAnEmbeddedDatabaseInProductionUnlessAskedFor() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "pg-prod").resolve("data");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> factory.configSources(
                context(Map.of("kaquan.embedded-postgres.data-dir", dataDir.toString()), List.of("prod"))));
        assertTrue(refused.getMessage().contains("QUARKUS_DATASOURCE_JDBC_URL"), refused.getMessage());
        assertFalse(Files.exists(dataDir), "no embedded database was created");
        assertFalse(factory.configSources(context(Map.of("quarkus.datasource.jdbc.url",
                "jdbc:postgresql://db.example:5432/kaquan"), List.of("prod"))).iterator().hasNext(),
                "a configured URL is what production uses");
    }

    @Test
    void shouldStartAPersistentDatabaseWhenNoUrlIsConfiguredAndReuseIt() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "pg-embedded").resolve("data");
        String url = urlOf(factory.configSources(context(Map.of("kaquan.embedded-postgres.data-dir", dataDir.toString()))));
        assertTrue(url.startsWith("jdbc:postgresql://127.0.0.1:"));
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                ResultSet version = connection.createStatement().executeQuery("show server_version")) {
            assertTrue(version.next());
            assertTrue(version.getString(1).startsWith("17."), "PostgreSQL 17, found " + version.getString(1));
            for (String durable : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet setting = connection.createStatement().executeQuery("show " + durable)) {
                    assertTrue(setting.next());
                    assertEquals("on", setting.getString(1), durable + " keeps committed data through a crash");
                }
            }
            connection.createStatement().execute("create table kept (id int)");
        }
        assertTrue(Files.exists(dataDir.resolve("postmaster.pid")));

        // A dev-mode reload asks again: the running server is reused, with its data.
        String again = urlOf(factory.configSources(context(Map.of("kaquan.embedded-postgres.data-dir", dataDir.toString()))));
        assertEquals(url, again);
        try (Connection connection = DriverManager.getConnection(again, "postgres", "postgres")) {
            connection.createStatement().executeQuery("select * from kept").close();
        }
    }

    private static String urlOf(Iterable<ConfigSource> sources) {
        Iterator<ConfigSource> iterator = sources.iterator();
        assertTrue(iterator.hasNext());
        ConfigSource source = iterator.next();
        assertEquals(EmbeddedPostgresConfigSourceFactory.ORDINAL, source.getOrdinal());
        return source.getValue("quarkus.datasource.jdbc.url");
    }

    private static ConfigSourceContext context(Map<String, String> values) {
        return context(values, List.of());
    }

    private static ConfigSourceContext context(Map<String, String> values, List<String> profiles) {
        Map<String, String> copy = new HashMap<>(values);
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(copy.get(name)).build();
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }

            @Override
            public Iterator<String> iterateNames() {
                return copy.keySet().iterator();
            }
        };
    }
}
