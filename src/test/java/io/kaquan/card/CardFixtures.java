package io.kaquan.card;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;

/** What the card page tests share: tenants with their sandbox appid, flash reading, WeChat's view of a card. */
final class CardFixtures {

    private CardFixtures() {
    }

    /** A registered tenant and the appid of its account in the sandbox (for faults and permissions). */
    record TestTenant(long id, String appid) {
        String cards() {
            return "/t/" + id + "/cards";
        }

        String card(String cardId) {
            return cards() + "/" + cardId;
        }
    }

    static TestTenant tenant(Session owner, String name) {
        Map<String, String> form = TestTenants.validForm(name);
        return new TestTenant(TestTenants.register(owner, form), form.get("appid"));
    }

    /** The page a POST redirected to, rendered with the flash the POST left. */
    static String followed(Session session, Response post) {
        String location = post.then().statusCode(303).extract().header("Location");
        String path = location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
        return session.request().cookie("kaquan-flash", post.getCookie("kaquan-flash")).get(path).then()
                .statusCode(200).extract().asString();
    }

    /** The card as WeChat (the sandbox) holds it now. */
    static WeChatCards.Detail wechat(long tenantId, String cardId) {
        return Arc.container().instance(WeChatGateway.class).get().forTenant(tenantId).cardGet(cardId);
    }

    static void faults(String appid, Map<String, Object> faults) {
        given().contentType(ContentType.JSON).body(faults).put("/sandbox/admin/accounts/" + appid + "/faults")
                .then().statusCode(200);
    }

    static void account(String appid, Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).put("/sandbox/admin/accounts/" + appid)
                .then().statusCode(200);
    }

    static int sql(String statement, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Arc.container().instance(EntityManager.class).get().createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }

    static long count(String statement, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Arc.container().instance(EntityManager.class).get().createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
