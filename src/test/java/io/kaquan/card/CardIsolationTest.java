package io.kaquan.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kaquan.card.CardFixtures.TestTenant;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatCards;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Another tenant's card_id in any card route is a 404 and changes nothing: not in the mirror, not in WeChat, not in
 * the audit log — even for an owner of the tenant in the URL.
 */
@QuarkusTest
class CardIsolationTest {

    static Session ownerA;
    static Session ownerB;
    static TestTenant tenantA;
    static TestTenant tenantB;
    static String cardOfA;
    static long alertOfA;
    static long eventOfA;
    static String operationOfA;

    /** Once, from the first test: REST Assured (used by TestCards) knows the app's port only inside tests. */
    static synchronized void setUp() {
        if (tenantA != null) {
            return;
        }
        ownerA = Session.login("isolation-card-a");
        ownerB = Session.login("isolation-card-b");
        tenantA = CardFixtures.tenant(ownerA, "隔离甲");
        tenantB = CardFixtures.tenant(ownerB, "隔离乙");
        cardOfA = TestCards.approved(tenantA.id(), "CASH");
        TestCards.create(tenantB.id(), "CASH"); // B has cards too
        CardFixtures.sql("insert into wechat_event (tenant_id, dedupe_key, event_type, from_user, create_time, card_id, "
                + "fields, raw_xml, arrived_as, status, received_at) values (?1, ?2, 'card_sku_remind', 'sys', 1, ?3, "
                + "'{}'::jsonb, '<xml/>', 'PLAIN', 'PROCESSED', now())", tenantA.id(), "iso|" + cardOfA, cardOfA);
        long eventId = CardFixtures.count("select id from wechat_event where tenant_id = ?1 and dedupe_key = ?2",
                tenantA.id(), "iso|" + cardOfA);
        eventOfA = eventId;
        CardFixtures.sql("insert into card_stock_alert (tenant_id, card_id, detail, event_id, raised_at) "
                + "values (?1, ?2, 'low', ?3, now())", tenantA.id(), cardOfA, eventId);
        alertOfA = CardFixtures.count("select id from card_stock_alert where event_id = ?1", eventId);
        // A's own stock change, so that its operation id exists
        ownerA.request().formParam("direction", "increase").formParam("amount", "5").formParam("reason", "A")
                .post(tenantA.card(cardOfA) + "/stock").then().statusCode(303);
        operationOfA = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> StockChange
                .<StockChange> find("tenantId = ?1 and cardId = ?2", tenantA.id(), cardOfA).firstResult().operationId
                .toString());
    }

    @Test
    void everyReadOfAnotherTenantsCardIs404() {
        setUp();
        String path = "/t/" + tenantB.id() + "/cards/" + cardOfA;
        ownerB.request().get(path).then().statusCode(404);
        ownerB.request().get(path + "/edit").then().statusCode(404);
        ownerB.request().get(path + "/live").then().statusCode(404);
        ownerB.request().get(tenantA.card(cardOfA) + "/live").then().statusCode(404);
        ownerB.request().queryParam("id", cardOfA).get(tenantA.cards() + "/live").then().statusCode(404);
        String polled = ownerB.request().queryParam("id", cardOfA).get(tenantB.cards() + "/live").then()
                .statusCode(200).extract().asString();
        assertFalse(polled.contains(cardOfA), "A's card is not in B's list poll");
        String list = ownerB.request().queryParam("q", cardOfA).get(tenantB.cards()).then().statusCode(200).extract()
                .asString();
        assertFalse(list.contains("data-card-id=\"" + cardOfA + "\""), "A's card is not listed in B");
        assertTrue(list.contains("没有符合条件的卡券"));
        // and A's tenant stays closed to B altogether
        ownerB.request().get(tenantA.card(cardOfA)).then().statusCode(404);
        ownerB.request().get(tenantA.cards()).then().statusCode(404);
        // the card's events fragment (served by the event log): A's events neither through B nor in A's URL
        String events = ownerB.request().queryParam("card", cardOfA).get("/t/" + tenantB.id() + "/events/fragment")
                .then().statusCode(200).extract().asString();
        assertFalse(events.contains("data-event-id=\"" + eventOfA + "\""), events);
        ownerB.request().queryParam("card", cardOfA).get("/t/" + tenantA.id() + "/events/fragment").then()
                .statusCode(404);
        ownerA.request().queryParam("card", cardOfA).get("/t/" + tenantA.id() + "/events/fragment").then()
                .statusCode(200).body(org.hamcrest.Matchers.containsString("data-event-id=\"" + eventOfA + "\""));
    }

    @Test
    void everyActionOnAnotherTenantsCardIs404AndChangesNothing() {
        setUp();
        String path = "/t/" + tenantB.id() + "/cards/" + cardOfA;
        Map<String, Map<String, String>> posts = Map.of(
                "/refresh", Map.of(),
                "/edit", Map.of("notice", "被别人改了", "service_phone", "110"),
                "/stock", Map.of("direction", "decrease", "amount", "1", "reason", "B"),
                "/stock/" + operationOfA + "/reconcile", Map.of(),
                "/stock/" + operationOfA + "/settle", Map.of("decision", "applied", "note", "B"),
                "/delete", Map.of("confirm", "yes"),
                "/paycell", Map.of("open", "true"),
                "/selfconsumecell", Map.of("open", "true"));
        long auditBefore = CardFixtures.count("select count(*) from audit_log where tenant_id = ?1", tenantA.id());
        long auditBeforeB = CardFixtures.count("select count(*) from audit_log where tenant_id = ?1", tenantB.id());
        WeChatCards.Detail before = CardFixtures.wechat(tenantA.id(), cardOfA);
        for (Map.Entry<String, Map<String, String>> post : posts.entrySet()) {
            ownerB.request().formParams(post.getValue()).post(path + post.getKey()).then().statusCode(404);
            // A's tenant URL itself: B is no member
            ownerB.request().formParams(post.getValue()).post(tenantA.card(cardOfA) + post.getKey()).then()
                    .statusCode(404);
        }
        // a card of B's own tenant with A's operation or alert id is a 404 too
        String cardOfB = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Card
                .<Card> find("tenantId", tenantB.id()).firstResult().cardId);
        ownerB.request().post(tenantB.card(cardOfB) + "/stock/" + operationOfA + "/reconcile").then().statusCode(404);
        ownerB.request().formParam("decision", "applied").formParam("note", "B")
                .post(tenantB.card(cardOfB) + "/stock/" + operationOfA + "/settle").then().statusCode(404);
        // A's card's alerts: acknowledging them through B closes nothing of A's; A's URL is a 404 for B
        ownerB.request().formParam("cardId", cardOfA).formParam("back", "card")
                .post("/t/" + tenantB.id() + "/stock-alerts/acknowledge").then().statusCode(303);
        ownerB.request().formParam("cardId", cardOfA).formParam("back", "card")
                .post("/t/" + tenantA.id() + "/stock-alerts/acknowledge").then().statusCode(404);

        WeChatCards.Detail after = CardFixtures.wechat(tenantA.id(), cardOfA);
        assertEquals(before.totalQuantity(), after.totalQuantity());
        assertEquals(CardStatus.VERIFY_OK, after.status());
        assertEquals(before.card().toString(), after.card().toString());
        Card stored = TestCards.stored(tenantA.id(), cardOfA);
        assertEquals(CardStatus.VERIFY_OK, stored.status);
        assertEquals(null, stored.payCellOpen);
        assertEquals(1, CardFixtures.count("select count(*) from card_stock_alert where id = ?1 and acknowledged_at is null",
                alertOfA));
        assertEquals(auditBefore, CardFixtures.count("select count(*) from audit_log where tenant_id = ?1", tenantA.id()));
        assertEquals(auditBeforeB, CardFixtures.count("select count(*) from audit_log where tenant_id = ?1",
                tenantB.id()));
        assertEquals(0, CardFixtures.count("select count(*) from card where tenant_id = ?1 and card_id = ?2",
                tenantB.id(), cardOfA), "nothing was mirrored into B");
    }
}
