package io.kaquan.distribution;

import static io.kaquan.distribution.DistributionPagesTest.createQr;
import static io.kaquan.distribution.DistributionPagesTest.sandboxTenant;
import static io.kaquan.distribution.DistributionPagesTest.section;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallCounts;
import io.kaquan.wechat.CardTickets;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * 网页领取（JS-SDK）: a cardExt signed over the tenant's cached wx_card ticket, verified by the sandbox as WeChat does,
 * the receipt counted under the chosen channel; one getticket per tenant, compare-then-expire; words for bad input;
 * strangers 404, viewers 403.
 */
@QuarkusTest
class CardExtTest {

    private static final Pattern JSON_PRE = Pattern.compile("<pre id=\"card-ext-json\">([^<]*)</pre>");

    static String cardExt(Session session, long tenant, String cardId, Map<String, String> query) {
        String html = session.request().queryParams(query).get(section(tenant, cardId) + "/card-ext").then()
                .statusCode(200).extract().asString();
        Matcher json = JSON_PRE.matcher(html);
        assertTrue(json.find(), html);
        return json.group(1).replace("&quot;", "\"");
    }

    @Test
    void shouldSignACardExtThatTheSandboxAcceptsAndCountTheReceiptUnderItsChannel() throws Exception {
        Session owner = Session.login("cardext-owner");
        long tenant = sandboxTenant(owner, "网页领取咖啡馆");
        String cardId = TestCards.approved(tenant, "CASH");
        createQr(owner, tenant, cardId, Map.of("channel", "公众号文章")).then().statusCode(303); // the channel, outer_str 1
        owner.request().get(section(tenant, cardId)).then().statusCode(200).body(containsString("网页领取（JS-SDK）"))
                .body(containsString("<option value=\"公众号文章\">公众号文章</option>"));

        String ext = cardExt(owner, tenant, cardId, Map.of("channel", "公众号文章"));
        JsonNode parsed = new ObjectMapper().readTree(ext);
        assertEquals("1", parsed.path("outer_str").asText());
        assertTrue(parsed.path("signature").asText().matches("[0-9a-f]{40}"), ext);
        assertTrue(!parsed.has("code") && !parsed.has("openid"), ext);
        given().contentType(ContentType.JSON).body(Map.of("cardExt", ext, "openid", "oWebReader"))
                .post("/sandbox/admin/cards/" + cardId + "/add-card").then().statusCode(201)
                .body("openid", is("oWebReader"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> owner.request()
                .get(section(tenant, cardId) + "/receipts").then().statusCode(200)
                .body(containsString("data-outer-str=\"1\"><td class=\"channel\">公众号文章</td><td>1</td>"
                        + "<td class=\"count\">1</td>")));

        // The ticket is fetched once and kept: more cardExts, no more getticket.
        cardExt(owner, tenant, cardId, Map.of());
        cardExt(owner, tenant, cardId, Map.of("code", "ABC-1", "openid", "o_bound"));
        assertEquals(1, CallCounts.today(tenant).getOrDefault("/cgi-bin/ticket/getticket", 0));
        String noChannel = cardExt(owner, tenant, cardId, Map.of());
        given().contentType(ContentType.JSON).body(Map.of("cardExt", noChannel))
                .post("/sandbox/admin/cards/" + cardId + "/add-card").then().statusCode(201);
        String tampered = noChannel.replaceFirst("\"nonce_str\":\"[0-9a-f]+\"", "\"nonce_str\":\"forged\"");
        given().contentType(ContentType.JSON).body(Map.of("cardExt", tampered))
                .post("/sandbox/admin/cards/" + cardId + "/add-card").then().statusCode(409).body("errcode", is(40097));

        // Compare, then expire: a report about a ticket that is no longer current changes nothing.
        CardTickets tickets = Arc.container().instance(CardTickets.class).get();
        String current = tickets.ticket(tenant);
        assertEquals(current, tickets.renewAfterRefusal(tenant, "an-old-ticket"));
        String renewed = tickets.renewAfterRefusal(tenant, current);
        assertNotEquals(current, renewed);
        assertEquals(renewed, tickets.renewAfterRefusal(tenant, current)); // a second report of the same one
        assertEquals(2, CallCounts.today(tenant).getOrDefault("/cgi-bin/ticket/getticket", 0));
        owner.request().get(section(tenant, cardId)).then().body(not(containsString(renewed)));
    }

    @Test
    void shouldRefuseBadInputInWordsAndCloseTheRouteToStrangersAndViewers() {
        Session owner = Session.login("cardext-iso-a");
        Session stranger = Session.login("cardext-iso-b");
        Session viewer = Session.login("cardext-iso-viewer");
        long tenantA = sandboxTenant(owner, "网页领取甲");
        long tenantB = sandboxTenant(stranger, "网页领取乙");
        TestTenants.addMember(owner, tenantA, "cardext-iso-viewer@example.com", "VIEWER");
        String cardOfA = TestCards.approved(tenantA, "CASH");

        owner.request().queryParam("channel", "没有的渠道").get(section(tenantA, cardOfA) + "/card-ext").then()
                .statusCode(400).body(containsString("还没有叫「没有的渠道」的渠道"));
        owner.request().queryParam("code", "<script>").get(section(tenantA, cardOfA) + "/card-ext").then()
                .statusCode(400).body(containsString("code 只能有字母、数字、下划线和连字符"));
        for (long tenant : List.of(tenantA, tenantB)) {
            stranger.request().get(section(tenant, cardOfA) + "/card-ext").then().statusCode(404);
        }
        viewer.request().get(section(tenantA, cardOfA) + "/card-ext").then().statusCode(403);
        viewer.request().get(section(tenantA, cardOfA)).then().statusCode(200)
                .body(containsString("只有运营者可以生成 cardExt。")).body(not(containsString("id=\"card-ext-form\"")));
        assertEquals(0, CallCounts.today(tenantA).getOrDefault("/cgi-bin/ticket/getticket", 0));
    }
}
