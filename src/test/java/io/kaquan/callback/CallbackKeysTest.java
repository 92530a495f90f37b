package io.kaquan.callback;

import static io.kaquan.callback.CallbackFixtures.count;
import static io.kaquan.callback.CallbackFixtures.eventXml;
import static io.kaquan.callback.CallbackFixtures.postSafe;
import static io.kaquan.callback.CallbackFixtures.rows;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.tenant.CallbackKeys;
import io.kaquan.tenant.SecretBox;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.testing.TransactionCounter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The callback keeps each tenant's routing and unsealed keys in memory: a change of token or key takes effect with the
 * next push, whether it was made on this node (forgotten at once) or on another one (the refused push reads again).
 */
@QuarkusTest
class CallbackKeysTest {

    static final String OPENID = "oCallbackKeysUser00000000001";
    static final String CARD = "pCallbackKeysCard00000000001";

    static Session owner;

    @Inject
    DataSource db;

    @Inject
    SecretBox secretBox;

    @Inject
    CallbackKeys keys;

    @BeforeAll
    static void signIn() {
        owner = Session.login("callback-owner");
    }

    @Test
    void shouldTakeANewCallbackTokenAtOnceAndRefuseTheOldOne() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        accepted(account, account.token(), account.aesKey(), 1_700_100_001L); // now held in memory
        String newToken = TestTenants.hex(32);
        owner.request().formParam("callbackToken", newToken)
                .post("/t/" + account.tenantId() + "/settings/callback-token").then().statusCode(303);

        refused(account, account.token(), account.aesKey(), 1_700_100_002L);
        accepted(account, newToken, account.aesKey(), 1_700_100_003L);
        assertEquals(2, stored(account));
    }

    @Test
    void shouldOpenPushesWithANewEncodingAesKeyAtOnce() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        accepted(account, account.token(), account.aesKey(), 1_700_100_011L);
        String newKey = TestTenants.hex(43);
        owner.request().formParam("aesKey", newKey).post("/t/" + account.tenantId() + "/settings/aes-key").then()
                .statusCode(303);

        accepted(account, account.token(), newKey, 1_700_100_012L);
        assertEquals(Boolean.FALSE, previousKey(account, 1_700_100_012L));
        // The key before stays good for its grace period, as before.
        accepted(account, account.token(), account.aesKey(), 1_700_100_013L);
        assertEquals(Boolean.TRUE, previousKey(account, 1_700_100_013L));
    }

    @Test
    void shouldTakeAChangeMadeOnAnotherNodeWithTheFirstPushThatNeedsIt() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        accepted(account, account.token(), account.aesKey(), 1_700_100_021L); // held in memory
        // Another node replaces token and key: this node hears nothing of it.
        String newToken = TestTenants.hex(32);
        String newKey = TestTenants.hex(43);
        CallbackFixtures.update(db, "update tenant set callback_token_enc = ?, aes_key_enc = ? where id = ?",
                secretBox.seal("tenant.callback-token", account.tenantId(), newToken),
                secretBox.seal("tenant.aes-key", account.tenantId(), newKey), account.tenantId());

        accepted(account, newToken, newKey, 1_700_100_022L);
        // That push made this node read the tenant again: the old values are refused from then on.
        refused(account, account.token(), account.aesKey(), 1_700_100_023L);
        assertEquals(2, stored(account));
        assertEquals(0, count(db, "select count(*) from unroutable_event where tenant_id = ?", account.tenantId()));
    }

    @Test
    void shouldReadAnOriginalIdOnceWhileManyPushesNeedIt() throws Exception {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        int readers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(readers, counted("keys-reader-"));
        try (Connection blocker = db.getConnection()) {
            // The first read waits behind this lock, so every other push arrives while it is under way.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table tenant in access exclusive mode");
            List<Future<List<CallbackKeys.Claim>>> reads = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                reads.add(pool.submit(() -> keys.reload(account.originalId(), 10)));
            }
            Awaitility.await("the other pushes wait for the read under way").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20)).until(() -> waitingReaders() == readers - 1);
            blocker.rollback();
            for (Future<List<CallbackKeys.Claim>> read : reads) {
                List<CallbackKeys.Claim> claims = read.get(30, TimeUnit.SECONDS);
                assertEquals(List.of(account.tenantId()), claims.stream().map(CallbackKeys.Claim::tenantId).toList());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, TransactionCounter.onThreads("keys-reader-"), "one database read for all of them");
    }

    private static ThreadFactory counted(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> new Thread(task, prefix + next.incrementAndGet());
    }

    /** Reader threads parked in CompletableFuture.join (waiting for another thread's read). */
    private static long waitingReaders() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("keys-reader-"))
                .filter(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().equals(
                        CompletableFuture.class.getName()) && f.getMethodName().equals("join")))
                .count();
    }

    private void accepted(CallbackFixtures.Account account, String token, String aesKey, long createTime)
            throws Exception {
        String xml = eventXml(account, OPENID, createTime, "user_view_card", "CardId", CARD);
        postSafe(token, aesKey, account.appid(), account.originalId(), xml).then().statusCode(200)
                .body(equalTo("success"));
        assertEquals(1, count(db, "select count(*) from wechat_event where tenant_id = ? and create_time = ?",
                account.tenantId(), createTime));
    }

    private void refused(CallbackFixtures.Account account, String token, String aesKey, long createTime)
            throws Exception {
        String xml = eventXml(account, OPENID, createTime, "user_view_card", "CardId", CARD);
        postSafe(token, aesKey, account.appid(), account.originalId(), xml).then().statusCode(403);
        assertEquals(0, count(db, "select count(*) from wechat_event where tenant_id = ? and create_time = ?",
                account.tenantId(), createTime));
    }

    private Object previousKey(CallbackFixtures.Account account, long createTime) {
        return rows(db, "select previous_key from wechat_event where tenant_id = ? and create_time = ?",
                account.tenantId(), createTime).get(0).get("previous_key");
    }

    private long stored(CallbackFixtures.Account account) {
        return count(db, "select count(*) from wechat_event where tenant_id = ?", account.tenantId());
    }
}
