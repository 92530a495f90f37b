package io.kaquan.code;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kaquan.account.AuditEntry;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestTenants;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.UserCardStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The counter's code pages against the sandbox: every operation, its WeChat errors, and who may do what. */
@QuarkusTest
class CodePagesTest {

    static Session owner;
    static Session operator;
    static Session viewer;
    static CodeFixtures wx;
    static String card;
    static String customCard;

    /** Once, but in @BeforeEach: REST Assured knows the test port only then (the sandbox admin API needs it). */
    @BeforeEach
    void setUp() {
        if (wx != null) {
            return;
        }
        owner = Session.login("codes-owner");
        operator = Session.login("codes-operator");
        viewer = Session.login("codes-viewer");
        wx = CodeFixtures.tenant(owner, "查码门店");
        TestTenants.addMember(owner, wx.tenant, "codes-operator@example.com", "OPERATOR");
        TestTenants.addMember(owner, wx.tenant, "codes-viewer@example.com", "VIEWER");
        card = wx.card(false);
        customCard = wx.card(true);
    }

    @Test
    void shouldLookUpACodeWithItsStatusValidityAndOwner() {
        JsonPath received = CodeFixtures.receive(card, "o_counter_" + TestTenants.hex(8));
        String code = received.getString("code");

        viewer.request().get(base() + "/lookup?code=" + code + "&checkConsume=true").then().statusCode(200)
                .body(containsString("id=\"result-status\" class=\"code-status code-status-NORMAL\">正常</strong>"))
                .body(containsString("可以核销"))
                .body(containsString(received.getString("openid")))
                .body(containsString("双人套餐券"))
                .body(containsString("（北京时间）"))
                .body(not(containsString("id=\"invalidate-form\""))); // viewers see no actions

        CardCode mirrored = wx.mirrored(card, code);
        assertEquals(UserCardStatus.NORMAL, mirrored.status);
        assertEquals(received.getString("openid"), mirrored.openid);
        CodeLookup last = wx.lookups().get(wx.lookups().size() - 1);
        assertEquals(code, last.code);
        assertEquals("NORMAL", last.outcome);

        viewer.request().get(base()).then().statusCode(200).body(containsString("id=\"recent-lookups\""))
                .body(containsString(code));
        // the card page links here with ?cardId=&code=: straight to the result
        viewer.request().get(base() + "?cardId=" + card + "&code=" + code).then().statusCode(303)
                .header("Location", containsString("/codes/lookup?code=" + code + "&cardId=" + card));
    }

    @Test
    void shouldHandleBothCheckConsumeBehaviours() {
        String consumed = CodeFixtures.receive(card);
        wx.user("consume", consumed);
        operator.request().get(base() + "/lookup?code=" + consumed + "&checkConsume=true").then().statusCode(200)
                .body(containsString("data-errcode=\"40099\""))
                .body(containsString("这个码已经核销过了"))
                .body(containsString("id=\"view-status-only\""));
        operator.request().get(base() + "/lookup?code=" + consumed + "&checkConsume=false").then().statusCode(200)
                .body(containsString(">已核销</strong>")).body(containsString("不能核销"))
                .body(not(containsString("id=\"invalidate-form\""))); // a consumed code cannot be invalidated
        assertEquals(UserCardStatus.CONSUMED, wx.mirrored(card, consumed).status);

        String deleted = CodeFixtures.receive(card);
        wx.user("delete", deleted);
        operator.request().get(base() + "/lookup?code=" + deleted + "&checkConsume=true").then().statusCode(200)
                .body(containsString("data-errcode=\"40127\"")).body(containsString("已被顾客删除"));
        operator.request().get(base() + "/lookup?code=" + deleted + "&checkConsume=false").then().statusCode(200)
                .body(containsString(">已删除</strong>"));
        assertTrue(wx.lookups().stream().anyMatch(l -> l.code.equals(deleted) && l.outcome.equals("ERR_40127")));
    }

    @Test
    void shouldTellCodesNotYetValidAndExpiredOnesApart() {
        String later = CodeFixtures.receive(wx.fixedTermCard(3, 10));
        operator.request().get(base() + "/lookup?code=" + later + "&checkConsume=true").then().statusCode(200)
                .body(containsString(">正常</strong>")).body(containsString("不能核销"))
                .body(containsString("还没到生效时间。"));

        String expiredCard = wx.fixedTermCard(0, 2);
        String expired = CodeFixtures.receivedDaysAgo(expiredCard, 5);
        operator.request().get(base() + "/lookup?code=" + expired + "&checkConsume=true").then().statusCode(200)
                .body(containsString("data-errcode=\"40127\""));
        operator.request().get(base() + "/lookup?code=" + expired + "&checkConsume=false").then().statusCode(200)
                .body(containsString(">已过期</strong>")).body(containsString("不能核销"))
                .body(containsString("id=\"invalidate-form\"")); // an expired code can still be invalidated
        assertEquals(UserCardStatus.EXPIRE, wx.mirrored(expiredCard, expired).status);
    }

    @Test
    void shouldSayWhenACodeIsUnknownOrInputIsBad() {
        operator.request().get(base() + "/lookup?code=000011112222&checkConsume=true").then().statusCode(404)
                .body(containsString("找不到这个卡券码"));
        operator.request().get(base() + "/lookup?code=&checkConsume=true").then().statusCode(400)
                .body(containsString("请填写卡券码（或加密码）。"));
        operator.request().queryParam("code", "12 34").queryParam("cardId", "bad id").get(base() + "/lookup").then()
                .statusCode(400)
                .body(containsString("卡券码应为 1–64 个字符")).body(containsString("卡券 ID 只能包含"));
        operator.request().get(base() + "/change").then().statusCode(400);
        operator.request().post(base() + "/invalidate").then().statusCode(303); // back to the form, with its errors
        // a custom code is found only with its card id
        String custom = CodeFixtures.receive(customCard);
        operator.request().get(base() + "/lookup?code=" + custom + "&checkConsume=true").then().statusCode(404);
        operator.request().get(base() + "/lookup?code=" + custom + "&cardId=" + customCard + "&checkConsume=true")
                .then().statusCode(200).body(containsString(">正常</strong>"))
                .body(containsString("id=\"change-link\""));
    }

    @Test
    void shouldDecryptAnEncryptedCodeBeforeTheLookup() {
        JsonPath received = CodeFixtures.receive(card, null);
        viewer.request().queryParam("encryptCode", received.getString("encrypt_code"))
                .queryParam("checkConsume", "false").get(base() + "/lookup")
                .then().statusCode(200).body(containsString(received.getString("code")))
                .body(containsString(">正常</strong>"));
    }

    @Test
    void shouldInvalidateACodeAfterAConfirmationThatRepeatsCodeAndReason() {
        String code = CodeFixtures.receive(card);
        String result = base() + "/lookup?code=" + code + "&checkConsume=false";
        operator.request().get(result).then().statusCode(200).body(containsString("id=\"invalidate-form\""));

        // no reason: back to the result with the field error
        Response noReason = operator.request().get(base() + "/invalidate?code=" + code + "&cardId=" + card + "&reason=");
        noReason.then().statusCode(303).header("Location", containsString("/codes/lookup?code=" + code));
        follow(operator, noReason).then().body(containsString("请填写原因。"));

        operator.request().get(base() + "/invalidate?code=" + code + "&cardId=" + card + "&reason=顾客退款")
                .then().statusCode(200)
                .body(containsString("<code id=\"confirm-code\">" + code + "</code>"))
                .body(containsString("<dd id=\"confirm-reason\">顾客退款</dd>"))
                .body(containsString("不能撤销"));
        assertEquals(UserCardStatus.NORMAL, wx.wechatStatus(card, code)); // the confirmation changes nothing

        Response done = operator.request().formParam("code", code).formParam("cardId", card)
                .formParam("reason", "顾客退款").post(base() + "/invalidate");
        done.then().statusCode(303).header("Location", containsString("/codes/lookup?code=" + code));
        follow(operator, done).then().statusCode(200).body(containsString("卡券码 " + code + " 已失效。"))
                .body(containsString(">已失效</strong>"));

        assertEquals(UserCardStatus.UNAVAILABLE, wx.wechatStatus(card, code));
        assertEquals(UserCardStatus.UNAVAILABLE, wx.mirrored(card, code).status);
        CodeOperation op = last(wx.operations(), code);
        assertEquals(CallState.APPLIED, op.state);
        assertEquals("顾客退款", op.reason);
        List<AuditEntry> audit = wx.audit("code.invalidated");
        assertTrue(audit.stream().anyMatch(a -> a.target.equals(code) && a.details.contains("reason=顾客退款")));

        // again: refused before any call, nothing new recorded
        int operations = wx.operations().size();
        Response again = operator.request().formParam("code", code).formParam("cardId", card)
                .formParam("reason", "再来一次").post(base() + "/invalidate");
        follow(operator, again).then().body(containsString("这个码已经失效了。"));
        assertEquals(operations, wx.operations().size());
    }

    @Test
    void shouldRefuseCodeOperationsToViewersEvenWhenCraftedByHand() {
        String code = CodeFixtures.receive(card);
        String custom = CodeFixtures.receive(customCard);
        viewer.request().get(base() + "/invalidate?code=" + code + "&cardId=" + card + "&reason=x").then()
                .statusCode(403);
        viewer.request().formParam("code", code).formParam("cardId", card).formParam("reason", "x")
                .post(base() + "/invalidate").then().statusCode(403);
        viewer.request().get(base() + "/change?code=" + custom + "&cardId=" + customCard).then().statusCode(403);
        viewer.request().formParam("code", custom).formParam("cardId", customCard).formParam("newCode", "VIEWER1")
                .formParam("reason", "x").post(base() + "/change").then().statusCode(403);
        viewer.request().post(base() + "/operations/1/check").then().statusCode(403);
        assertEquals(UserCardStatus.NORMAL, wx.wechatStatus(card, code));
        assertEquals(UserCardStatus.NORMAL, wx.wechatStatus(customCard, custom));
        assertTrue(wx.operations().stream().noneMatch(op -> op.code.equals(code) || op.code.equals(custom)));
        // owners act like operators
        owner.request().formParam("code", code).formParam("cardId", card).formParam("reason", "店长作废")
                .post(base() + "/invalidate").then().statusCode(303);
        assertEquals(UserCardStatus.UNAVAILABLE, wx.wechatStatus(card, code));
    }

    @Test
    void shouldChangeACustomCodeAfterAGift() {
        String given = CodeFixtures.receive(customCard);
        String friendCode = wx.user("gift", given);
        operator.request().get(base() + "/lookup?code=" + given + "&cardId=" + customCard).then().statusCode(404);
        operator.request().get(base() + "/change?code=" + friendCode + "&cardId=" + customCard).then()
                .statusCode(200).body(containsString("转赠之后"));

        String newCode = "NEW" + TestTenants.hex(9);
        Response done = operator.request().formParam("code", friendCode).formParam("cardId", customCard)
                .formParam("newCode", newCode).formParam("reason", "转赠后换码").post(base() + "/change");
        done.then().statusCode(303).header("Location", containsString("/codes/lookup?code=" + newCode));
        follow(operator, done).then().body(containsString("已更改为 " + newCode)).body(containsString(">正常</strong>"));
        assertNull(wx.wechatStatus(customCard, friendCode));
        assertEquals(UserCardStatus.NORMAL, wx.wechatStatus(customCard, newCode));
        assertEquals(UserCardStatus.NORMAL, wx.mirrored(customCard, newCode).status);
        assertEquals(CallState.APPLIED, last(wx.operations(), friendCode).state);
        assertTrue(wx.audit("code.changed").stream()
                .anyMatch(a -> a.target.equals(friendCode + " → " + newCode) && a.details.contains("reason=转赠后换码")));
    }

    @Test
    void shouldExplainEveryRefusedCodeChange() {
        String one = CodeFixtures.receive(customCard);
        String two = CodeFixtures.receive(customCard);
        String path = base() + "/change";
        // the new code is taken: 40116
        Response taken = operator.request().formParam("code", one).formParam("cardId", customCard)
                .formParam("newCode", two).formParam("reason", "换码").post(path);
        taken.then().statusCode(303).header("Location", containsString("/codes/change?cardId="));
        follow(operator, taken).then().body(containsString("微信拒绝了这次操作：卡券码不正确（例如新的码已被使用）。"));
        assertEquals(CallState.NOT_APPLIED, last(wx.operations(), one).state);
        assertEquals(40116, last(wx.operations(), one).errcode);
        // a consumed code: 40099
        wx.user("consume", two);
        Response consumed = operator.request().formParam("code", two).formParam("cardId", customCard)
                .formParam("newCode", "C" + TestTenants.hex(8)).formParam("reason", "换码").post(path);
        follow(operator, consumed).then().body(containsString("这个卡券码已经核销过了。"));
        // a card with WeChat's own codes: refused before the call
        String own = CodeFixtures.receive(card);
        Response notCustom = operator.request().formParam("code", own).formParam("cardId", card)
                .formParam("newCode", "X" + TestTenants.hex(8)).formParam("reason", "换码").post(path);
        follow(operator, notCustom).then().body(containsString("不是自定义 Code"));
        assertTrue(wx.operations().stream().noneMatch(op -> op.code.equals(own)));
        // field errors
        Response empty = operator.request().formParam("code", one).formParam("cardId", customCard)
                .formParam("newCode", one).formParam("reason", "").post(path);
        follow(operator, empty).then().body(containsString("新的卡券码与原来的相同。"))
                .body(containsString("请填写原因。"));
        // invalidating a code being... deleted by its user: 40127 from WeChat
        String deleted = CodeFixtures.receive(card);
        wx.user("delete", deleted);
        Response refused = operator.request().formParam("code", deleted).formParam("cardId", card)
                .formParam("reason", "退款").post(base() + "/invalidate");
        follow(operator, refused).then().body(containsString("卡券码已被用户删除、正在转赠中，或已被设为失效。"));
        assertEquals(40127, last(wx.operations(), deleted).errcode);
        // an unknown code: 404, nothing recorded
        operator.request().formParam("code", "999988887777").formParam("cardId", card).formParam("reason", "退款")
                .post(base() + "/invalidate").then().statusCode(404);
        assertTrue(wx.operations().stream().noneMatch(op -> op.code.equals("999988887777")));
    }

    @Test
    void shouldReadTheCodeAgainWhenWeChatsAnswerIsLost() {
        // -1 before WeChat did anything: read back as not applied, the operator may do it again
        String code = CodeFixtures.receive(card);
        LostAnswers.arm("/card/code/unavailable", LostAnswers.Mode.BEFORE);
        Response notDone = operator.request().formParam("code", code).formParam("cardId", card)
                .formParam("reason", "退款").post(base() + "/invalidate");
        follow(operator, notDone).then().body(containsString("微信没有执行这次操作")).body(containsString(">正常</strong>"));
        assertEquals(CallState.NOT_APPLIED, last(wx.operations(), code).state);
        assertEquals(UserCardStatus.NORMAL, wx.wechatStatus(card, code));
        assertTrue(wx.audit("code.invalidated").stream().noneMatch(a -> a.target.equals(code)));

        // -1 after WeChat did it: read back as applied, audited once, never sent twice
        LostAnswers.arm("/card/code/unavailable", LostAnswers.Mode.AFTER);
        Response done = operator.request().formParam("code", code).formParam("cardId", card)
                .formParam("reason", "退款").post(base() + "/invalidate");
        follow(operator, done).then().body(containsString("卡券码 " + code + " 已失效。"));
        assertEquals(CallState.APPLIED, last(wx.operations(), code).state);
        assertEquals(UserCardStatus.UNAVAILABLE, wx.wechatStatus(card, code));
        assertEquals(1, wx.audit("code.invalidated").stream().filter(a -> a.target.equals(code)).count());

        // a lost answer to a code change: found under the new code
        String custom = CodeFixtures.receive(customCard);
        String newCode = "L" + TestTenants.hex(10);
        LostAnswers.arm("/card/code/update", LostAnswers.Mode.AFTER);
        Response changed = operator.request().formParam("code", custom).formParam("cardId", customCard)
                .formParam("newCode", newCode).formParam("reason", "转赠后换码").post(base() + "/change");
        changed.then().header("Location", containsString("code=" + newCode));
        assertEquals(CallState.APPLIED, last(wx.operations(), custom).state);
        assertEquals(UserCardStatus.NORMAL, wx.mirrored(customCard, newCode).status);
        LostAnswers.disarm();
    }

    @Test
    void shouldKeepAnOperationOpenUntilWeChatCanTellItsOutcome() {
        String code = CodeFixtures.receive(card);
        // WeChat busy for everything: the read before the call fails, so nothing is sent and nothing recorded
        wx.faults(Map.of("errorShare", 1));
        try {
            Response busy = operator.request().formParam("code", code).formParam("cardId", card)
                    .formParam("reason", "退款").post(base() + "/invalidate");
            follow(operator, busy).then().body(containsString("微信系统繁忙"));
            assertTrue(wx.operations().stream().noneMatch(op -> op.code.equals(code)));
        } finally {
            wx.faults(Map.of("errorShare", 0));
        }

        // an operation left open (its call got no answer and the read-back failed) blocks a second one
        CodeOperation open = openOperation(code);
        operator.request().get(base()).then().body(containsString("id=\"open-operations\""))
                .body(containsString("id=\"check-" + open.id + "\""));
        Response blocked = operator.request().formParam("code", code).formParam("cardId", card)
                .formParam("reason", "第二次").post(base() + "/invalidate");
        follow(operator, blocked).then().body(containsString("这个码还有一个结果待确认的操作"));
        assertEquals(UserCardStatus.NORMAL, wx.wechatStatus(card, code));

        Response checked = operator.request().post(base() + "/operations/" + open.id + "/check");
        follow(operator, checked).then().body(containsString("已确认：操作没有生效"));
        assertEquals(CallState.NOT_APPLIED, wx.operations().stream().filter(op -> op.id.equals(open.id)).findFirst()
                .orElseThrow().state);
        operator.request().formParam("code", code).formParam("cardId", card).formParam("reason", "第三次")
                .post(base() + "/invalidate").then().statusCode(303);
        assertEquals(UserCardStatus.UNAVAILABLE, wx.wechatStatus(card, code));
    }

    @Test
    void shouldRefuseASecondChangeToTheNewCodeOfAnOpenChange() {
        String first = CodeFixtures.receive(customCard);
        String second = CodeFixtures.receive(customCard);
        String newCode = "N" + TestTenants.hex(10);
        // a change first → newCode awaits its outcome (its call got no answer, WeChat may still carry it out)
        CodeOperation open = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            CodeOperation op = new CodeOperation();
            op.tenantId = wx.tenant;
            op.kind = CodeOperation.Kind.UPDATE;
            op.cardId = customCard;
            op.code = first;
            op.newCode = newCode;
            op.reason = "换码";
            op.who = "test";
            op.state = CallState.UNCERTAIN;
            op.createdAt = Instant.now();
            op.persist();
            return op;
        });
        Response refused = operator.request().formParam("code", second).formParam("cardId", customCard)
                .formParam("newCode", newCode).formParam("reason", "同一个新码").post(base() + "/change");
        follow(operator, refused).then().body(containsString("新的码 " + newCode + " 已是另一个结果待确认的换码操作的新码"));
        assertEquals(UserCardStatus.NORMAL, wx.wechatStatus(customCard, second), "not sent");
        assertNull(wx.wechatStatus(customCard, newCode));
        assertTrue(wx.operations().stream().noneMatch(op -> op.code.equals(second)));
        assertEquals(CallState.UNCERTAIN, wx.operations().stream().filter(op -> op.id.equals(open.id)).findFirst()
                .orElseThrow().state);
    }

    @Test
    void shouldListAUsersCardsWithLinksToTheLookup() {
        String openid = "o_wallet_" + TestTenants.hex(8);
        String first = CodeFixtures.receive(card, openid).getString("code");
        String second = CodeFixtures.receive(customCard, openid).getString("code");
        viewer.request().get(base() + "/lookup?code=" + first).then().statusCode(200);
        viewer.request().get(base() + "/users?openid=" + openid).then().statusCode(200)
                .body(containsString("2 个卡券码"))
                .body(containsString("<td>正常 <span class=\"muted\">")) // the first code, looked up before
                .body(containsString("<span class=\"muted\">—</span>")) // the second, never looked up
                .body(containsString("/codes/lookup?code=" + first + "&cardId=" + card))
                .body(containsString("/codes/lookup?code=" + second + "&cardId=" + customCard));
        viewer.request().get(base() + "/users?openid=" + openid + "&cardId=" + customCard).then().statusCode(200)
                .body(containsString("1 个卡券码")).body(not(containsString(first)));
        viewer.request().get(base() + "/users?openid=o_nobody_here").then().statusCode(200)
                .body(containsString("id=\"users-empty\""));
        viewer.request().queryParam("openid", "bad openid").get(base() + "/users").then().statusCode(400)
                .body(containsString("OpenID 只能包含"));
        viewer.request().get(base() + "/users").then().statusCode(200).body(containsString("id=\"users-form\""));
        viewer.request().get(base() + "/users/" + openid).then().statusCode(303)
                .header("Location", endsWith("/codes/users?openid=" + openid));
    }

    @Test
    void shouldSpeakEnglishWhenAsked() {
        String code = CodeFixtures.receive(card);
        viewer.request().cookie("kaquan-lang", "en").get(base()).then().statusCode(200)
                .body(containsString("Code lookup")).body(containsString("Check before redeeming"));
        viewer.request().cookie("kaquan-lang", "en").get(base() + "/lookup?code=" + code + "&checkConsume=false")
                .then().statusCode(200).body(containsString("Can be redeemed now"))
                .body(containsString("(China time)"));
        viewer.request().cookie("kaquan-lang", "en").get(base() + "/lookup?code=404404404404").then()
                .statusCode(404).body(containsString("No such code"));
    }

    @Test
    void shouldListACardsKnownCodesAsAFragmentForTheCardPage() {
        String ownCard = wx.card(false);
        String openid = "o_known_" + TestTenants.hex(8);
        String code = CodeFixtures.receive(ownCard, openid).getString("code");
        viewer.request().get(base() + "/lookup?code=" + code).then().statusCode(200);
        viewer.request().get(base() + "/fragment?card=" + ownCard).then().statusCode(200)
                .body(startsWith("<section class=\"panel\" id=\"codes\">")) // no layout
                .body(containsString("已知的卡券码 (1)"))
                .body(containsString("<tr data-code=\"" + code + "\" data-status=\"NORMAL\">"))
                .body(containsString("<td>正常</td>")).body(containsString("<code>" + openid + "</code>"))
                .body(containsString("/t/" + wx.tenant + "/codes?cardId=" + ownCard + "&amp;code=" + code));
        viewer.request().cookie("kaquan-lang", "en").get(base() + "/fragment?card=" + ownCard).then()
                .statusCode(200).body(containsString("Codes known to Kaquan (1)")).body(containsString("<td>Valid</td>"))
                .body(containsString("Last change"));

        viewer.request().get(base() + "/fragment?card=pNoSuchCard" + TestTenants.hex(6)).then().statusCode(200)
                .body(containsString("已知的卡券码 (0)")).body(containsString("还不知道这张卡券的任何码"));
        viewer.request().queryParam("card", "bad card!").get(base() + "/fragment").then().statusCode(400);
        viewer.request().get(base() + "/fragment").then().statusCode(400);
    }

    @Test
    void shouldShowTheNewestFiftyOfACardsKnownCodesWithTheTotal() {
        String manyCard = "pMany" + TestTenants.hex(8);
        Instant start = Instant.now().minusSeconds(3600);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 55; i++) {
                CardCode row = new CardCode();
                row.tenantId = wx.tenant;
                row.cardId = manyCard;
                row.code = "M" + (1000 + i);
                row.status = i % 2 == 0 ? UserCardStatus.NORMAL : UserCardStatus.CONSUMED;
                row.updatedAt = start.plusSeconds(i);
                row.persist();
            }
        });
        String page = viewer.request().get(base() + "/fragment?card=" + manyCard).then().statusCode(200)
                .body(containsString("已知的卡券码 (55)")).body(containsString("显示最新的 50 个，共 55 个。"))
                .body(containsString("data-code=\"M1054\"")).body(containsString("data-code=\"M1005\""))
                .body(not(containsString("data-code=\"M1004\""))).body(containsString("<td>已核销</td>"))
                .extract().asString();
        assertEquals(50, page.split("<tr data-code=").length - 1);
        assertTrue(page.indexOf("M1054") < page.indexOf("M1053"), "newest first");
    }

    @Test
    void shouldNameOperationsAndTheirStatesInTheVisitorsLanguage() {
        String code = "S" + TestTenants.hex(10);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            CodeOperation op = new CodeOperation();
            op.tenantId = wx.tenant;
            op.kind = CodeOperation.Kind.UNAVAILABLE;
            op.cardId = card;
            op.code = code;
            op.reason = "退款";
            op.who = "test";
            op.state = CallState.NOT_APPLIED;
            op.createdAt = Instant.now().plusSeconds(3600); // the newest of the recent operations
            op.settledAt = op.createdAt;
            op.persist();
        });
        viewer.request().get(base()).then().statusCode(200)
                .body(containsString("<td>设为失效</td>")).body(containsString("<td>未生效</td>"))
                .body(not(containsString("NOT_APPLIED<"))).body(not(containsString(">UNAVAILABLE<")));
        viewer.request().cookie("kaquan-lang", "en").get(base()).then().statusCode(200)
                .body(containsString("<td>Invalidate</td>")).body(containsString("<td>Not done</td>"));
    }

    /**
     * Makes an operation whose outcome is unknown, as an answered -1 leaves it when the read-back failed too (an
     * unchanged code then settles it as not applied at once).
     */
    private static CodeOperation openOperation(String code) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            CodeOperation op = new CodeOperation();
            op.tenantId = wx.tenant;
            op.kind = CodeOperation.Kind.UNAVAILABLE;
            op.cardId = card;
            op.code = code;
            op.reason = "退款";
            op.who = "test";
            op.state = CallState.UNCERTAIN;
            op.createdAt = Instant.now();
            op.settlesAt = op.createdAt;
            op.persist();
            return op;
        });
    }

    static String base() {
        return "/t/" + wx.tenant + "/codes";
    }

    /** The page a 303 leads to, with the flash cookie it set. */
    static Response follow(Session session, Response redirect) {
        String location = redirect.header("Location");
        var request = session.request();
        if (redirect.getCookie("kaquan-flash") != null) {
            request.cookie("kaquan-flash", redirect.getCookie("kaquan-flash"));
        }
        return request.get(location.replaceFirst("^https?://[^/]+", ""));
    }

    static CodeOperation last(List<CodeOperation> operations, String code) {
        return operations.stream().filter(op -> op.code.equals(code)).reduce((a, b) -> b).orElseThrow();
    }
}
