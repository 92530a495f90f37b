package io.kaquan.callback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Group commit for the inbox: the pushes that arrive while one group is being written are written together, in one
 * transaction, and each caller returns only after that commit. A durable commit waits for the disk; one commit per
 * push capped the callback at the disk's flush rate, one commit per group lets every push waiting meanwhile share it.
 * Plain JDBC on the datasource's pool: no ORM session, flush or second-level-cache invalidation on this path. The
 * unique dedupe key decides per row ({@code on conflict do nothing}: 1 row new, 0 a duplicate, also within a group).
 */
@ApplicationScoped
class InboxWriter {

    static final String INSERT = "insert into wechat_event (tenant_id, dedupe_key, event_type, from_user, create_time, "
            + "card_id, user_card_code, fields, raw_xml, arrived_as, previous_key, status, next_attempt_at, received_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, 'RECEIVED', ?, ?) "
            + "on conflict (tenant_id, dedupe_key) do nothing";

    /** A push waiting for its group's commit. */
    private record Pending(Inbox.Incoming incoming, String fieldsJson, Instant receivedAt,
            CompletableFuture<Boolean> stored) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CallbackConfig config;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile ExecutorService writers;
    private volatile boolean stopping;

    /**
     * Writes the event (unless its dedupe key is there) and answers once it is committed: true when it was new.
     *
     * @throws IllegalStateException when it could not be written in time (the endpoint answers 503; WeChat retries)
     */
    boolean store(Inbox.Incoming incoming, String fieldsJson) {
        Pending pending = new Pending(incoming, fieldsJson, Instant.now(), new CompletableFuture<>());
        startIfNeeded();
        queue.add(pending);
        CallbackConfig.GroupCommit settings = config.groupCommit();
        try {
            return pending.stored.get(settings.answerWithin().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The inbox could not store the push", e.getCause());
        } catch (TimeoutException e) {
            // It may still be committed later: WeChat's retry is then a duplicate, stored once.
            throw new IllegalStateException("The inbox did not store the push within " + settings.answerWithin());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing a push", e);
        }
    }

    private void startIfNeeded() {
        if (writers != null) {
            return;
        }
        synchronized (this) {
            if (writers != null || stopping) {
                return;
            }
            int count = Math.max(1, config.groupCommit().writers());
            AtomicInteger n = new AtomicInteger();
            ExecutorService started = Executors.newFixedThreadPool(count, runnable -> {
                Thread thread = new Thread(runnable, "inbox-writer-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            for (int i = 0; i < count; i++) {
                started.execute(this::writeGroups);
            }
            writers = started;
        }
    }

    /** Lets the groups under way commit, then fails what is left (WeChat retries those pushes). */
    void stop(@Observes ShutdownEvent event) {
        ExecutorService running;
        synchronized (this) {
            stopping = true;
            running = writers;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.shutdownNow();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.stored.completeExceptionally(new IllegalStateException("The node is stopping"));
        }
    }

    private void writeGroups() {
        int maxGroup = Math.max(1, config.groupCommit().maxPushes());
        List<Pending> group = new ArrayList<>(maxGroup);
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.errorf(e, "Inbox writer: unexpected failure; the group's pushes are refused (WeChat retries)");
                group.forEach(pending -> pending.stored.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    /** One transaction for the group; if it fails, each push alone, so that one bad row cannot refuse the others. */
    private void write(List<Pending> group) {
        try {
            int[] counts = insert(group);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).stored.complete(counts[i] == 1);
            }
        } catch (SQLException e) {
            if (group.size() == 1) {
                Log.warnf("Inbox writer: a push could not be stored (%s); WeChat will retry it", e.getMessage());
                group.get(0).stored.completeExceptionally(e);
                return;
            }
            Log.warnf("Inbox writer: a group of %d failed (%s); writing its pushes one by one", group.size(),
                    e.getMessage());
            for (Pending pending : group) {
                write(List.of(pending));
            }
        }
    }

    private int[] insert(List<Pending> group) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Pending pending : group) {
                    bind(insert, pending);
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                connection.commit();
                return counts;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void bind(PreparedStatement insert, Pending pending) throws SQLException {
        Inbox.Incoming incoming = pending.incoming;
        Timestamp now = Timestamp.from(pending.receivedAt);
        insert.setLong(1, incoming.tenantId());
        insert.setString(2, incoming.dedupeKey());
        insert.setString(3, incoming.eventType());
        insert.setString(4, incoming.field("FromUserName"));
        insert.setLong(5, incoming.createTime());
        setNullable(insert, 6, incoming.field("CardId"));
        setNullable(insert, 7, incoming.field("UserCardCode"));
        insert.setString(8, pending.fieldsJson);
        insert.setString(9, incoming.rawXml());
        insert.setString(10, incoming.arrivedAs());
        insert.setBoolean(11, incoming.previousKey());
        insert.setTimestamp(12, now);
        insert.setTimestamp(13, now);
    }

    private static void setNullable(PreparedStatement insert, int index, String value) throws SQLException {
        if (value == null || value.isEmpty()) {
            insert.setNull(index, Types.VARCHAR);
        } else {
            insert.setString(index, value);
        }
    }
}
