package io.kaquan.card;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

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

    /**
     * Sends {@code post} (a stock change) while the card's mirror row is locked, so that it stops after its card/get
     * and before it records the intent and calls card/modifystock; runs {@code between} there (switch faults on,
     * change WeChat's stock behind Kaquan's back), then lets it go on. Answers the POST's response.
     */
    static Response afterItsRead(long tenantId, String cardId, Supplier<Response> post, Runnable between) {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            Arc.container().instance(EntityManager.class).get()
                    .createNativeQuery("select 1 from card where tenant_id = ?1 and card_id = ?2 for update")
                    .setParameter(1, tenantId).setParameter(2, cardId).getResultList();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            if (!locked.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("could not lock the card row");
            }
            CompletableFuture<Response> response = CompletableFuture.supplyAsync(post);
            // the POST has read card/get and now waits for the row lock
            Awaitility.await("the POST waits for the card row").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> response.isDone() || count("select count(*) from pg_locks where not granted") > 0);
            if (response.isDone()) {
                throw new AssertionError("the POST never waited for the card row: " + response.join().asString());
            }
            between.run();
            release.countDown();
            holder.join();
            return response.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            release.countDown();
        }
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
