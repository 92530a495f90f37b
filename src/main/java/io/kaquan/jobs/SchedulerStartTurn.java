package io.kaquan.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Nodes take turns to start their Quartz scheduler. Quartz registers the jobs of the {@code @Scheduled} methods when its
 * scheduler is made (at startup, priority 0) by check-then-insert, so two nodes starting at the same instant on a fresh
 * database could both insert the same job, and one would fail to start. A cluster-wide PostgreSQL advisory lock, taken
 * before and released after that moment, makes the second node find the first one's jobs.
 */
@ApplicationScoped
class SchedulerStartTurn {

    /** Any constant shared by all nodes; the token broker's locks use another key space. */
    private static final long LOCK = 0x6b61_7175_6172_7401L;

    @Inject
    AgroalDataSource dataSource;

    private Connection held;

    void take(@Observes @Priority(-1000) StartupEvent event) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (Statement statement = connection.createStatement()) {
                // A node that hangs while holding the turn must not keep the others from starting for ever.
                statement.execute("set lock_timeout = '60s'");
                statement.execute("select pg_advisory_lock(" + LOCK + ")");
                statement.execute("reset lock_timeout");
            }
            held = connection;
        } catch (SQLException e) {
            Log.warnf("Starting the scheduler without waiting for other nodes: %s", e.getMessage());
            closeQuietly(connection);
        }
    }

    void give(@Observes @Priority(1000) StartupEvent event) {
        if (held == null) {
            return;
        }
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + LOCK + ")");
        } catch (SQLException e) {
            Log.debugf("Releasing the scheduler start turn: %s (closing the connection releases it too)", e.getMessage());
        } finally {
            held = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                Log.debugf("Closing a connection: %s", e.getMessage());
            }
        }
    }
}
