package io.kaquan.tenant;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.account.AppUser;
import io.kaquan.account.Invitation;
import io.kaquan.account.Membership;
import io.kaquan.account.Role;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Tries every tenant route as a stranger, with ids of other tenants and with roles that are too small:
 * the answer is 404 (stranger) or 403 (member without the role), never data, and nothing changes.
 */
@QuarkusTest
class TenantIsolationTest {

    private static final String SECRET_NAME = "爱丽丝的秘密门店";

    static Session alice;
    static Session bob;
    static Session carol;
    static long aliceTenant;
    static long sharedTenant;
    static long bobId;
    static long carolId;
    static long sharedInvitation;

    /** Every tenant route, with {t} for the tenant, {u} for a user and {i} for an invitation. */
    static final List<String> GET_ROUTES = List.of("/t/{t}", "/t/{t}/settings", "/t/{t}/members", "/t/{t}/audit",
            "/t/{t}/settings/test-push/1");
    static final List<String> POST_ROUTES = List.of("/t/{t}/settings", "/t/{t}/settings/appsecret",
            "/t/{t}/settings/callback-token", "/t/{t}/settings/aes-key", "/t/{t}/settings/token-mode",
            "/t/{t}/settings/test-push", "/t/{t}/wechat/retry", "/t/{t}/members",
            "/t/{t}/members/{u}/role", "/t/{t}/members/{u}/remove", "/t/{t}/members/invitations/{i}/cancel");
    static final Map<String, String> POST_FORM = Map.of("displayName", "被篡改", "messageMode", "PLAIN",
            "appsecret", "0123456789abcdef0123456789abcdef", "callbackToken", "hijacked", "aesKey", "",
            "tokenMode", "CLASSIC",
            "email", "mallory@example.com", "role", "OWNER");

    @BeforeAll
    static void setUp() {
        alice = Session.login("alice");
        bob = Session.login("bob");
        carol = Session.login("carol");
        aliceTenant = TestTenants.register(alice, SECRET_NAME);
        sharedTenant = TestTenants.register(alice, "共享门店");
        TestTenants.addMember(alice, sharedTenant, "bob@example.com", "OPERATOR");
        TestTenants.addMember(alice, sharedTenant, "carol@example.com", "VIEWER");
        TestTenants.addMember(alice, sharedTenant, "pending" + TestTenants.hex(4) + "@example.com", "VIEWER");
        QuarkusTransaction.requiringNew().run(() -> {
            bobId = AppUser.findByEmail("bob@example.com").orElseThrow().id;
            carolId = AppUser.findByEmail("carol@example.com").orElseThrow().id;
            sharedInvitation = Invitation.<Invitation> find("tenantId", sharedTenant).firstResult().id;
        });
    }

    @Test
    void shouldHideAnotherTenantFromANonMember() {
        for (String route : GET_ROUTES) {
            bob.request().get(path(route, aliceTenant)).then().statusCode(404)
                    .body(not(containsString(SECRET_NAME)));
        }
        for (String route : POST_ROUTES) {
            post(bob, route, aliceTenant).then().statusCode(404);
        }
        bob.request().get("/").then().body(not(containsString(SECRET_NAME)));
        assertUnchanged();
    }

    @Test
    void shouldAnswer404ForTenantsThatDoNotExist() {
        for (String tenant : List.of("999999999", "abc", "-1", "0")) {
            alice.request().get("/t/" + tenant + "/settings").then().statusCode(404).body(containsString("页面不存在"));
            alice.request().formParams(POST_FORM).post("/t/" + tenant + "/settings").then().statusCode(404);
        }
    }

    @Test
    void shouldNotReachMembersOrInvitationsOfAnotherTenantThroughOwnTenant() {
        // alice owns aliceTenant; bob and the invitation belong to sharedTenant only.
        alice.request().formParam("role", "VIEWER").post("/t/" + aliceTenant + "/members/" + bobId + "/role")
                .then().statusCode(404);
        alice.request().post("/t/" + aliceTenant + "/members/" + bobId + "/remove").then().statusCode(404);
        alice.request().post("/t/" + aliceTenant + "/members/invitations/" + sharedInvitation + "/cancel")
                .then().statusCode(404);
        assertEquals(Role.OPERATOR, role(sharedTenant, bobId));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> Invitation.count("id", sharedInvitation)));
    }

    @Test
    void shouldRefuseOwnerActionsToOperatorsAndViewers() {
        for (Session member : List.of(bob, carol)) {
            member.request().get("/t/" + sharedTenant).then().statusCode(200);
            member.request().get("/t/" + sharedTenant + "/members").then().statusCode(200);
            member.request().get("/t/" + sharedTenant + "/settings").then().statusCode(200)
                    .body(containsString("只有所有者可以修改设置。"))
                    .body(not(containsString("id=\"settings-form\"")));
            member.request().get("/t/" + sharedTenant + "/audit").then().statusCode(403);
            for (String route : POST_ROUTES) {
                post(member, route, sharedTenant).then().statusCode(403);
            }
        }
        assertEquals(Role.OPERATOR, role(sharedTenant, bobId));
        assertEquals(Role.VIEWER, role(sharedTenant, carolId));
        assertEquals("共享门店", QuarkusTransaction.requiringNew()
                .call(() -> ((Tenant) Tenant.findById(sharedTenant)).displayName));
    }

    private static io.restassured.response.Response post(Session session, String route, long tenant) {
        RequestSpecification request = session.request().formParams(POST_FORM);
        return request.post(path(route, tenant));
    }

    private static String path(String route, long tenant) {
        return route.replace("{t}", Long.toString(tenant)).replace("{u}", Long.toString(bobId))
                .replace("{i}", Long.toString(sharedInvitation));
    }

    private static Role role(long tenant, long userId) {
        return QuarkusTransaction.requiringNew().call(() -> Membership.find(tenant, userId).map(m -> m.role).orElse(null));
    }

    private static void assertUnchanged() {
        QuarkusTransaction.requiringNew().run(() -> {
            Tenant tenant = Tenant.findById(aliceTenant);
            assertEquals(SECRET_NAME, tenant.displayName);
            assertEquals(MessageMode.SAFE, tenant.messageMode);
            assertEquals(1, Membership.count("tenantId", aliceTenant));
            assertEquals(0, Invitation.count("tenantId", aliceTenant));
        });
    }
}
