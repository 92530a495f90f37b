package io.kaquan.code;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kaquan.account.AuditEntry;
import io.kaquan.testing.SandboxLatency;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.UserCardStatus;
import io.kaquan.wechat.WeChatConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A code call that gets no answer at all (a real read timeout against the sandbox's latency fault) may still reach
 * WeChat: its operation stays unknown until the settle time, and is settled as applied, once, when WeChat did it.
 */
@QuarkusTest
class CodeSettleTest {

    static Session owner;
    static Session operator;
    static Session viewer;
    static CodeFixtures wx;
    static String card;

    @Inject
    WeChatConfig wechat;

    @BeforeEach
    void setUp() {
        if (wx != null) {
            return;
        }
        owner = Session.login("settle-owner");
        operator = Session.login("settle-operator");
        viewer = Session.login("settle-viewer");
        wx = CodeFixtures.tenant(owner, "超时门店");
        TestTenants.addMember(owner, wx.tenant, "settle-operator@example.com", "OPERATOR");
        TestTenants.addMember(owner, wx.tenant, "settle-viewer@example.com", "VIEWER");
        card = wx.card(false);
    }

    @AfterEach
    void noFaults() {
        Arrivals.disarm();
        wx.faults(Map.of("latencyMs", 0));
    }

    @Test
    void shouldKeepATimedOutInvalidationUnknownUntilWeChatDidItAndAuditItOnceForTheRequester() throws Exception {
        String code = CodeFixtures.receive(card);
        long beyondTimeout = wechat.readTimeout().toMillis() + 2_000;
        // the code/get before the call is answered at once; the code/unavailable call itself outlasts the read timeout
        Arrivals.arm("/card/code/unavailable", () -> wx.faults(Map.of("latencyMs", beyondTimeout)));
        CompletableFuture<Response> post = CompletableFuture.supplyAsync(() -> operator.request()
                .formParam("code", code).formParam("cardId", card).formParam("reason", "超时退款")
                .post(base() + "/invalidate"));
        Arrivals.await();
        SandboxLatency.awaitHeldCall(); // the call now sits in the sandbox's latency; the read-back after it is fast
        wx.faults(Map.of("latencyMs", 0));

        Response answer = post.get();
        CodeOperation op = CodePagesTest.last(wx.operations(), code);
        // the read-back still shows the code normal, but the request may yet land: not settled as not applied
        assertEquals(CallState.UNCERTAIN, op.state);
        assertTrue(op.settlesAt.isAfter(Instant.now()), "settles later: " + op.settlesAt);
        CodePagesTest.follow(operator, answer).then().body(containsString("微信没有给出明确答复"));
        operator.request().get(base()).then().body(containsString("id=\"check-" + op.id + "\""));

        // WeChat carries the late request out; a viewer's lookup reads it and settles the operation as applied
        awaitStatus(code, UserCardStatus.UNAVAILABLE);
        viewer.request().get(base() + "/lookup?code=" + code + "&cardId=" + card).then().statusCode(200);
        assertEquals(CallState.APPLIED, CodePagesTest.last(wx.operations(), code).state);
        operator.request().post(base() + "/operations/" + op.id + "/check").then().statusCode(303);
        assertEquals(CallState.APPLIED, CodePagesTest.last(wx.operations(), code).state);

        List<AuditEntry> audit = wx.audit("code.invalidated").stream().filter(a -> a.target.equals(code)).toList();
        assertEquals(1, audit.size(), "audited exactly once");
        String viewerName = wx.lookups().stream().filter(l -> l.code.equals(code)).reduce((a, b) -> b)
                .orElseThrow().who;
        assertTrue(viewerName.contains("settle-viewer"), viewerName);
        assertTrue(audit.get(0).details.contains("requested_by=" + op.who), audit.get(0).details);
        assertTrue(op.who.contains("settle-operator"), op.who);
        assertTrue(audit.get(0).details.contains("settled by " + viewerName + " while looking up"),
                audit.get(0).details);
    }

    private static void awaitStatus(String code, UserCardStatus status) {
        Awaitility.await("WeChat shows " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> wx.wechatStatus(card, code) == status);
    }

    static String base() {
        return "/t/" + wx.tenant + "/codes";
    }
}
