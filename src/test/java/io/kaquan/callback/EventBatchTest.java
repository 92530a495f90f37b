package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.count;
import static io.kaquan.callback.CallbackFixtures.eventXml;
import static io.kaquan.callback.CallbackFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The processor applies a claimed batch in one transaction; when one event of it fails, the rest of that batch is
 * applied one event per transaction: a second failing event costs only itself, and no event is lost or applied twice.
 * Handlers whose effects commute take their events of a batch together (view counts), each still once.
 */
@QuarkusTest
class EventBatchTest {

    static final String OPENID = "oEventBatchUser0000000000001";

    static Session owner;

    @Inject
    DataSource db;

    @Inject
    EventProcessor processor;

    @BeforeAll
    static void signIn() {
        owner = Session.login("callback-owner");
    }

    @Test
    void shouldApplyTheRestOfAFailingBatchOneByOneAndEachEffectOnce() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        String prefix = "pBatch" + CallbackFixtures.hex(8) + "_";
        processor.stopRounds(); // the batch is claimed by the call below, not by a round
        try {
            for (int i = 1; i <= 6; i++) {
                boolean fails = i == 2 || i == 5; // two failing events in one batch, others around them
                String xml = eventXml(account, OPENID, 1_700_200_000L + i, FlakyTestHandler.TYPE, "CardId",
                        prefix + i, "FailTimes", fails ? "1" : "0");
                CallbackFixtures.update(db, "insert into wechat_event (tenant_id, dedupe_key, event_type, from_user, "
                        + "create_time, card_id, fields, raw_xml, arrived_as, status, next_attempt_at, received_at) "
                        + "values (?, ?, ?, ?, ?, ?, '{}'::jsonb, ?, 'PLAIN', 'RECEIVED', now(), now())",
                        account.tenantId(), "batch|" + i, FlakyTestHandler.TYPE, OPENID, 1_700_200_000L + i, prefix + i,
                        xml);
            }
            processor.processBatch();

            List<Map<String, Object>> events = rows(db, "select card_id, status, attempts from wechat_event "
                    + "where tenant_id = ? order by card_id", account.tenantId());
            assertEquals(6, events.size());
            for (Map<String, Object> event : events) {
                boolean fails = event.get("card_id").toString().endsWith("_2")
                        || event.get("card_id").toString().endsWith("_5");
                assertEquals(fails ? "FAILED" : "PROCESSED", event.get("status"), event.toString());
                assertEquals(1, ((Number) event.get("attempts")).intValue(), event.toString());
                // The effect is there exactly once for the applied events, not at all for the failed ones.
                assertEquals(fails ? 0 : 1, count(db, "select coalesce(sum(count), 0) from card_event_count "
                        + "where tenant_id = ? and card_id = ?", account.tenantId(), event.get("card_id")));
            }
        } finally {
            processor.startRounds();
        }
    }

    @Test
    void shouldCountABatchsViewsTogetherEachOnceAndAnEventCountedBeforeNotAgain() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        String card = "pViews" + CallbackFixtures.hex(8);
        String other = card + "_other";
        // Two Shanghai days: 2023-11-15 08:00 and 2023-11-16 08:00 (+08:00).
        long day1 = 1_700_006_400L;
        long day2 = day1 + 86_400;
        processor.stopRounds();
        try {
            insertEvent(account, "views|1", "user_view_card", card, day1);
            insertEvent(account, "views|2", "user_view_card", card, day1 + 60);
            insertEvent(account, "views|3", "user_view_card", card, day2);
            insertEvent(account, "views|4", "user_enter_session_from_card", card, day1);
            insertEvent(account, "views|5", "user_view_card", other, day1);
            insertEvent(account, "views|6", "user_view_card", null, day1);
            long countedBefore = insertEvent(account, "views|7", "user_view_card", card, day1);
            CallbackFixtures.update(db, "insert into card_event_seen (event_id) values (?)", countedBefore);

            assertEquals(7, processor.processBatch());

            assertEquals(Map.of("2023-11-15/user_view_card/" + card, 2L, "2023-11-16/user_view_card/" + card, 1L,
                    "2023-11-15/user_enter_session_from_card/" + card, 1L, "2023-11-15/user_view_card/" + other, 1L),
                    viewCounts(account));
            List<Map<String, Object>> events = rows(db, "select dedupe_key, status, attempts, outcome from wechat_event "
                    + "where tenant_id = ? order by dedupe_key", account.tenantId());
            assertEquals(List.of("PROCESSED", "PROCESSED", "PROCESSED", "PROCESSED", "PROCESSED", "IGNORED", "PROCESSED"),
                    events.stream().map(e -> e.get("status")).toList());
            assertEquals("counted for " + card + " on 2023-11-16", events.get(2).get("outcome"));
            assertEquals("no CardId", events.get(5).get("outcome"));
            assertEquals("already counted", events.get(6).get("outcome"));
            events.forEach(e -> assertEquals(1, ((Number) e.get("attempts")).intValue(), e.toString()));

            // Applied again (a replay by hand): nothing more is counted.
            CallbackFixtures.update(db, "update wechat_event set status = 'RECEIVED', next_attempt_at = now() "
                    + "where tenant_id = ?", account.tenantId());
            assertEquals(7, processor.processBatch());
            assertEquals(5L, viewCounts(account).values().stream().mapToLong(Long::longValue).sum());
        } finally {
            processor.startRounds();
        }
    }

    @Test
    void shouldApplyEachAloneWhenAGroupFailsWithoutChargingAnyOfIt() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "PLAIN");
        String prefix = "pTogether" + CallbackFixtures.hex(8) + "_";
        processor.stopRounds();
        try {
            for (int i = 1; i <= 3; i++) {
                insertEvent(account, "together|" + i, TogetherTestHandler.TYPE, prefix + i, 1_700_300_000L + i);
            }
            assertEquals(3, processor.processBatch());

            List<Map<String, Object>> events = rows(db, "select card_id, status, attempts, last_error, outcome "
                    + "from wechat_event where tenant_id = ? order by card_id", account.tenantId());
            assertEquals(3, events.size());
            for (Map<String, Object> event : events) {
                assertEquals("PROCESSED", event.get("status"), event.toString());
                assertEquals("applied alone", event.get("outcome"), event.toString());
                assertEquals(1, ((Number) event.get("attempts")).intValue(), event.toString());
                assertEquals(null, event.get("last_error"), "no event is blamed for its group: " + event);
                // Once each: the group's partial effect was rolled back.
                assertEquals(1, count(db, "select coalesce(sum(count), 0) from card_event_count "
                        + "where tenant_id = ? and card_id = ?", account.tenantId(), event.get("card_id")));
            }
        } finally {
            processor.startRounds();
        }
    }

    /** A stored push, due now; answers its id. */
    private long insertEvent(CallbackFixtures.Account account, String dedupeKey, String type, String cardId,
            long createTime) {
        String xml = cardId == null ? eventXml(account, OPENID, createTime, type)
                : eventXml(account, OPENID, createTime, type, "CardId", cardId);
        CallbackFixtures.update(db, "insert into wechat_event (tenant_id, dedupe_key, event_type, from_user, "
                + "create_time, card_id, fields, raw_xml, arrived_as, status, next_attempt_at, received_at) "
                + "values (?, ?, ?, ?, ?, ?, '{}'::jsonb, ?, 'PLAIN', 'RECEIVED', now(), now())", account.tenantId(),
                dedupeKey, type, OPENID, createTime, cardId, xml);
        return count(db, "select id from wechat_event where tenant_id = ? and dedupe_key = ?", account.tenantId(),
                dedupeKey);
    }

    /** card_event_count of the tenant as "day/type/card" → count. */
    private Map<String, Long> viewCounts(CallbackFixtures.Account account) {
        return rows(db, "select day, event_type, card_id, count from card_event_count where tenant_id = ?",
                account.tenantId()).stream().collect(Collectors.toMap(
                        row -> row.get("day") + "/" + row.get("event_type") + "/" + row.get("card_id"),
                        row -> ((Number) row.get("count")).longValue()));
    }
}
