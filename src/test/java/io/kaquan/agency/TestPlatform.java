package io.kaquan.agency;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.awaitility.Awaitility;

import io.kaquan.testing.Session;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;

/** The test profile's third-party platform (application.properties) in the sandbox, pushing to this application. */
public final class TestPlatform {

    public static final String APPID = "wxc0ffee00c0ffee01";
    static final String ADMIN = "/sandbox/admin/open-platforms/";

    private TestPlatform() {
    }

    /**
     * Creates the sandbox platform unless an earlier class did, with its scheduled tickets paused (so that no push lands
     * while a test compares tickets), pushes one ticket and waits until the sandbox delivered it: the stored ticket is
     * then the one this call made.
     */
    public static void ensure() {
        // In @BeforeAll REST Assured does not know the test port yet: every request names the app's URL.
        String base = Session.appUrl().toString();
        Map<String, Object> body = new HashMap<>();
        body.put("appid", APPID);
        body.put("secret", "TestPlatformSecret0123456789abcd");
        body.put("token", "simtoken");
        body.put("encodingAesKey", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
        body.put("authEventUrl", base + "wechat/open/events");
        body.put("messageUrl", base + "wechat/open/$APPID$/callback");
        body.put("ticketsPaused", true);
        int status = given().baseUri(base).contentType(ContentType.JSON).body(body).post(ADMIN.substring(1)).then().extract()
                .statusCode();
        assertTrue(status == 201 || status == 409, "platform created (or by an earlier class): " + status);
        long push = given().baseUri(base).post(ADMIN.substring(1) + APPID + "/ticket").then().statusCode(202).extract()
                .jsonPath().getLong("id");
        Awaitility.await("the ticket push is delivered").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().baseUri(base).get(ADMIN.substring(1) + APPID + "/pushes").then().extract().jsonPath()
                        .getList("findAll { it.id == " + push + " && it.status == 'DELIVERED' }").size() == 1);
        assertTrue(platform().credentials().map(c -> c.ticket() != null).orElse(false), "the ticket is stored");
    }

    static AgencyPlatform platform() {
        return Arc.container().instance(AgencyPlatform.class).get();
    }
}
