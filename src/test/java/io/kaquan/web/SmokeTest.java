package io.kaquan.web;

import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SmokeTest {

    @Test
    void shouldShowHomeAfterLogin() {
        Session alice = Session.login("alice");
        alice.request().get("/").then().statusCode(200).body(containsString("我的公众号"))
                .body(containsString("id=\"current-user\">Alice"));
    }
}
