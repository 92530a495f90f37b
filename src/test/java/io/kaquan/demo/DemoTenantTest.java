package io.kaquan.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.kaquan.account.AppUser;
import io.kaquan.account.Membership;
import io.kaquan.account.Role;
import io.kaquan.tenant.MessageMode;
import io.kaquan.tenant.SecretBox;
import io.kaquan.tenant.Tenant;
import io.kaquan.testing.Session;
import io.kaquan.wechat.WeChatGateway;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The dev-mode demo tenant (created here on demand: at startup it is made in dev mode only). */
@QuarkusTest
class DemoTenantTest {

    @Inject
    DemoTenant demo;

    @Inject
    DemoConfig config;

    @Inject
    SecretBox secretBox;

    @Inject
    WeChatGateway gateway;

    @Test
    void shouldCreateTheDemoTenantOnceBoundToASandboxAccountAndOwnedByTheDevUsers() {
        Session alice = Session.login("alice"); // signed in before: an owner at once
        long id = demo.ensure();
        assertEquals(id, demo.ensure(), "a second start changes nothing");

        Tenant tenant = QuarkusTransaction.requiringNew().call(() -> Tenant.findById(id));
        assertEquals("演示商户", tenant.displayName);
        assertTrue(tenant.sandbox);
        assertEquals(MessageMode.SAFE, tenant.messageMode);
        assertEquals(config.appid(), tenant.appid);
        assertEquals(config.encodingAesKey(), tenant.aesKey(secretBox));

        JsonPath account = given().get("/sandbox/admin/accounts/" + config.appid()).then().statusCode(200).extract()
                .jsonPath();
        assertTrue(account.getString("callbackUrl").matches("http://localhost:\\d+/wechat/callback\\?t=gh_sbx[0-9a-f]{9}"),
                "the sandbox pushes to this app: " + account.getString("callbackUrl"));
        assertEquals("SAFE", account.getString("messageMode"));
        assertEquals(config.originalId(), account.getString("originalId"));
        assertEquals(config.callbackToken(), account.getString("callbackToken"));
        assertEquals(config.encodingAesKey(), account.getString("encodingAesKey"));

        assertEquals(Role.OWNER, QuarkusTransaction.requiringNew().call(() -> Membership
                .find(id, AppUser.findByEmail("alice@example.com").orElseThrow().id).orElseThrow().role));
        alice.request().get("/").then().body(containsString("演示商户"));
        Session bob = Session.login("bob"); // at his first sign-in, or at once if he had signed in before
        bob.request().get("/t/" + id).then().statusCode(200).body(containsString("演示商户"));
        assertFalse(gateway.forTenant(id).cardColors().isEmpty(), "it works with the sandbox at once");
    }
}
