package io.kaquan.distribution;

import static io.kaquan.distribution.DistributionPagesTest.followed;
import static io.kaquan.distribution.DistributionPagesTest.sandboxTenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kaquan.account.AuditEntry;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * 卡券货架 against the sandbox: a page made of the tenant's cards and received from, WeChat's refusals in words, a lost
 * answer never sent again by itself, and every route closed to strangers (404) and to viewers' changes (403).
 */
@QuarkusTest
class LandingPagePagesTest {

    static String pages(long tenant) {
        return "/t/" + tenant + "/distribution/landing-pages";
    }

    static Response create(Session session, long tenant, String title, String scene, byte[] banner,
            List<String> cards) {
        RequestSpecification request = session.request().multiPart(text("title", title))
                .multiPart(text("scene", scene)).multiPart(text("canShare", "true"));
        for (String card : cards) {
            request = request.multiPart(text("cards", card));
        }
        if (banner != null) {
            request = request.multiPart("banner", "banner.png", banner, "image/png");
        }
        return request.post(pages(tenant));
    }

    /** A form field as a browser sends it, in UTF-8. */
    static io.restassured.specification.MultiPartSpecification text(String name, String value) {
        return new io.restassured.builder.MultiPartSpecBuilder(value).controlName(name).charset("UTF-8").build();
    }

    static LandingPage newest(long tenant) {
        return QuarkusTransaction.requiringNew().call(() -> LandingPage
                .<LandingPage> find("tenantId = ?1 order by id desc", tenant).firstResult());
    }

    static long audits(long tenant, String action) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.count("tenantId = ?1 and action = ?2", tenant, action));
    }

    @Test
    void shouldMakeAPageOfTheTenantsCardsThatUsersReceiveFrom() {
        Session owner = Session.login("landing-owner");
        long tenant = sandboxTenant(owner, "货架面包店");
        String gift = TestCards.approved(tenant, "GIFT");
        String cash = TestCards.approved(tenant, "CASH");
        owner.request().get(pages(tenant)).then().statusCode(200).body(containsString("还没有货架。"))
                .body(containsString("value=\"" + gift + "\"")).body(containsString("<option value=\"SCENE_MENU\">自定义菜单"));

        String page = followed(owner, create(owner, tenant, "春季上新", "SCENE_MENU", TestCards.PNG, List.of(gift, cash)));
        assertTrue(page.contains("货架「春季上新」已创建。"), page);
        LandingPage made = newest(tenant);
        assertEquals(CallState.APPLIED, made.state);
        assertNotNull(made.pageId);
        assertTrue(made.url.contains("/sandbox/l/"), made.url);
        assertEquals(List.of(gift, cash), made.cards.stream().map(c -> c.cardId).toList());
        assertTrue(page.contains("<code id=\"landing-url-" + made.id + "\" class=\"landing-url\">" + made.url), page);
        assertTrue(page.contains("自定义菜单 · 可以分享"), page);
        assertEquals(1, audits(tenant, "distribution.landing-page-created"));

        byte[] png = owner.request().queryParam("size", 860).queryParam("download", true)
                .get(pages(tenant) + "/" + made.id + "/png").then().statusCode(200).contentType("image/png")
                .header("Content-Disposition", containsString("landing-page-")).extract().asByteArray();
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, Arrays.copyOf(png, 4));
        owner.request().queryParam("size", 7).get(pages(tenant) + "/" + made.id + "/png").then().statusCode(404);

        String token = made.url.substring(made.url.indexOf("/sandbox/l/") + "/sandbox/l/".length());
        given().contentType(ContentType.JSON).body(Map.of("cardId", cash, "openid", "oShelfBuyer"))
                .post("/sandbox/admin/landing-pages/" + token + "/receive").then().statusCode(201);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(1,
                TestCards.mirror(tenant, cash).receivedCount));
    }

    @Test
    void shouldRefuseBadPagesInWords() {
        Session owner = Session.login("landing-refusals");
        long tenant = sandboxTenant(owner, "货架拒绝店");
        String gift = TestCards.approved(tenant, "GIFT");
        String custom = TestCards.create(tenant, "GENERAL_COUPON",
                card -> ((com.fasterxml.jackson.databind.node.ObjectNode) card.get("general_coupon").get("base_info"))
                        .put("use_custom_code", true));
        owner.request().get(pages(tenant)).then().statusCode(200).body(containsString("id=\"custom-code-left-out\""))
                .body(not(containsString("value=\"" + custom + "\"")));

        String page = followed(owner, create(owner, tenant, " ", "SCENE_MOON", null, List.of()));
        assertTrue(page.contains("请填写页面标题。"), page);
        assertTrue(page.contains("请选择投放场景。"), page);
        assertTrue(page.contains("请至少选择一张卡券。"), page);
        assertTrue(page.contains("请选择横幅图片。"), page);
        page = followed(owner, create(owner, tenant, "长".repeat(33), "SCENE_H5", "GIF89a".getBytes(), List.of(custom)));
        assertTrue(page.contains("页面标题最多 32 个字。"), page);
        assertTrue(page.contains("横幅图片必须是 JPG 或 PNG。"), page);
        assertTrue(page.contains("所选的卡券中有不能放上货架的"), page);
        page = followed(owner, create(owner, tenant, "卖光了", "SCENE_H5", TestCards.PNG, List.of("pNoSuchCard")));
        assertTrue(page.contains("所选的卡券中有不能放上货架的"), page);
        assertTrue(page.contains("value=\"卖光了\""), "the title is kept: " + page);
        assertEquals(null, newest(tenant));

        // A card deleted in WeChat behind the mirror's back: WeChat's refusal, in words.
        Arc.container().instance(WeChatGateway.class).get().forTenant(tenant).cardDelete(gift);
        page = followed(owner, create(owner, tenant, "删掉的卡", "SCENE_H5", TestCards.PNG, List.of(gift)));
        assertTrue(page.contains("微信拒绝创建货架："), page);
        assertEquals(CallState.NOT_APPLIED, newest(tenant).state);
        assertEquals(1, audits(tenant, "distribution.landing-page-refused"));
    }

    @Test
    void shouldNeverSendALostCreateAgainBlindly() throws Exception {
        Session owner = Session.login("landing-lost");
        Map<String, String> form = TestTenants.validForm("货架超时店");
        long tenant = TestTenants.register(owner, form);
        String appid = form.get("appid");
        String gift = TestCards.approved(tenant, "GIFT");
        Response post = afterTheBannerIsUploaded(tenant,
                () -> create(owner, tenant, "丢失的回答", "SCENE_QRCODE", TestCards.PNG, List.of(gift)),
                () -> faults(appid, Map.of("errorShare", 1)));
        faults(appid, Map.of("errorShare", 0));
        String page = followed(owner, post);
        LandingPage lost = newest(tenant);
        assertEquals(CallState.UNCERTAIN, lost.state);
        assertTrue(page.contains("是否已创建还不知道"), page);
        assertTrue(page.contains("id=\"resend-" + lost.id + "\""), page);
        assertEquals(1, audits(tenant, "distribution.landing-page-uncertain"));

        // the same page again is refused until the merchant decides
        page = followed(owner, create(owner, tenant, "丢失的回答", "SCENE_QRCODE", TestCards.PNG, List.of(gift)));
        assertTrue(page.contains("还未确定"), page);
        assertEquals(lost.id, newest(tenant).id);

        page = followed(owner, owner.request().post(pages(tenant) + "/" + lost.id + "/resend"));
        assertTrue(page.contains("货架「丢失的回答」已创建。"), page);
        assertEquals(CallState.APPLIED, newest(tenant).state);
        page = followed(owner, owner.request().post(pages(tenant) + "/" + lost.id + "/resend"));
        assertTrue(page.contains("不需要重新发送"), page);
    }

    @Test
    void shouldCloseEveryRouteToStrangersAndChangesToViewers() {
        Session owner = Session.login("landing-iso-a");
        Session stranger = Session.login("landing-iso-b");
        Session viewer = Session.login("landing-iso-viewer");
        long tenantA = sandboxTenant(owner, "隔离货架甲");
        long tenantB = sandboxTenant(stranger, "隔离货架乙");
        TestTenants.addMember(owner, tenantA, "landing-iso-viewer@example.com", "VIEWER");
        String cardOfA = TestCards.approved(tenantA, "GIFT");
        create(owner, tenantA, "甲的货架", "SCENE_H5", TestCards.PNG, List.of(cardOfA)).then().statusCode(303);
        long pageOfA = newest(tenantA).id;

        for (long tenant : List.of(tenantA, tenantB)) {
            stranger.request().get(pages(tenant)).then().statusCode(tenant == tenantA ? 404 : 200);
            stranger.request().get(pages(tenant) + "/" + pageOfA + "/png").then().statusCode(404);
            stranger.request().post(pages(tenant) + "/" + pageOfA + "/resend").then().statusCode(404);
        }
        create(stranger, tenantA, "乙", "SCENE_H5", TestCards.PNG, List.of(cardOfA)).then().statusCode(404);
        followed(stranger, create(stranger, tenantB, "乙", "SCENE_H5", TestCards.PNG, List.of(cardOfA)));
        assertEquals(null, newest(tenantB), "another tenant's card is not offered");

        viewer.request().get(pages(tenantA)).then().statusCode(200).body(containsString("甲的货架"))
                .body(containsString("创建货架需要运营者权限")).body(not(containsString("id=\"landing-form\"")));
        viewer.request().get(pages(tenantA) + "/" + pageOfA + "/png").then().statusCode(200);
        create(viewer, tenantA, "观众", "SCENE_H5", TestCards.PNG, List.of(cardOfA)).then().statusCode(403);
        viewer.request().post(pages(tenantA) + "/" + pageOfA + "/resend").then().statusCode(403);
        assertEquals(pageOfA, newest(tenantA).id);
    }

    @Test
    void shouldShowACardsArticleHtmlOrWeChatsRefusalInWords() {
        Session owner = Session.login("article-owner");
        Session stranger = Session.login("article-stranger");
        Session viewer = Session.login("article-viewer");
        long tenant = sandboxTenant(owner, "图文面包店");
        TestTenants.addMember(owner, tenant, "article-viewer@example.com", "VIEWER");
        String gift = TestCards.approved(tenant, "GIFT");
        String article = "/t/" + tenant + "/distribution/cards/" + gift + "/article";
        owner.request().get("/t/" + tenant + "/distribution/cards/" + gift).then().statusCode(200)
                .body(containsString("href=\"" + article + "\""));
        viewer.request().get(article).then().statusCode(200).body(containsString("&lt;iframe"))
                .body(containsString(gift)).body(containsString("id=\"article-copy\""))
                .body(not(containsString("<iframe")));
        stranger.request().get(article).then().statusCode(404);
        owner.request().get("/t/" + tenant + "/distribution/cards/pNoSuchCard/article").then().statusCode(404);

        String custom = TestCards.create(tenant, "GENERAL_COUPON",
                card -> ((com.fasterxml.jackson.databind.node.ObjectNode) card.get("general_coupon").get("base_info"))
                        .put("use_custom_code", true));
        owner.request().get("/t/" + tenant + "/distribution/cards/" + custom + "/article").then().statusCode(200)
                .body(containsString("微信没有给出这张卡券的图文消息内容：")).body(not(containsString("40150")));
    }

    static void faults(String appid, Map<String, Object> faults) {
        given().contentType(ContentType.JSON).body(faults).put("/sandbox/admin/accounts/" + appid + "/faults")
                .then().statusCode(200);
    }

    /**
     * Runs the POST while the tenant's row is locked: the page's intent (a row referring to the tenant) waits after the
     * banner went to WeChat and before the create is sent; {@code between} runs then.
     */
    static Response afterTheBannerIsUploaded(long tenantId, java.util.function.Supplier<Response> post,
            Runnable between) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            Arc.container().instance(EntityManager.class).get()
                    .createNativeQuery("select 1 from tenant where id = ?1 for update").setParameter(1, tenantId)
                    .getResultList();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(post);
            Awaitility.await("the intent waits for the tenant row").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50)).until(() -> response.isDone() || QuarkusTransaction
                            .requiringNew().call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                                    .createNativeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                            + " and query like 'insert into landing_page %'")
                                    .getSingleResult()).longValue()) > 0);
            assertTrue(!response.isDone(), "the POST never waited for the tenant row");
            between.run();
            release.countDown();
            holder.join();
            return response.join();
        } finally {
            release.countDown();
        }
    }
}
