package io.kaquan.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.kaquan.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The maintained card counts (V36, applied at commit since V39) under concurrent status changes: transactions that
 * move several cards each, in different orders, must neither deadlock on the count rows nor lose a change.
 */
@QuarkusTest
class CardCountConcurrencyTest {

    private static final String[] STATUSES = { "VERIFY_OK", "DISPATCH", "SYS_OFF_SHELF", "EXPIRED", "DELETE" };
    private static final String[] TYPES = { "CASH", "GIFT" };
    private static final int CARDS = 40;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldKeepTheCountsExactWithoutDeadlocksWhenTransactionsMoveCardsInDifferentOrders() throws Exception {
        long tenant = tenantWithCards();
        int threads = 8;
        int transactionsPerThread = 25;
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger deadlocks = new AtomicInteger();
        AtomicInteger otherFailures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit((Callable<Void>) () -> {
                Random random = new Random(thread);
                start.await();
                for (int i = 0; i < transactionsPerThread; i++) {
                    try {
                        moveSeveralCards(tenant, thread, CARDS / threads, random);
                    } catch (SQLException e) {
                        if ("40P01".equals(e.getSQLState())) {
                            deadlocks.incrementAndGet();
                        } else {
                            otherFailures.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertEquals(0, deadlocks.get(), "deadlocks on the count rows");
        assertEquals(0, otherFailures.get(), "other failures");
        assertEquals(plainCounts(tenant), maintainedCounts(tenant));
    }

    /**
     * One transaction that moves a few random cards of the thread's own (some of them to another type too) and
     * sometimes adds one, statement by statement: the threads share no card row, only the count rows, which V36's
     * triggers locked in the random order of the changes.
     */
    private void moveSeveralCards(long tenant, int thread, int cardsPerThread, Random random) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement move = connection.prepareStatement(
                    "update card set status = ?, card_type = ? where tenant_id = ? and card_id = ?")) {
                for (int i = 0; i < 4; i++) {
                    move.setString(1, STATUSES[random.nextInt(STATUSES.length)]);
                    move.setString(2, TYPES[random.nextInt(TYPES.length)]);
                    move.setLong(3, tenant);
                    move.setString(4, cardId(tenant, thread * cardsPerThread + random.nextInt(cardsPerThread)));
                    move.executeUpdate();
                    if (random.nextInt(4) == 0) {
                        Thread.sleep(2); // hold the locks a little, as a transaction with more work would
                    }
                }
                if (random.nextInt(3) == 0) {
                    insertCards(connection, tenant, "extra" + random.nextLong(), 1);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } catch (InterruptedException e) {
                connection.rollback();
                Thread.currentThread().interrupt();
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private long tenantWithCards() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement user = connection.prepareStatement("insert into app_user (subject, name, locale) "
                    + "values ('card-count', 'card-count', 'en') on conflict (subject) do nothing")) {
                user.executeUpdate();
            }
            long tenant;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into tenant (display_name, appid, original_id, message_mode, sandbox, appsecret_enc,
                        callback_token_enc, aes_key_enc, created_by)
                    values ('card counts', ?, ?, 'SAFE', true, 'x', 'x', 'x',
                        (select id from app_user where subject = 'card-count'))
                    returning id""")) {
                insert.setString(1, TestTenants.appid());
                insert.setString(2, TestTenants.originalId());
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    tenant = row.getLong(1);
                }
            }
            insertCards(connection, tenant, "c", CARDS);
            return tenant;
        }
    }

    /** Cards {@code <tenant>_<prefix><i>}, spread over the statuses and types. */
    private static void insertCards(Connection connection, long tenant, String prefix, int count) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into card (tenant_id, card_id, card_type, title, status, quantity, total_quantity, origin,
                    created_at)
                select ?, format('pcount%s_%s%s', ?, ?, i), (array['CASH','GIFT'])[1 + i % 2], 'count',
                    (array['VERIFY_OK','DISPATCH','SYS_OFF_SHELF','EXPIRED','DELETE'])[1 + i % 5], 1, 1,
                    'DISCOVERED', now()
                from generate_series(0, ? - 1) as i""")) {
            insert.setLong(1, tenant);
            insert.setLong(2, tenant);
            insert.setString(3, prefix);
            insert.setInt(4, count);
            insert.executeUpdate();
        }
    }

    private static String cardId(long tenant, int i) {
        return "pcount" + tenant + "_c" + i;
    }

    private Map<String, Long> plainCounts(long tenant) throws SQLException {
        return counts("select status, card_type, count(*) from card where tenant_id = ? group by status, card_type",
                tenant);
    }

    private Map<String, Long> maintainedCounts(long tenant) throws SQLException {
        return counts("select status, card_type, cards from card_count where tenant_id = ? and cards <> 0", tenant);
    }

    private Map<String, Long> counts(String sql, long tenant) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1) + "/" + rows.getString(2), rows.getLong(3));
                }
            }
        }
        return counts;
    }
}
