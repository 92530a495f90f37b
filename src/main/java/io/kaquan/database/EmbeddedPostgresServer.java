package io.kaquan.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A PostgreSQL server run from the zonky binaries on a data directory that survives restarts. */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);

    private final int port;

    private EmbeddedPostgresServer(int port) {
        this.port = port;
    }

    static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".kaquan", "postgres");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + USER;
    }

    /**
     * Reuses the server already running on {@code dataDir} (a dev-mode reload, or a second node on this machine),
     * otherwise starts one that stops with this JVM.
     */
    static synchronized EmbeddedPostgresServer startOrReuse(Path dataDir) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        Integer running = runningPort(absolute);
        if (running != null) {
            LOG.infof("Reusing the embedded PostgreSQL on port %d (data in %s)", running, absolute);
            return new EmbeddedPostgresServer(running);
        }
        try {
            Files.createDirectories(absolute.getParent());
            Path binaries = absolute.resolveSibling(absolute.getFileName() + "-bin");
            Files.createDirectories(binaries);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPort(freePort())
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("max_connections", "100")
                    // zonky's defaults suit throw-away test databases; this one keeps data: every commit on disk
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(true)
                    .start();
            LOG.infof("Started an embedded PostgreSQL on port %d (data in %s)", postgres.getPort(), absolute);
            return new EmbeddedPostgresServer(postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + absolute
                    + "; set QUARKUS_DATASOURCE_JDBC_URL to use an external database", e);
        }
    }

    /** The port of a live server on this data directory: line 4 of postmaster.pid, and something listening there. */
    private static Integer runningPort(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return null;
            }
            int port = Integer.parseInt(lines.get(3).trim());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return port;
            }
        } catch (IOException | NumberFormatException e) {
            return null; // a stale pid file from a crash: PostgreSQL itself cleans it up on start
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
