package io.kaquan.stats;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.ApiUsage;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatMsg;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.i18n.MessageBundles;
import io.restassured.http.ContentType;

/**
 * A tenant whose WeChat account lives in the sandbox, cards valid since long ago, and simulated users acting on
 * chosen (past) days over the sandbox's admin API — the activity the datacube then counts.
 */
public final class StatsFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public record Account(long tenantId, String appid, String secret) {
    }

    private StatsFixtures() {
    }

    public static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    public static Account register(Session owner, String name) {
        Map<String, String> form = TestTenants.validForm(name);
        return new Account(TestTenants.register(owner, form), form.get("appid"), form.get("appsecret"));
    }

    /** An approved card of the type, valid from 120 days ago (so back-dated codes can be used) for 60 days more. */
    static String card(long tenantId, String type) {
        long now = Instant.now().getEpochSecond();
        String cardId = TestCards.create(tenantId, type, card -> ((ObjectNode) card.path(type.toLowerCase())
                .path("base_info").path("date_info")).put("begin_timestamp", now - 86400L * 120)
                .put("end_timestamp", now + 86400L * 60));
        TestCards.review(cardId, true, null);
        TestCards.mirror(tenantId, cardId);
        return cardId;
    }

    /** An approved card whose codes are valid for {@code days} days from their receipt. */
    static String shortTermCard(long tenantId, String type, int days) {
        String cardId = TestCards.create(tenantId, type, card -> {
            ObjectNode dates = ((ObjectNode) card.path(type.toLowerCase()).path("base_info")).putObject("date_info");
            dates.put("type", "DATE_TYPE_FIX_TERM").put("fixed_term", days).put("fixed_begin_term", 0);
        });
        TestCards.review(cardId, true, null);
        TestCards.mirror(tenantId, cardId);
        return cardId;
    }

    /** A time on a day in China (hours 0–23), as the "at" of a simulated action. */
    static String at(LocalDate day, int hour) {
        Instant at = day.atTime(hour, 0).atZone(SHANGHAI).toInstant();
        Instant now = Instant.now().minusSeconds(2);
        return (at.isAfter(now) ? now : at).toString();
    }

    static String receive(String cardId, String openid, LocalDate day) {
        return given().contentType(ContentType.JSON).body(Map.of("openid", openid, "at", at(day, 10)))
                .post("/sandbox/admin/cards/" + cardId + "/receive").then().statusCode(201).extract().jsonPath()
                .getString("code");
    }

    /** The code's owner views, consumes or gifts it on the day. */
    static void user(Account account, String code, String action, LocalDate day, int hour) {
        Map<String, Object> body = new HashMap<>();
        body.put("at", at(day, hour));
        given().contentType(ContentType.JSON).body(body).queryParam("appid", account.appid())
                .post("/sandbox/admin/codes/" + code + "/" + action).then().statusCode(200);
    }

    static void dailyLimit(Account account, String api, int limit) {
        given().contentType(ContentType.JSON).body(Map.of("api", api, "dailyLimit", limit))
                .put("/sandbox/admin/accounts/" + account.appid() + "/limits").then().statusCode(200);
    }

    /** Calls of an API that WeChat (the sandbox) admitted today for the account, asked like any client would. */
    static int upstream(Account account, String api) {
        String token = given().queryParam("grant_type", "client_credential").queryParam("appid", account.appid())
                .queryParam("secret", account.secret()).get("/sandbox/wechat/cgi-bin/token").then().statusCode(200)
                .extract().path("access_token");
        return given().contentType(ContentType.JSON).queryParam("access_token", token).body(Map.of("cgi_path", api))
                .post("/sandbox/wechat/cgi-bin/openapi/quota/get").then().statusCode(200).extract()
                .path("quota.used");
    }

    /**
     * Kaquan's own count of today's attempts of an API and of those that failed (api_usage, after this node stored
     * what it counted: the tenant page's health read does that first).
     */
    static int[] counted(long tenantId, String api) {
        Arc.container().instance(WeChatGateway.class).get().health(tenantId, MessageBundles.get(WeChatMsg.class));
        return QuarkusTransaction.requiringNew().call(() -> ApiUsage.<ApiUsage> find(
                "tenantId = ?1 and api = ?2 and day = ?3", tenantId, api, today()).firstResultOptional()
                .map(u -> new int[] { u.calls, u.failures }).orElse(new int[] { 0, 0 }));
    }

    /** Every stored daily row of the tenant, with its id, as text: equal lists mean nothing changed. */
    public static List<String> snapshot(long tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            AccountStatsDay.<AccountStatsDay> list("tenantId = ?1 order by day, condSource", tenantId)
                    .forEach(d -> rows.add("A " + d.id + " " + d.day + " " + d.condSource + " " + d.counts));
            CardStatsDay.<CardStatsDay> list("tenantId = ?1 order by cardId, day, condSource", tenantId)
                    .forEach(d -> rows.add("C " + d.id + " " + d.cardId + " " + d.day + " " + d.condSource + " "
                            + d.cardType + " " + d.counts));
            MemberCardStatsDay.<MemberCardStatsDay> list("tenantId = ?1 order by day, condSource", tenantId)
                    .forEach(d -> rows.add("M " + d.id + " " + d.day + " " + d.condSource));
            return rows;
        });
    }

    /** The stored days of the account (cond_source 1: cards made through the API), day → counts. */
    public static Map<LocalDate, Counts> accountDays(long tenantId, int condSource) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<LocalDate, Counts> days = new TreeMap<>();
            AccountStatsDay.<AccountStatsDay> list("tenantId = ?1 and condSource = ?2", tenantId, (short) condSource)
                    .forEach(d -> days.put(d.day, d.counts));
            return days;
        });
    }

    static Map<LocalDate, Counts> cardDays(long tenantId, String cardId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<LocalDate, Counts> days = new TreeMap<>();
            CardStatsDay.<CardStatsDay> list("tenantId = ?1 and cardId = ?2 and condSource = 1", tenantId, cardId)
                    .forEach(d -> days.put(d.day, d.counts));
            return days;
        });
    }

    static StatsSyncState state(long tenantId, StatsApi api) {
        return QuarkusTransaction.requiringNew().call(() -> StatsSyncState.of(tenantId, api).orElse(null));
    }

    /**
     * {@code count} mirror cards "{prefix}i" (card ids "p{prefix-free tag}_i"), the newest i = 0 (newer than any card made
     * before), written straight into
     * the mirror as a card sync would: for pages that must cope with many cards. Returns the card ids, newest first.
     */
    static List<String> mirrorCards(long tenantId, String titlePrefix, int count) {
        String tag = "pmany" + TestTenants.hex(6);
        QuarkusTransaction.requiringNew().run(() -> Arc.container().instance(jakarta.persistence.EntityManager.class)
                .get().createNativeQuery("""
                        insert into card (tenant_id, card_id, card_type, title, status, quantity, total_quantity, origin,
                            created_at)
                        select ?1, ?2 || '_' || i, 'CASH', ?3 || i, 'VERIFY_OK', 100, 100, 'DISCOVERED',
                            now() + make_interval(secs => (?4 - i) / 1000.0)
                        from generate_series(0, ?4 - 1) as i""").setParameter(1, tenantId).setParameter(2, tag)
                .setParameter(3, titlePrefix).setParameter(4, count).executeUpdate());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(tag + "_" + i);
        }
        return ids;
    }

    /** Counts with only the given kinds set: kind → {times, people}. */
    static Counts counts(Map<Metric, long[]> values) {
        Counts c = new Counts();
        values.forEach((metric, v) -> {
            switch (metric) {
                case VIEW -> {
                    c.viewCnt = v[0];
                    c.viewUser = v[1];
                }
                case RECEIVE -> {
                    c.receiveCnt = v[0];
                    c.receiveUser = v[1];
                }
                case VERIFY -> {
                    c.verifyCnt = v[0];
                    c.verifyUser = v[1];
                }
                case GIVEN -> {
                    c.givenCnt = v[0];
                    c.givenUser = v[1];
                }
                case EXPIRE -> {
                    c.expireCnt = v[0];
                    c.expireUser = v[1];
                }
            }
        });
        return c;
    }
}
