package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.count;
import static io.kaquan.callback.CallbackFixtures.eventXml;
import static io.kaquan.callback.CallbackFixtures.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The processor applies a claimed batch in one transaction; when one event of it fails, the rest of that batch is
 * applied one event per transaction: a second failing event costs only itself, and no event is lost or applied twice.
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
}
