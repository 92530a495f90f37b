package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.rows;
import static io.kaquan.callback.CallbackFixtures.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V10 on a database that ran the inbox before the mirrors existed: the events parked as RECORDED are queued again,
 * none is lost, and the retired status can no longer be written. Runs the real migrations in a schema of its own.
 */
@QuarkusTest
class CallbackMigrationTest {

    @Inject
    DataSource db;

    @Test
    void shouldQueueTheRecordedEventsAgainAndRetireTheStatus() {
        String schema = "v10_" + TestTenants.hex(8);
        Flyway before = Flyway.configure().dataSource(db).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").target("6").load();
        before.migrate();
        String s = schema + ".";
        update(db, "insert into " + s + "app_user (subject, name, locale) values ('m', 'm', 'en')");
        update(db, "insert into " + s + "tenant (display_name, appid, original_id, message_mode, appsecret_enc, "
                + "callback_token_enc, aes_key_enc, created_by) values ('t', 'wx1', 'gh_1', 'SAFE', 'x', 'x', 'x', "
                + "(select id from " + s + "app_user))");
        for (String status : new String[] { "RECORDED", "RECORDED", "PROCESSED" }) {
            update(db, "insert into " + s + "wechat_event (tenant_id, dedupe_key, event_type, fields, raw_xml, arrived_as, "
                    + "status, attempts, outcome, received_at, processed_at) values ((select id from " + s + "tenant), "
                    + "gen_random_uuid()::text, 'user_get_card', '{}'::jsonb, '<xml/>', 'SAFE', ?, 1, 'recorded', "
                    + "now(), now())", status);
        }

        Flyway.configure().dataSource(db).schemas(schema).locations("classpath:db/migration").target("10").load()
                .migrate();

        Map<String, Object> counts = rows(db, "select count(*) filter (where status = 'RECEIVED') as received, "
                + "count(*) filter (where status = 'PROCESSED') as processed, "
                + "count(*) filter (where status = 'RECEIVED' and next_attempt_at is not null) as due from " + s
                + "wechat_event").get(0);
        assertEquals(2L, ((Number) counts.get("received")).longValue());
        assertEquals(2L, ((Number) counts.get("due")).longValue());
        assertEquals(1L, ((Number) counts.get("processed")).longValue());
        assertThrows(IllegalStateException.class, () -> update(db, "update " + s + "wechat_event set status = "
                + "'RECORDED'"));
        assertNotNull(rows(db, "select to_regclass(?) as t", s + "card_payment").get(0).get("t"));
        update(db, "drop schema " + schema + " cascade");
    }
}
