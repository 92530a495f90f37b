package io.kaquan.card;

import static io.kaquan.callback.CallbackFixtures.await;
import static io.kaquan.callback.CallbackFixtures.count;
import static io.kaquan.callback.CallbackFixtures.eventXml;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.callback.CallbackFixtures;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;

/** Low-stock alerts pushed by WeChat (card_sku_remind) on the tenant's overview, and acknowledging them. */
@QuarkusTest
class StockAlertPagesTest {

    static Session owner;
    static Session viewer;
    static Session stranger;

    @Inject
    DataSource db;

    @BeforeAll
    static void signIn() {
        owner = Session.login("alerts-owner");
        viewer = Session.login("bob");
        stranger = Session.login("alerts-stranger");
    }

    private void remind(CallbackFixtures.Account account, String cardId, long createTime, String detail) {
        CallbackFixtures.pushXml(account, eventXml(account, "oUser" + CallbackFixtures.hex(20), createTime,
                "card_sku_remind", "CardId", cardId, "Detail", detail));
    }

    @Test
    void shouldShowOpenAlertsOnTheOverviewUntilAnOperatorAcknowledgesThem() {
        CallbackFixtures.Account account = CallbackFixtures.account(owner, "SAFE");
        long tenant = account.tenantId();
        TestTenants.addMember(owner, tenant, "bob@example.com", "VIEWER");
        String known = TestCards.create(tenant, "CASH");
        String unknown = "pConsole" + CallbackFixtures.hex(20);
        long now = Instant.now().getEpochSecond();
        remind(account, known, now - 13 * 3600, "the card's quantity is less than or equal to 100");
        remind(account, known, now, "the card's quantity is equal to 0");
        remind(account, unknown, now, "the card's quantity is less than or equal to 100");
        await(db, r -> ((Number) r.get(0).get("n")).intValue() == 3,
                "select count(*) as n from card_stock_alert where tenant_id = ?", tenant);

        String overview = "/t/" + tenant;
        owner.request().get(overview).then().statusCode(200)
                .body(containsString("id=\"stock-alerts\""))
                .body(containsString("href=\"/t/" + tenant + "/cards/" + known + "\">双人套餐券</a>"))
                .body(containsString("库存已为 0 <span class=\"muted\">(2 次)</span>"))
                .body(containsString("href=\"/t/" + tenant + "/cards/" + unknown + "\"><code>" + unknown))
                .body(containsString("action=\"/t/" + tenant + "/stock-alerts/acknowledge\""));
        owner.request().cookie("kaquan-lang", "en").get(overview).then().statusCode(200)
                .body(containsString("Low stock")).body(containsString("Out of stock <span class=\"muted\">(2 times)</span>"));
        // A viewer sees the alerts but cannot close them.
        viewer.request().get(overview).then().statusCode(200).body(containsString("id=\"stock-alerts\""))
                .body(not(containsString("/stock-alerts/acknowledge")));
        viewer.request().formParam("cardId", known).post(overview + "/stock-alerts/acknowledge").then().statusCode(403);
        assertEquals(3, count(db, "select count(*) from card_stock_alert where tenant_id = ? and acknowledged_at is null",
                tenant));

        owner.request().formParam("cardId", known).post(overview + "/stock-alerts/acknowledge").then().statusCode(303)
                .header("Location", endsWith(overview + "#stock-alerts"));
        owner.request().get(overview).then().statusCode(200)
                .body(not(containsString("data-alert-card=\"" + known + "\"")))
                .body(containsString("data-alert-card=\"" + unknown + "\""));
        assertEquals(1, count(db, "select count(*) from audit_log where tenant_id = ? and action = "
                + "'card.stock-alert-acknowledged' and target = ?", tenant, known));

        owner.request().formParam("cardId", unknown).post(overview + "/stock-alerts/acknowledge").then().statusCode(303);
        owner.request().get(overview).then().statusCode(200).body(not(containsString("id=\"stock-alerts\"")));

        // Nothing left to close: refused, not "closed"; no card at all: 400.
        io.restassured.response.Response again = owner.request().formParam("cardId", known)
                .post(overview + "/stock-alerts/acknowledge");
        again.then().statusCode(303);
        owner.request().cookie("kaquan-flash", again.getCookie("kaquan-flash")).get(overview).then().statusCode(200)
                .body(containsString("没有未关闭的库存报警")).body(not(containsString("库存报警已关闭")));
        assertEquals(1, count(db, "select count(*) from audit_log where tenant_id = ? and action = "
                + "'card.stock-alert-acknowledged' and target = ?", tenant, known));
        owner.request().formParam("cardId", " ").post(overview + "/stock-alerts/acknowledge").then().statusCode(400);
        owner.request().post(overview + "/stock-alerts/acknowledge").then().statusCode(400);
    }

    @Test
    void shouldKeepEachTenantsAlertsToItself() {
        CallbackFixtures.Account a = CallbackFixtures.account(owner, "PLAIN");
        CallbackFixtures.Account b = CallbackFixtures.account(owner, "PLAIN");
        String card = "pIsolated" + CallbackFixtures.hex(20);
        remind(a, card, Instant.now().getEpochSecond(), "the card's quantity is equal to 0");
        await(db, r -> !r.isEmpty(), "select id from card_stock_alert where tenant_id = ?", a.tenantId());

        owner.request().get("/t/" + b.tenantId()).then().statusCode(200).body(not(containsString(card)));
        // Acknowledging through another tenant closes nothing of this one.
        owner.request().formParam("cardId", card).post("/t/" + b.tenantId() + "/stock-alerts/acknowledge").then()
                .statusCode(303);
        assertEquals(1, count(db, "select count(*) from card_stock_alert where tenant_id = ? and acknowledged_at is null",
                a.tenantId()));
        stranger.request().get("/t/" + a.tenantId()).then().statusCode(404);
        stranger.request().formParam("cardId", card).post("/t/" + a.tenantId() + "/stock-alerts/acknowledge").then()
                .statusCode(404);
        owner.request().get("/t/" + a.tenantId()).then().statusCode(200).body(containsString(card));
    }
}
