package io.kaquan.database;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.ImageMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Supplies a datasource URL pointing at an embedded PostgreSQL when none is configured, so that dev mode and
 * {@code java -jar} run with nothing installed. An explicitly configured URL always wins and nothing embedded starts.
 * In production ({@code prod} profile) only when asked for ({@code kaquan.embedded-postgres.enabled=true}).
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String ENABLED = "kaquan.embedded-postgres.enabled";
    static final String DATA_DIR = "kaquan.embedded-postgres.data-dir";

    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Quarkus also runs config factories while building; a build must never start a database.
        if (ExecutionMode.current() != ExecutionMode.RUNTIME_INIT) {
            return List.of();
        }
        return configSources(context);
    }

    Iterable<ConfigSource> configSources(ConfigSourceContext context) {
        if (context.getValue(JDBC_URL).getValue() != null) {
            return List.of();
        }
        String enabled = context.getValue(ENABLED).getValue();
        if ("false".equalsIgnoreCase(enabled)) {
            return List.of();
        }
        if (ImageMode.current().isNativeImage()) {
            // It unpacks and runs PostgreSQL binaries from a jar: a JVM-only convenience (README, "Deploy").
            throw new IllegalStateException("No database configured: a native Kaquan needs QUARKUS_DATASOURCE_JDBC_URL "
                    + "(and QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD); the embedded PostgreSQL runs "
                    + "only on the JVM");
        }
        if (!"true".equalsIgnoreCase(enabled) && context.getProfiles().contains("prod")) {
            // A container that forgot its database must not quietly keep its data in a throw-away directory.
            throw new IllegalStateException("No database configured: set QUARKUS_DATASOURCE_JDBC_URL (and "
                    + "QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD), or KAQUAN_EMBEDDED_POSTGRES_ENABLED=true "
                    + "to run an embedded PostgreSQL in this process");
        }
        String dataDir = context.getValue(DATA_DIR).getValue();
        if (dataDir == null) {
            dataDir = EmbeddedPostgresServer.defaultDataDir().toString();
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrReuse(Path.of(dataDir));
        return List.of(new MapBackedConfigSource("kaquan-embedded-postgres", Map.of(
                JDBC_URL, server.jdbcUrl(),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.USER), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
