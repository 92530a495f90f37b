package io.kaquan.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One fresh PostgreSQL for the whole test run, under target/, on a free port. Tests run it without fsync (nothing to
 * keep); benchmarks that claim durability ({@code -Dkaquan.bench.durable-database=true}) run it with the settings of
 * the embedded production database (every commit on disk).
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        // Integration tests (failsafe sets this) run the packaged app, which starts its own embedded PostgreSQL, as in production.
        if (Boolean.getBoolean("kaquan.it.packaged-app")) {
            return Map.of();
        }
        try {
            Path base = Path.of("target", "test-postgres").toAbsolutePath();
            Files.createDirectories(base);
            boolean durable = Boolean.getBoolean("kaquan.bench.durable-database");
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(base.resolve("data"))
                    .setOverrideWorkingDirectory(base.resolve("bin").toFile())
                    .setCleanDataDirectory(true)
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
