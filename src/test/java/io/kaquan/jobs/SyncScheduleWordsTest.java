package io.kaquan.jobs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;

/** The sync page says each job's schedule in words, in both languages, never as a cron expression. */
@QuarkusTest
class SyncScheduleWordsTest {

    @Test
    void schedulesReadAsWordsInChineseAndEnglish() {
        Session owner = Session.login("sync-words-owner");
        long tenant = TestTenants.register(owner, "计划文字");

        // application.properties: card-status "0 0 */6 * * ?", stats "0 30 0 * * ?", both spread over 2h
        owner.request().get("/t/" + tenant + "/sync").then().statusCode(200)
                .body(containsString("每 6 小时，各账号错开 2 小时"))
                .body(containsString("每天 00:30（北京时间），各账号错开 2 小时"))
                .body(containsString("卡券状态同步")).body(containsString("统计数据同步"))
                .body(not(containsString("*/6"))).body(not(containsString("0 30 0")));

        owner.request().cookie("kaquan-lang", "en").get("/t/" + tenant + "/sync").then().statusCode(200)
                .body(containsString("every 6 hours, accounts spread over 2 hours"))
                .body(containsString("daily at 00:30 (Beijing time), accounts spread over 2 hours"))
                .body(containsString("Card status sync")).body(containsString("Statistics sync"))
                .body(containsString("Sync card statuses now")).body(containsString("Run now: Statistics sync"))
                .body(not(containsString("*/6"))).body(not(containsString("0 30 0")));
    }
}
