package io.kaquan.callback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The events stored but not yet applied, for operators ({@code kaquan_inbox_backlog} on /q/metrics): the one figure
 * that tells whether the processors keep up. Counted in the database (every node sees the same inbox), at most once
 * per {@link #FRESH_FOR}, whatever the number of scrapes.
 */
@Startup
@ApplicationScoped
public class InboxBacklog {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    @Inject
    DataSource dataSource;

    private final AtomicLong count = new AtomicLong();
    private volatile long countedAt;

    @PostConstruct
    void register() {
        Gauge.builder("kaquan.inbox.backlog", this, InboxBacklog::current)
                .description("Events stored by the callback and not yet applied (RECEIVED or FAILED awaiting retry)")
                .register(Metrics.globalRegistry);
    }

    double current() {
        long now = System.nanoTime();
        if (now - countedAt > FRESH_FOR.toNanos()) {
            countedAt = now;
            try (Connection db = dataSource.getConnection();
                    PreparedStatement query = db.prepareStatement(
                            "select count(*) from wechat_event where status in ('RECEIVED', 'FAILED')");
                    ResultSet rows = query.executeQuery()) {
                rows.next();
                count.set(rows.getLong(1));
            } catch (SQLException e) {
                Log.debugf("Inbox backlog not counted: %s", e.getMessage());
            }
        }
        return count.get();
    }
}
