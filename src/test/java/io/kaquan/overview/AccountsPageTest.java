package io.kaquan.overview;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The cross-account overview of an agency user: only their accounts, what needs a look per account, search, tags,
 * order, and "sync now" for a selection — with every way of reaching another user's account refused.
 */
@QuarkusTest
class AccountsPageTest {

    private static final Pattern ROW = Pattern.compile("<tr data-tenant=\"(\\d+)\"");

    static Session agency;
    static Session viewer;
    static Session stranger;
    static long quiet;
    static long busy;
    static long broken;
    static long strangers;

    @Inject
    EntityManager em;

    @BeforeAll
    static void setUp() {
        agency = Session.login("agency-ann");
        viewer = Session.login("bob");
        stranger = Session.login("agency-mallory");
        quiet = sandbox(agency, "安静的花店");
        busy = sandbox(agency, "忙碌的奶茶店");
        broken = sandbox(agency, "出问题的面包房");
        strangers = sandbox(stranger, "别人的咖啡馆");
        TestTenants.addMember(agency, quiet, "bob@example.com", "VIEWER");
    }

    static long sandbox(Session owner, String name) {
        return TestTenants.register(owner, Map.of("displayName", name, "sandbox", "true", "messageMode", "SAFE"));
    }

    @Test
    void shouldShowOnlyTheUsersAccountsWithWhatNeedsALookTroubleFirst() {
        sql("insert into card (tenant_id, card_id, card_type, status, origin, created_at, quantity, total_quantity) values "
                + "(?1, 'pReview1', 'CASH', 'NOT_VERIFY', 'KAQUAN', now(), 10, 10),"
                + "(?1, 'pReview2', 'CASH', 'NOT_VERIFY', 'KAQUAN', now(), 10, 10),"
                + "(?1, 'pRefused', 'CASH', 'VERIFY_FAIL', 'KAQUAN', now(), 10, 10),"
                + "(?1, 'pLow', 'CASH', 'VERIFY_OK', 'KAQUAN', now(), 5, 100),"
                + "(?1, 'pPlenty', 'CASH', 'VERIFY_OK', 'KAQUAN', now(), 90, 100)", busy);
        sql("insert into card_code (tenant_id, card_id, code, openid, status, updated_at, received_at, consumed_at) values "
                + "(?1, 'pPlenty', '100000000001', 'o1', 'CONSUMED', now(), now(), now()),"
                + "(?1, 'pPlenty', '100000000002', 'o2', 'NORMAL', now(), now(), null),"
                + "(?1, 'pPlenty', '100000000003', 'o3', 'NORMAL', now(), now() - interval '3 days', null)", busy);
        sql("insert into sync_run (job, tenant_id, due_at, started_at, finished_at, result, calls, message, node) "
                + "values ('card-status', ?1, now(), now(), now(), 'FAILED', 1, 'x', 'n')", broken);

        String page = agency.request().get("/accounts").then().statusCode(200).extract().asString();
        List<Long> order = rows(page);
        assertTrue(order.containsAll(List.of(quiet, busy, broken)), order.toString());
        assertFalse(order.contains(strangers), "another user's account is not listed");
        assertTrue(order.indexOf(broken) < order.indexOf(busy), "trouble first: " + order);
        assertTrue(order.indexOf(busy) < order.indexOf(quiet), "then the most cards needing a look: " + order);

        String busyRow = row(page, busy);
        assertTrue(busyRow.contains("status=NOT_VERIFY\">2</a>"), busyRow);
        assertTrue(busyRow.contains("status=VERIFY_FAIL\">1</a>"), busyRow);
        assertTrue(busyRow.matches("(?s).*class=\"num low-stock\"><a[^>]*>1</a>.*"), busyRow);
        assertTrue(busyRow.contains("class=\"num received\">2<"), "today's receipts only: " + busyRow);
        assertTrue(busyRow.contains("class=\"num consumed\">1<"), busyRow);
        assertTrue(row(page, broken).contains("1 项同步失败"), row(page, broken));
        assertTrue(row(page, quiet).contains("正常"));
        assertFalse(page.contains("NOT_VERIFY<") || page.contains(">FAILED"), "no enum names as text");

        List<Long> byReceipts = rows(agency.request().get("/accounts?sort=RECEIVED").then().statusCode(200)
                .extract().asString());
        assertEquals(busy, byReceipts.get(0), "most received today first");
        agency.request().get("/accounts?sort=%zz&page=-3&q=" + "x".repeat(500)).then().statusCode(200);
    }

    @Test
    void shouldFindAccountsByNameAppidAndTag() {
        String busyAppid = appid(busy);
        assertEquals(List.of(busy), rows(agency.request().get("/accounts?q=奶茶").then().statusCode(200)
                .extract().asString()));
        assertEquals(List.of(busy), rows(agency.request().get("/accounts?q=" + busyAppid.toUpperCase())
                .then().statusCode(200).extract().asString()));

        agency.request().formParam("tags", "客户甲, 连锁  客户甲").formParam("back", "/accounts")
                .post("/t/" + busy + "/tags").then().statusCode(303).header("Location", containsString("/accounts"));
        agency.request().formParam("tags", "客户乙").post("/t/" + quiet + "/tags").then().statusCode(303);
        assertEquals(List.of("客户甲", "连锁"), tags(busy), "trimmed, once each");
        assertEquals(List.of(busy), rows(agency.request().get("/accounts?tag=客户甲").then().statusCode(200)
                .extract().asString()));
        assertEquals(List.of(quiet), rows(agency.request().get("/accounts?q=客户乙").then().statusCode(200)
                .extract().asString()), "the search reads tags too");

        String flash = agency.request().formParam("tags", "一二三四五六七八九十一二三四五六七八九十一")
                .formParam("back", "/accounts").post("/t/" + busy + "/tags").then().statusCode(303)
                .extract().cookie("kaquan-flash");
        assertTrue(flashText(flash).contains("太长"), flash);
        agency.request().formParam("tags", "a b c d e f").post("/t/" + busy + "/tags").then().statusCode(303);
        assertEquals(List.of("客户甲", "连锁"), tags(busy), "refused tags change nothing");
    }

    @Test
    void shouldKeepTagsOfAnAccountToItsOperators() {
        stranger.request().formParam("tags", "抢来的").post("/t/" + busy + "/tags").then().statusCode(404);
        viewer.request().formParam("tags", "只读").post("/t/" + quiet + "/tags").then().statusCode(403);
        viewer.request().get("/accounts").then().statusCode(200)
                .body(containsString("data-tenant=\"" + quiet + "\""))
                .body(not(containsString("data-tenant=\"" + busy + "\"")))
                .body(not(containsString("action=\"/t/" + quiet + "/tags\"")));
        assertFalse(tags(quiet).contains("只读"));
    }

    @Test
    void shouldQueueASyncForTheSelectedAccountsOnly() {
        agency.request().formParam("tenant", String.valueOf(quiet)).formParam("tenant", String.valueOf(busy))
                .formParam("back", "/accounts").post("/accounts/sync").then().statusCode(303);
        assertTrue(dueNow(quiet) && dueNow(busy), "both queued");
        assertEquals(2L, count("select count(*) from audit_log where action = 'sync.run-now' and tenant_id in (?1, ?2)",
                quiet, busy), "audited in each account");

        // Someone else's account in the selection: it does not exist for this user, and nothing is queued.
        long before = count("select count(*) from audit_log where tenant_id = ?1", broken);
        agency.request().formParam("tenant", String.valueOf(broken)).formParam("tenant", String.valueOf(strangers))
                .post("/accounts/sync").then().statusCode(404);
        assertFalse(dueNow(strangers));
        assertEquals(before, count("select count(*) from audit_log where tenant_id = ?1", broken));
        agency.request().formParam("tenant", "not-a-number").post("/accounts/sync").then().statusCode(404);

        // A viewer may look but not sync.
        String flash = viewer.request().formParam("tenant", String.valueOf(quiet)).formParam("back", "/accounts")
                .post("/accounts/sync").then().statusCode(303).extract().cookie("kaquan-flash");
        assertTrue(flashText(flash).contains("只能查看"), flash);
        String none = agency.request().formParam("back", "/accounts").post("/accounts/sync").then().statusCode(303)
                .extract().cookie("kaquan-flash");
        assertTrue(flashText(none).contains("请先勾选"), none);
    }

    /** The flash cookie's message (base64url JSON). */
    private static String flashText(String cookie) {
        return new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.UTF_8);
    }

    private boolean dueNow(long tenant) {
        return count("select count(*) from job_schedule where job = 'card-status' and tenant_id = ?1 "
                + "and next_due_at <= now()", tenant) == 1;
    }

    private static List<Long> rows(String page) {
        return ROW.matcher(page).results().map(m -> Long.parseLong(m.group(1))).toList();
    }

    private static String row(String page, long tenant) {
        int start = page.indexOf("<tr data-tenant=\"" + tenant + "\"");
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private List<String> tags(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select tag from tenant_tag where tenant_id = ?1 order by tag", String.class).setParameter(1, tenant)
                .getResultList());
    }

    private String appid(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select appid from tenant where id = ?1").setParameter(1, tenant).getSingleResult());
    }

    private void sql(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            query.executeUpdate();
        });
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
