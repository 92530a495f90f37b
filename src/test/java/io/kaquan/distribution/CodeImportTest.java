package io.kaquan.distribution;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.account.AuditAction;
import io.kaquan.account.AuditEntry;
import io.kaquan.tenant.Tenant;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Imported codes against the sandbox: a file checked whole, deposited in batches of 100, known codes skipped, and a
 * batch whose answer is lost settled by checkcode — never sent twice.
 */
@QuarkusTest
class CodeImportTest {

    static String depositCard(long tenant) {
        String cardId = TestCards.create(tenant, "GENERAL_COUPON", card -> ((ObjectNode) card.get("general_coupon")
                .get("base_info")).put("use_custom_code", true).put("get_custom_code_mode", "GET_CUSTOM_CODE_MODE_DEPOSIT"));
        TestCards.review(cardId, true, null);
        TestCards.mirror(tenant, cardId);
        return cardId;
    }

    static Response upload(Session session, long tenant, String cardId, String file) {
        return session.request().multiPart("file", "codes.csv", file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post(DistributionPagesTest.section(tenant, cardId) + "/codes");
    }

    static String codes(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + i + ",备注").collect(Collectors.joining("\r\n"));
    }

    static List<DepositBatch> batches(long tenant, String cardId) {
        return QuarkusTransaction.requiringNew().call(() -> DepositBatch.list("tenantId = ?1 and cardId = ?2 order by id",
                tenant, cardId));
    }

    @Test
    void shouldDepositInBatchesSkipKnownCodesAndSettleALostAnswerWithoutResending() {
        Session owner = Session.login("import-owner");
        long tenant = DistributionPagesTest.sandboxTenant(owner, "导入码店");
        String appid = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> findById(tenant).appid);
        String cardId = depositCard(tenant);
        owner.request().get(DistributionPagesTest.section(tenant, cardId)).then().statusCode(200)
                .body(containsString("id=\"import-form\"")).body(containsString("可领取的已导入 Code：0 个"));

        String page = DistributionPagesTest.followed(owner, upload(owner, tenant, cardId, "\uFEFF" + codes("IMP", 0, 250)));
        assertTrue(page.contains("已导入 250 个 Code（微信说已存在 0 个，失败 0 个；已导入过而跳过 0 个）。"), page);
        assertEquals(List.of(100, 100, 50), batches(tenant, cardId).stream().map(b -> b.size).toList());
        page = DistributionPagesTest.followed(owner, upload(owner, tenant, cardId, codes("IMP", 0, 255)));
        assertTrue(page.contains("已导入 5 个 Code（微信说已存在 0 个，失败 0 个；已导入过而跳过 250 个）。"), page);
        owner.request().get(DistributionPagesTest.section(tenant, cardId)).then()
                .body(containsString("可领取的已导入 Code：255 个")).body(containsString("库存多于可领取的 Code"));

        // The file is checked whole: nothing is sent when a line is wrong.
        assertTrue(DistributionPagesTest.followed(owner, upload(owner, tenant, cardId, "NEW-1\nNEW-2\nNEW-1"))
                .contains("第 3 行的「NEW-1」与第 1 行重复。"));
        assertTrue(DistributionPagesTest.followed(owner, upload(owner, tenant, cardId, "NEW-1\nTHIS-CODE-IS-FAR-TOO-LONG"))
                .contains("第 2 行的「THIS-CODE-IS-FAR-TOO-LONG」不是有效的 Code"));
        assertTrue(DistributionPagesTest.followed(owner, upload(owner, tenant, cardId, "\n \n"))
                .contains("文件里没有 Code。"));
        assertEquals(4, batches(tenant, cardId).size());

        // WeChat holds the answer past our read timeout (the call and the checkcode after it).
        faults(appid, Map.of("latencyMs", 5000));
        page = DistributionPagesTest.followed(owner, upload(owner, tenant, cardId, codes("LATE", 0, 10)));
        assertTrue(page.contains("导入中断：已导入 0 个后，微信没有回答"), page);
        faults(appid, Map.of("latencyMs", 0));
        DepositBatch lost = batches(tenant, cardId).get(4);
        assertEquals(CallState.UNCERTAIN, lost.state);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "tenantId = ?1 and action = ?2 and details like ?3", tenant, AuditAction.CODES_IMPORTED.code(),
                "codes=10 deposited=0 %")), "an interrupted import is audited too");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            owner.request().post(DistributionPagesTest.section(tenant, cardId) + "/codes/settle").then().statusCode(303);
            assertEquals(CallState.APPLIED, batches(tenant, cardId).get(4).state);
        });
        assertEquals(5, batches(tenant, cardId).size(), "the lost batch was not sent again");
        assertEquals(10, batches(tenant, cardId).get(4).deposited);
        page = DistributionPagesTest.followed(owner, upload(owner, tenant, cardId, codes("LATE", 0, 10)));
        assertTrue(page.contains("已导入过而跳过 10 个"), page);
        owner.request().get(DistributionPagesTest.section(tenant, cardId)).then()
                .body(containsString("可领取的已导入 Code：265 个"));

        // A spreadsheet's title row is not a code.
        page = DistributionPagesTest.followed(owner, upload(owner, tenant, cardId, "Code,备注\r\nHDR-1,首批"));
        assertTrue(page.contains("已导入 1 个 Code（"), page);
        assertTrue(batches(tenant, cardId).get(5).codeList().equals(List.of("HDR-1")));
    }

    @Test
    void shouldExplainInWordsWhyACustomCodeCardsStockCannotGrowPastItsCodes() {
        Session owner = Session.login("import-stock");
        long tenant = DistributionPagesTest.sandboxTenant(owner, "自定义码库存店");
        String cardId = depositCard(tenant); // a stock of 1000, no codes yet
        String cardPage = "/t/" + tenant + "/cards/" + cardId;
        owner.request().get(cardPage).then().statusCode(200)
                .body(containsString("库存不能超过已导入、还没发出的 Code 数。"));

        String page = DistributionPagesTest.followed(owner, owner.request().formParam("direction", "increase")
                .formParam("amount", "5").formParam("reason", "补货").post(cardPage + "/stock"));
        assertTrue(page.contains("库存不能超过已导入、还没发出的 Code 数（现在有 0 个）。请先在「投放」里导入更多 Code"), page);
        owner.request().formParam("direction", "decrease").formParam("amount", "1000").formParam("reason", "清零")
                .post(cardPage + "/stock").then().statusCode(303);
        upload(owner, tenant, cardId, codes("STK", 0, 3)).then().statusCode(303);
        page = DistributionPagesTest.followed(owner, owner.request().formParam("direction", "increase")
                .formParam("amount", "4").formParam("reason", "补货").post(cardPage + "/stock"));
        assertTrue(page.contains("（现在有 3 个）"), page);
        owner.request().formParam("direction", "increase").formParam("amount", "3").formParam("reason", "补货")
                .post(cardPage + "/stock").then().statusCode(303);
        assertEquals(Integer.valueOf(3), TestCards.stored(tenant, cardId).quantity);
        long refusals = QuarkusTransaction.requiringNew().call(() -> io.kaquan.account.AuditEntry
                .count("tenantId = ?1 and action = ?2 and details like ?3", tenant, "card.stock-failed", "%errcode=40122%"));
        assertEquals(2, refusals);
    }

    @Test
    void shouldRefuseCardsWithoutCustomCodesStrangersAndViewers() {
        Session owner = Session.login("import-iso-a");
        Session stranger = Session.login("import-iso-b");
        Session viewer = Session.login("import-iso-viewer");
        long tenantA = DistributionPagesTest.sandboxTenant(owner, "导入隔离甲");
        long tenantB = DistributionPagesTest.sandboxTenant(stranger, "导入隔离乙");
        TestTenants.addMember(owner, tenantA, "import-iso-viewer@example.com", "VIEWER");
        String plain = TestCards.approved(tenantA, "GIFT");
        assertTrue(DistributionPagesTest.followed(owner, upload(owner, tenantA, plain, "A1"))
                .contains("只有自定义 Code 的卡券可以导入 Code。"));
        String cardOfA = depositCard(tenantA);
        for (long tenant : List.of(tenantA, tenantB)) {
            upload(stranger, tenant, cardOfA, "S1").then().statusCode(404);
            stranger.request().post(DistributionPagesTest.section(tenant, cardOfA) + "/codes/settle").then()
                    .statusCode(404);
        }
        upload(viewer, tenantA, cardOfA, "V1").then().statusCode(403);
        viewer.request().post(DistributionPagesTest.section(tenantA, cardOfA) + "/codes/settle").then().statusCode(403);
        viewer.request().get(DistributionPagesTest.section(tenantA, cardOfA)).then().statusCode(200)
                .body(containsString("可领取的已导入 Code")).body(org.hamcrest.Matchers.not(containsString("id=\"import-form\"")));
        assertEquals(0, batches(tenantA, cardOfA).size());
    }

    static void faults(String appid, Map<String, Object> faults) {
        given().contentType(ContentType.JSON).body(faults).put("/sandbox/admin/accounts/" + appid + "/faults").then()
                .statusCode(200);
    }
}
