package io.kaquan.wechat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.test.junit.QuarkusTest;

/** bench/token-broker-nodes' endpoint exists only when a bench switches it on. */
@QuarkusTest
class TokenBenchEndpointTest {

    @Test
    void shouldKeepTheBenchOnlyTokenEndpointOffByDefault() {
        long tenant = TestTenants.register(Session.login("token-bench-owner"), "令牌 bench");
        // Off: a real tenant's id gets the same 404 as any other, and its token is never looked up nor shown.
        given().get("/wechat/bench/token-call/" + tenant).then().statusCode(404).body(not(containsString("ok")));
        given().get("/wechat/bench/token-call/999999999").then().statusCode(404);
    }
}
