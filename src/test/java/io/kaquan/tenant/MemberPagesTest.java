package io.kaquan.tenant;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.restassured.response.Response;

@QuarkusTest
class MemberPagesTest {

    static Session alice;
    static Session bob;

    @BeforeAll
    static void signIn() {
        alice = Session.login("alice");
        bob = Session.login("bob");
    }

    @Test
    void shouldInviteAnExistingUserWhoJoinsByOpeningTheLink() {
        long tenant = TestTenants.register(alice, "成员测试");
        Response redirect = alice.request().formParam("email", "BOB@example.com").formParam("role", "OPERATOR")
                .post("/t/" + tenant + "/members");
        redirect.then().statusCode(303).header("Location", endsWith("/t/" + tenant + "/members"));
        assertEquals(null, roleOf(tenant, "bob@example.com"), "an e-mail address alone makes nobody a member");
        String token = TestTenants.invitationToken(tenant, "bob@example.com");
        alice.request().cookie("kaquan-flash", redirect.getCookie("kaquan-flash")).get("/t/" + tenant + "/members")
                .then().statusCode(200).body(containsString("已邀请 Bob &lt;bob@example.com&gt;。"))
                .body(containsString("/invitations/" + token + "\""));
        bob.request().get("/t/" + tenant).then().statusCode(404);

        bob.request().get("/invitations/" + token).then().statusCode(200).body(containsString("成员测试"))
                .body(containsString("运营")).body(containsString("id=\"accept-invitation\""));
        Response accepted = bob.request().post("/invitations/" + token + "/accept");
        accepted.then().statusCode(303).header("Location", endsWith("/t/" + tenant));
        assertEquals(Role.OPERATOR, roleOf(tenant, "bob@example.com"));
        bob.request().get("/").then().body(containsString("成员测试"));
        bob.request().post("/invitations/" + token + "/accept").then().statusCode(404); // used up
        bob.request().get("/invitations/" + token).then().statusCode(404);
    }

    @Test
    void shouldNotBindAnUnverifiedEmailAtFirstLoginButByTheLink() {
        long tenant = TestTenants.register(alice, "邀请测试");
        String name = "invitee" + TestTenants.hex(6);
        alice.request().formParam("email", name + "@example.com").formParam("role", "VIEWER")
                .post("/t/" + tenant + "/members").then().statusCode(303);
        alice.request().get("/t/" + tenant + "/members").then()
                .body(containsString("待接受的邀请")).body(containsString(name + "@example.com"));

        // The dev login's custom users carry no email_verified claim: anybody could have typed that address.
        Session invitee = Session.login(name);
        invitee.request().get("/").then().statusCode(200).body(not(containsString("邀请测试")));
        assertEquals(null, roleOf(tenant, name + "@example.com"));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> AppUser.findByEmail(name + "@example.com")
                .orElseThrow().emailVerified));
        assertEquals(1, Invitation.count("email", name + "@example.com"));

        invitee.request().post("/invitations/" + TestTenants.invitationToken(tenant, name + "@example.com") + "/accept")
                .then().statusCode(303);
        assertEquals(Role.VIEWER, roleOf(tenant, name + "@example.com"));
        assertEquals(0, Invitation.count("email", name + "@example.com"));
    }

    @Test
    void shouldAnswer404ForAnUnknownInvitationLink() {
        bob.request().get("/invitations/" + TestTenants.hex(43)).then().statusCode(404);
        bob.request().post("/invitations/" + TestTenants.hex(43) + "/accept").then().statusCode(404);
        bob.request().get("/invitations/" + "x".repeat(500)).then().statusCode(404);
    }

    @Test
    void shouldShowInvitationLinksToOwnersOnly() {
        long tenant = TestTenants.register(alice, "链接可见");
        TestTenants.addMember(alice, tenant, "bob@example.com", "VIEWER");
        String email = "someone" + TestTenants.hex(6) + "@example.com";
        alice.request().formParam("email", email).formParam("role", "VIEWER").post("/t/" + tenant + "/members");
        String token = TestTenants.invitationToken(tenant, email);
        alice.request().get("/t/" + tenant + "/members").then().body(containsString(token));
        bob.request().get("/t/" + tenant + "/members").then().statusCode(200).body(containsString(email))
                .body(not(containsString(token)));
    }

    @Test
    void shouldRefuseInvalidInvitations() {
        long tenant = TestTenants.register(alice, "邀请校验");
        String path = "/t/" + tenant + "/members";
        Response bad = alice.request().formParam("email", "not-an-email").formParam("role", "KING").post(path);
        bad.then().statusCode(303).header("Location", endsWith(path));
        alice.request().cookie("kaquan-flash", bad.getCookie("kaquan-flash")).get(path).then()
                .body(containsString("请输入有效的邮箱地址。"))
                .body(containsString("请选择角色。"))
                .body(containsString("value=\"not-an-email\""));
        Response self = alice.request().formParam("email", "alice@example.com").formParam("role", "OWNER").post(path);
        alice.request().cookie("kaquan-flash", self.getCookie("kaquan-flash")).get(path).then()
                .body(containsString("已经是成员"));
    }

    @Test
    void shouldChangeRolesButNeverLeaveATenantWithoutOwner() {
        long tenant = TestTenants.register(alice, "所有者");
        String path = "/t/" + tenant + "/members";
        Long aliceId = userId("alice@example.com");
        Response demoteSelf = alice.request().formParam("role", "VIEWER").post(path + "/" + aliceId + "/role");
        demoteSelf.then().statusCode(303);
        alice.request().cookie("kaquan-flash", demoteSelf.getCookie("kaquan-flash")).get(path).then()
                .body(containsString("公众号至少需要一名所有者"));
        Response removeSelf = alice.request().post(path + "/" + aliceId + "/remove");
        removeSelf.then().statusCode(303);
        assertEquals(Role.OWNER, roleOf(tenant, "alice@example.com"));

        // With a second owner, the first may step down.
        TestTenants.addMember(alice, tenant, "bob@example.com", "OWNER");
        alice.request().formParam("role", "OPERATOR").post(path + "/" + aliceId + "/role").then().statusCode(303);
        assertEquals(Role.OPERATOR, roleOf(tenant, "alice@example.com"));
        bob.request().post(path + "/" + aliceId + "/remove").then().statusCode(303);
        assertEquals(null, roleOf(tenant, "alice@example.com"));
        alice.request().get("/t/" + tenant).then().statusCode(404);
    }

    @Test
    void shouldLetOnlyOwnersChangeMembers() {
        long tenant = TestTenants.register(alice, "权限");
        TestTenants.addMember(alice, tenant, "bob@example.com", "OPERATOR");
        String path = "/t/" + tenant + "/members";
        bob.request().get(path).then().statusCode(200).body(not(containsString("id=\"invite-form\"")));
        bob.request().formParam("email", "carol@example.com").formParam("role", "OWNER").post(path)
                .then().statusCode(403).body(containsString("没有权限"));
        bob.request().formParam("role", "OWNER").post(path + "/" + userId("bob@example.com") + "/role")
                .then().statusCode(403);
        bob.request().post(path + "/" + userId("alice@example.com") + "/remove").then().statusCode(403);
        assertEquals(Role.OPERATOR, roleOf(tenant, "bob@example.com"));
    }

    @Test
    void shouldCancelAPendingInvitation() {
        long tenant = TestTenants.register(alice, "撤销邀请");
        String email = "later" + TestTenants.hex(6) + "@example.com";
        TestTenants.addMember(alice, tenant, email, "VIEWER");
        Invitation invitation = Invitation.find("email", email).firstResult();
        alice.request().post("/t/" + tenant + "/members/invitations/" + invitation.id + "/cancel")
                .then().statusCode(303);
        assertEquals(0, Invitation.count("email", email));
    }

    @Test
    void shouldRefuseAnInvitationLinkAfterSevenDaysAndSayItOnTheMembersPage() {
        long tenant = TestTenants.register(alice, "过期邀请");
        String email = "late" + TestTenants.hex(6) + "@example.com";
        TestTenants.addMember(alice, tenant, email, "OWNER");
        String token = TestTenants.invitationToken(tenant, email);
        alice.request().get("/t/" + tenant + "/members").then().statusCode(200).body(containsString("有效期至"))
                .body(not(containsString("已过期")));
        QuarkusTransaction.requiringNew().run(() -> Invitation.update("createdAt = ?1 where token = ?2",
                java.time.Instant.now().minus(Invitation.LIFETIME).minusSeconds(60), token));

        bob.request().get("/invitations/" + token).then().statusCode(404);
        bob.request().post("/invitations/" + token + "/accept").then().statusCode(404);
        assertEquals(null, roleOf(tenant, "bob@example.com"), "an expired link makes nobody a member");
        alice.request().get("/t/" + tenant + "/members").then().statusCode(200)
                .body(containsString("已过期，请撤销后重新邀请"));
    }

    /** Read in a transaction of its own: the test's request-scoped session would return what it read before. */
    static Role roleOf(long tenant, String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AppUser user = AppUser.findByEmail(email).orElseThrow();
            return Membership.find(tenant, user.id).map(m -> m.role).orElse(null);
        });
    }

    static Long userId(String email) {
        Long id = AppUser.findByEmail(email).orElseThrow().id;
        assertTrue(id > 0);
        return id;
    }
}
