package io.kaquan.wechat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kaquan.testing.Session;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Rules that need WeChat to misbehave in ways the sandbox does not stage on purpose, against a stand-in WeChat on
 * loopback that counts every request it receives (the tenant's API host points at it).
 */
@QuarkusTest
class StandInWeChatTest {

    private static final String COLORS = "/card/getcolors";
    private static final String TOKEN = "/cgi-bin/stable_token";
    private static final String REFUSED_TOKEN = "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is "
            + "invalid or not latest rid: 6650a1b2-11111111-22222222\"}";
    private static final String BUSY = "{\"errcode\":-1,\"errmsg\":\"system error\"}";

    static Session alice;

    @Inject
    WeChatGateway gateway;

    @Inject
    EntityManager em;

    StandInWeChat wechat;
    WeChatSide side;

    @BeforeAll
    static void signIn() {
        alice = Session.login("alice");
    }

    @BeforeEach
    void standIn() throws Exception {
        wechat = new StandInWeChat();
        side = WeChatSide.register(alice, "替身微信");
        side.apiHost(em, gateway, wechat.baseUrl());
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    @Test
    void shouldNotRenewAgainWhenTheRenewedTokenIsRefusedToo() {
        wechat.answer(COLORS, REFUSED_TOKEN);
        WeChatClient client = gateway.forTenant(side.tenantId);

        WeChatException first = assertThrows(WeChatException.class, client::cardColors);
        assertEquals(40001, first.errcode());
        assertEquals(2, wechat.hits(TOKEN), "the first token and one renewal");
        assertEquals(2, wechat.hits(COLORS), "the call and one retry");

        for (int i = 0; i < 5; i++) {
            WeChatException again = assertThrows(WeChatException.class, client::cardColors);
            assertEquals(40001, again.errcode());
            assertEquals("tokenRefusedAgain", again.messageKey());
        }
        assertEquals(2, wechat.hits(TOKEN), "no refresh loop: the renewed token is not renewed again");
        assertEquals(3, wechat.hits(COLORS), "the renewed token tried once more, then the tenant is halted: later "
                + "calls fail from memory until the renewal guard ends, without reaching WeChat");
    }

    @Test
    void shouldRetrySystemErrorsOnlyForCallsThatAreSafeToRepeat() {
        wechat.answer(COLORS, BUSY).answer("/card/modifystock", BUSY).answer("/card/create", BUSY)
                .answer("/card/code/consume", BUSY);
        WeChatClient client = gateway.forTenant(side.tenantId);

        WeChatException safe = assertThrows(WeChatException.class, client::cardColors);
        assertEquals(-1, safe.errcode());
        assertFalse(safe.uncertain(), "a read leaves nothing to reconcile");
        assertEquals(3, wechat.hits(COLORS), "a safe call is sent three times in all");

        WeChatException stock = assertThrows(WeChatException.class, () -> client.cardModifyStock("pCard", 5));
        assertTrue(stock.uncertain(), "the caller must read WeChat's state before trying again");
        assertEquals(1, wechat.hits("/card/modifystock"), "never repeated blindly");
        assertThrows(WeChatException.class, () -> client.cardCreate(WeChatJson.MAPPER.createObjectNode()));
        assertEquals(1, wechat.hits("/card/create"));
        assertThrows(WeChatException.class, () -> client.codeConsume(null, "123456789012"));
        assertEquals(1, wechat.hits("/card/code/consume"));
    }

    @Test
    void shouldStopCallingAnApiForTheDayAfter45009() {
        wechat.answer(COLORS, "{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit rid: 1-2-3\"}");
        WeChatClient client = gateway.forTenant(side.tenantId);

        assertEquals(WeChatException.Kind.REFUSED, assertThrows(WeChatException.class, client::cardColors).kind());
        for (int i = 0; i < 3; i++) {
            WeChatException stopped = assertThrows(WeChatException.class, client::cardColors);
            assertEquals(WeChatException.Kind.STOPPED, stopped.kind());
            assertEquals(45009, stopped.errcode());
        }
        assertEquals(1, wechat.hits(COLORS), "no call reached WeChat after its 45009");
        client.cardBatchget(0, 10, null);
        assertEquals(1, wechat.hits("/card/batchget"), "other APIs go on");
    }

    @Test
    void shouldReadRepliesLeniently() {
        wechat.answer("/card/code/get", "{\"card\":{\"card_id\":\"pX\",\"begin_time\":\"1457452800\","
                + "\"end_time\":1463155199},\"openid\":\"oX\",\"can_consume\":\"true\",\"user_card_status\":\"NORMAL\","
                + "\"something_new\":{\"a\":1}}")
                .answer("/card/get", "{\"errcode\":\"0\",\"errmsg\":\"ok\",\"card\":{\"card_type\":\"CASH\",\"cash\":"
                        + "{\"base_info\":{\"id\":\"pX\",\"title\":\"代金券\",\"status\":1,\"sku\":{\"quantity\":\"5\","
                        + "\"total_quantity\":10}},\"least_cost\":100}}}");
        WeChatClient client = gateway.forTenant(side.tenantId);

        WeChatCodes.Info code = client.codeGet("pX", "123", false);
        assertTrue(code.canConsume(), "a boolean sent as a string");
        assertEquals(1457452800L, code.card().beginTime(), "a number sent as a string, and no errcode at all");
        assertEquals(UserCardStatus.NORMAL, code.userCardStatus());

        WeChatCards.Detail card = client.cardGet("pX");
        assertEquals(CardStatus.NOT_VERIFY, card.status(), "the console's number for the status");
        assertEquals(5, card.quantity());
        assertEquals("代金券", card.title());
    }

    @Test
    void shouldRetryUnansweredCallsOnlyWhenTheyAreSafeToRepeat() {
        wechat.hangUp(COLORS).hangUp("/card/code/unavailable");
        WeChatClient client = gateway.forTenant(side.tenantId);

        WeChatException colors = assertThrows(WeChatException.class, client::cardColors);
        assertEquals(WeChatException.Kind.NO_ANSWER, colors.kind());
        assertEquals(3, wechat.hits(COLORS));

        WeChatException unavailable = assertThrows(WeChatException.class,
                () -> client.codeUnavailable("pCard", "123456789012", "退款"));
        assertEquals(WeChatException.Kind.NO_ANSWER, unavailable.kind());
        assertTrue(unavailable.uncertain());
        assertEquals("noAnswerUncertain", unavailable.messageKey());
        assertEquals(1, wechat.hits("/card/code/unavailable"), "never sent twice without knowing what happened");
    }

    @Test
    void shouldSayWhenWeChatCannotBeReached() throws Exception {
        String closedPort;
        try (StandInWeChat gone = new StandInWeChat()) {
            closedPort = gone.baseUrl();
        }
        side.apiHost(em, gateway, closedPort);
        WeChatException unreachable = assertThrows(WeChatException.class,
                () -> gateway.forTenant(side.tenantId).cardColors());
        assertEquals(WeChatException.Kind.UNREACHABLE, unreachable.kind());
        assertEquals("unreachable", unreachable.messageKey());
        assertFalse(unreachable.uncertain());
    }
}
