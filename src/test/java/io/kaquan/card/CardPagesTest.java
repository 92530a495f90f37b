package io.kaquan.card;

import static io.kaquan.card.CardFixtures.count;
import static io.kaquan.card.CardFixtures.followed;
import static io.kaquan.card.CardFixtures.sql;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kaquan.card.CardFixtures.TestTenant;
import io.kaquan.testing.Session;
import io.kaquan.testing.TestCards;
import io.kaquan.testing.TestTenants;
import io.kaquan.web.TimeTexts;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatCards;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The card list, the card page and every card action against the sandbox, as owner, operator and viewer. */
@QuarkusTest
class CardPagesTest {

    static Session owner;
    static Session operator;
    static Session viewer;

    @BeforeAll
    static void signIn() {
        owner = Session.login("cards-owner");
        operator = Session.login("bob");
        viewer = Session.login("carol");
    }

    private static TestTenant tenant(String name) {
        TestTenant tenant = CardFixtures.tenant(owner, name);
        TestTenants.addMember(owner, tenant.id(), "bob@example.com", "OPERATOR");
        TestTenants.addMember(owner, tenant.id(), "carol@example.com", "VIEWER");
        return tenant;
    }

    @Test
    void shouldListFilterSearchSortAndPaginateTheMirror() {
        TestTenant tenant = tenant("卡券列表");
        String cash = TestCards.approved(tenant.id(), "CASH");
        String discount = TestCards.create(tenant.id(), "DISCOUNT",
                card -> ((com.fasterxml.jackson.databind.node.ObjectNode) card
                        .path("discount").path("base_info")).put("title", "八五折特惠"));
        // 60 more mirror rows (cards found by the sync), enough for two pages
        QuarkusTransaction.requiringNew().run(() -> {
            CardMirror mirror = Arc.container().instance(CardMirror.class).get();
            for (int i = 0; i < 60; i++) {
                Card card = mirror.ensure(tenant.id(), String.format("pbulk%023d", i), "GIFT", CardStatus.VERIFY_OK,
                        Card.Origin.DISCOVERED);
                card.title = "批量礼品" + i;
                card.quantity = i;
                card.totalQuantity = 100;
            }
        });

        String all = viewer.request().get(tenant.cards()).then().statusCode(200).extract().asString();
        assertTrue(all.contains("共 62 张"), all);
        assertTrue(all.contains("id=\"next-page\""));
        assertFalse(all.contains("/refresh\""), "viewers get no action buttons");

        viewer.request().queryParam("page", 2).get(tenant.cards()).then().statusCode(200)
                .body(containsString("第 2 / 2 页"));
        // the pager's links continue after the last card shown and before the first (keyset), with the page number
        Matcher next = Pattern.compile("href=\"([^\"]*)\" id=\"next-page\"").matcher(all);
        assertTrue(next.find(), all);
        assertTrue(next.group(1).contains("page=2&amp;after="), next.group(1));
        String second = viewer.request().get(tenant.cards() + next.group(1).replace("&amp;", "&")).then().statusCode(200)
                .extract().asString();
        assertTrue(second.contains("第 2 / 2 页"), second);
        assertEquals(cardIds(viewer.request().queryParam("page", 2).get(tenant.cards()).then().statusCode(200)
                .extract().asString()), cardIds(second));
        Matcher previous = Pattern.compile("href=\"([^\"]*)\" id=\"prev-page\"").matcher(second);
        assertTrue(previous.find(), second);
        assertEquals("?page=1", previous.group(1), "the first page needs no cursor");
        // a malformed cursor is ignored: the page number decides
        viewer.request().queryParam("page", 2).queryParam("after", "x.<script>").get(tenant.cards()).then()
                .statusCode(200).body(containsString("第 2 / 2 页"));
        viewer.request().queryParam("status", "NOT_VERIFY").get(tenant.cards()).then().statusCode(200)
                .body(containsString(discount)).body(not(containsString(cash))).body(containsString("共 1 张"));
        viewer.request().queryParam("type", "CASH").get(tenant.cards()).then().statusCode(200)
                .body(containsString(cash)).body(containsString("共 1 张"));
        viewer.request().queryParam("q", "八五折").get(tenant.cards()).then().statusCode(200)
                .body(containsString(discount)).body(containsString("共 1 张"));
        viewer.request().queryParam("q", cash).get(tenant.cards()).then().statusCode(200)
                .body(containsString(cash)).body(containsString("共 1 张"));
        viewer.request().queryParam("q", "100%_").get(tenant.cards()).then().statusCode(200)
                .body(containsString("没有符合条件的卡券"));
        String lowFirst = viewer.request().queryParam("sort", "STOCK_LOW").queryParam("type", "GIFT")
                .get(tenant.cards()).then().statusCode(200).extract().asString();
        assertTrue(lowFirst.indexOf("批量礼品0<") < lowFirst.indexOf("批量礼品1<"), "lowest stock first");
        // a broad search counts up to the cap only, and says so
        sql("insert into card (tenant_id, card_id, card_type, title, status, origin, created_at) select ?1, "
                + "'pcap' || lpad(i::text, 24, '0'), 'GIFT', '满减券' || i, 'VERIFY_OK', 'DISCOVERED', now() "
                + "from generate_series(1, 10001) i", tenant.id());
        viewer.request().queryParam("q", "满减").get(tenant.cards()).then().statusCode(200)
                .body(containsString("id=\"search-capped\"")).body(containsString("共 1000+ 张"));
        viewer.request().cookie("kaquan-lang", "en").header("Accept-Language", "en").queryParam("q", "满减")
                .get(tenant.cards()).then().statusCode(200).body(containsString("Page 1 of 20, 1000+ cards"))
                .body(containsString("More than 1000 cards match"));
        viewer.request().queryParam("q", "满减券1000").get(tenant.cards()).then().statusCode(200)
                .body(not(containsString("id=\"search-capped\""))).body(containsString("共 3 张"));
        sql("delete from card where tenant_id = ?1 and card_id like 'pcap%'", tenant.id());

        // nonsense filters fall back to "all", never an error
        viewer.request().queryParam("status", "<script>").queryParam("sort", "x").queryParam("page", "-3")
                .get(tenant.cards()).then().statusCode(200).body(containsString("共 62 张"));
    }

    @Test
    void shouldShowEverythingCardGetSaysInWordsWithEventsCodesAndAlerts() {
        TestTenant tenant = tenant("卡券详情");
        String cardId = TestCards.create(tenant.id(), "CASH");
        TestCards.review(cardId, false, "Logo 不清晰");
        sql("update card set refusal_reason = 'Logo 不清晰' where tenant_id = ?1 and card_id = ?2", tenant.id(), cardId);
        TestCards.mirror(tenant.id(), cardId);
        sql("insert into wechat_event (tenant_id, dedupe_key, event_type, from_user, create_time, card_id, "
                + "user_card_code, fields, raw_xml, arrived_as, status, received_at) values (?1, ?2, 'user_get_card', "
                + "'oUser', 1700000000, ?3, '123456789012', '{}'::jsonb, '<xml/>', 'PLAIN', 'PROCESSED', now())",
                tenant.id(), "detail|" + cardId, cardId);
        long eventId = count("select id from wechat_event where tenant_id = ?1 and card_id = ?2", tenant.id(), cardId);
        sql("insert into card_code (tenant_id, card_id, code, openid, status, updated_at, received_at) "
                + "values (?1, ?2, '123456789012', 'oUser', 'NORMAL', now(), now())", tenant.id(), cardId);
        sql("insert into card_stock_alert (tenant_id, card_id, detail, event_id, raised_at) values (?1, ?2, "
                + "'the card''s quantity is equal to 100', ?3, now())", tenant.id(), cardId, eventId);

        String page = viewer.request().get(tenant.card(cardId)).then().statusCode(200).extract().asString();
        assertTrue(page.contains("消费满 100.00 元减 10.00 元"), "fen as yuan");
        assertTrue(page.contains("审核未通过，原因：Logo 不清晰"));
        assertTrue(page.contains("#63b359"), "colour as hex with its swatch");
        assertTrue(page.contains("二维码"), "code type in words");
        WeChatCards.Detail detail = CardFixtures.wechat(tenant.id(), cardId);
        long begin = detail.card().path("cash").path("base_info").path("date_info").path("begin_timestamp").asLong();
        assertTrue(page.contains(LocalDate.ofInstant(Instant.ofEpochSecond(begin), TimeTexts.SHANGHAI).toString()),
                "validity as Asia/Shanghai dates");
        assertTrue(page.contains("剩余 1000 / 总量 1000"));
        // the card's events and codes come from their features' pages (htmx), each with a plain link as fallback
        assertTrue(page.contains("hx-get=\"/t/" + tenant.id() + "/events/fragment?card=" + cardId + "\""), page);
        assertTrue(page.contains("hx-get=\"/t/" + tenant.id() + "/codes/fragment?card=" + cardId + "\""), page);
        assertTrue(page.contains("href=\"/t/" + tenant.id() + "/events?card=" + cardId + "\""), page);
        String events = viewer.request().get("/t/" + tenant.id() + "/events/fragment?card=" + cardId).then()
                .statusCode(200).extract().asString();
        assertTrue(events.contains("/t/" + tenant.id() + "/events/" + eventId), "event links to the event page");
        assertFalse(events.contains("<html"), "a fragment, without the layout");
        viewer.request().get("/t/" + tenant.id() + "/events/fragment").then().statusCode(400);
        assertTrue(page.contains("the card&#39;s quantity is equal to 100") || page.contains("the card's quantity"));
        assertTrue(page.contains("action=\"/t/" + tenant.id() + "/cards/new/similar\"") == false,
                "viewers do not get the similar-card form");
        assertFalse(page.contains("id=\"stock-form\""));

        String asOperator = operator.request().get(tenant.card(cardId)).then().statusCode(200).extract().asString();
        assertTrue(asOperator.contains("action=\"/t/" + tenant.id() + "/cards/new/similar\""));
        assertTrue(asOperator.contains("name=\"cardId\" value=\"" + cardId + "\""));

        long alertId = count("select id from card_stock_alert where tenant_id = ?1 and card_id = ?2", tenant.id(), cardId);
        assertTrue(asOperator.contains("action=\"/t/" + tenant.id() + "/stock-alerts/acknowledge\""), asOperator);
        String acknowledge = "/t/" + tenant.id() + "/stock-alerts/acknowledge";
        viewer.request().formParam("cardId", cardId).formParam("back", "card").post(acknowledge).then().statusCode(403);
        operator.request().formParam("cardId", cardId).formParam("back", "card").post(acknowledge).then()
                .statusCode(303).header("Location", org.hamcrest.Matchers.endsWith(tenant.card(cardId)));
        assertEquals(0, count("select count(*) from card_stock_alert where id = ?1 and acknowledged_at is null", alertId));
        assertEquals(1, auditCount(tenant.id(), "card.stock-alert-acknowledged"));

        // English, one click away
        viewer.request().cookie("kaquan-lang", "en").get(tenant.card(cardId)).then().statusCode(200)
                .body(containsString("10.00 yuan off a spend of 100.00 yuan"))
                .body(containsString("Review refused: Logo 不清晰")).body(containsString("1000 remaining / 1000 total"));

        // a DISCOUNT card: percent off as 折
        String discount = TestCards.create(tenant.id(), "DISCOUNT",
                card -> ((com.fasterxml.jackson.databind.node.ObjectNode) card
                        .path("discount")).put("discount", 15));
        viewer.request().get(tenant.card(discount)).then().statusCode(200).body(containsString("8.5 折"));
    }

    @Test
    void shouldSendOnlyChangedFieldsAndSayWhenTheCardGoesBackToReview() {
        TestTenant tenant = tenant("修改卡券");
        String cardId = TestCards.approved(tenant.id(), "GIFT");
        Map<String, String> form = Map.of("service_phone", "020-12345678");

        Response free = operator.request().formParams(form).post(tenant.card(cardId) + "/edit");
        String page = followed(operator, free);
        assertTrue(page.contains("已更新 客服电话，无需重新审核。当前状态：通过审核"), page);
        assertEquals("020-12345678", CardFixtures.wechat(tenant.id(), cardId).card().path("gift").path("base_info")
                .path("service_phone").asText());

        Response reviewed = operator.request().formParams(Map.of("notice", "请向店员出示", "service_phone", "020-12345678"))
                .post(tenant.card(cardId) + "/edit");
        page = followed(operator, reviewed);
        assertTrue(page.contains("已更新 使用提醒。微信已将卡券重新提交审核，当前状态：待审核"), page);
        assertEquals(CardStatus.NOT_VERIFY, TestCards.stored(tenant.id(), cardId).status);
        assertEquals(CardStatus.NOT_VERIFY, CardFixtures.wechat(tenant.id(), cardId).status());

        // nothing changed: nothing sent
        page = followed(operator, operator.request().formParams(Map.of("notice", "请向店员出示"))
                .post(tenant.card(cardId) + "/edit"));
        assertTrue(page.contains("没有改动任何字段"));

        // dates only widen
        WeChatCards.Detail detail = CardFixtures.wechat(tenant.id(), cardId);
        long end = detail.card().path("gift").path("base_info").path("date_info").path("end_timestamp").asLong();
        LocalDate endDay = LocalDate.ofInstant(Instant.ofEpochSecond(end), TimeTexts.SHANGHAI);
        Response narrowed = operator.request().formParams(Map.of("end_date", endDay.minusDays(3).toString()))
                .post(tenant.card(cardId) + "/edit");
        page = followed(operator, narrowed);
        assertTrue(page.contains("结束日期只能推后或不变"), page);
        assertEquals(end, CardFixtures.wechat(tenant.id(), cardId).card().path("gift").path("base_info")
                .path("date_info").path("end_timestamp").asLong());
        page = followed(operator, operator.request().formParams(Map.of("end_date", endDay.plusDays(30).toString()))
                .post(tenant.card(cardId) + "/edit"));
        assertTrue(page.contains("已更新 有效期"), page);
        long widened = CardFixtures.wechat(tenant.id(), cardId).card().path("gift").path("base_info")
                .path("date_info").path("end_timestamp").asLong();
        assertEquals(endDay.plusDays(31).atStartOfDay(TimeTexts.SHANGHAI).toEpochSecond() - 1, widened);

        // bad input: field errors, no call
        page = followed(operator, operator.request().formParams(Map.of("get_limit", "0", "custom_url", "ftp://x"))
                .post(tenant.card(cardId) + "/edit"));
        assertTrue(page.contains("请填写 1 到 100000000 之间的整数"));
        assertTrue(page.contains("请以 http:// 或 https:// 开头"));

        viewer.request().get(tenant.card(cardId) + "/edit").then().statusCode(403);
        viewer.request().formParams(Map.of("notice", "viewer")).post(tenant.card(cardId) + "/edit").then()
                .statusCode(403);
        assertEquals(3, auditCount(tenant.id(), "card.updated"));
    }

    @Test
    void shouldChangeStockAndRefuseToReduceBelowTheRemainingStockBeforeCalling() {
        TestTenant tenant = tenant("库存调整");
        String cardId = TestCards.approved(tenant.id(), "CASH");
        TestCards.receive(cardId); // remaining 999 of 1000

        String page = followed(operator, operator.request().formParam("direction", "increase")
                .formParam("amount", "500").formParam("reason", "活动追加").post(tenant.card(cardId) + "/stock"));
        assertTrue(page.contains("库存已增加 500"), page);
        assertTrue(page.contains("剩余 1499 / 总量 1500"), page);
        assertEquals(1500, CardFixtures.wechat(tenant.id(), cardId).totalQuantity());

        page = followed(operator, operator.request().formParam("direction", "decrease").formParam("amount", "1500")
                .formParam("reason", "多了").post(tenant.card(cardId) + "/stock"));
        assertTrue(page.contains("剩余库存只有 1499，不能减少 1500"), page);
        assertEquals(1, count("select count(*) from stock_change where tenant_id = ?1 and card_id = ?2", tenant.id(),
                cardId), "refused before any intent or call");
        assertEquals(1500, CardFixtures.wechat(tenant.id(), cardId).totalQuantity());

        page = followed(operator, operator.request().formParam("direction", "decrease").formParam("amount", "499")
                .formParam("reason", "活动缩量").post(tenant.card(cardId) + "/stock"));
        assertTrue(page.contains("库存已减少 499"), page);
        assertEquals(1001, CardFixtures.wechat(tenant.id(), cardId).totalQuantity());
        assertTrue(page.contains("data-state=\"APPLIED\""));

        page = followed(operator, operator.request().formParam("direction", "sideways").formParam("amount", "x")
                .formParam("reason", "").post(tenant.card(cardId) + "/stock"));
        assertTrue(page.contains("请选择增加或减少") && page.contains("请写明原因"), page);

        viewer.request().formParam("direction", "increase").formParam("amount", "1").formParam("reason", "viewer")
                .post(tenant.card(cardId) + "/stock").then().statusCode(403);
        assertEquals(1001, CardFixtures.wechat(tenant.id(), cardId).totalQuantity());
        assertEquals(2, auditCount(tenant.id(), "card.stock-changed"));
        assertEquals(2, auditCount(tenant.id(), "card.stock-requested"));
    }

    @Test
    void shouldShowWeChatsRefusalsInWords() {
        TestTenant tenant = tenant("微信拒绝");
        String cardId = TestCards.approved(tenant.id(), "CASH");
        // card/get said 1000 remain; a code is received before card/modifystock arrives: WeChat refuses
        String page = followed(operator, CardFixtures.afterItsRead(tenant.id(), cardId, () -> operator.request()
                .formParam("direction", "decrease").formParam("amount", "1000").formParam("reason", "清空")
                .post(tenant.card(cardId) + "/stock"), () -> TestCards.receive(cardId)));
        assertTrue(page.contains("库存调整失败，库存没有变化") && page.contains(wechatText("err_40122")), page);
        assertTrue(page.contains("data-state=\"NOT_APPLIED\""), page);
        assertEquals(1000, CardFixtures.wechat(tenant.id(), cardId).totalQuantity());
        assertEquals(1, auditCount(tenant.id(), "card.stock-failed"));

        page = followed(operator, operator.request().formParam("logo_url", "https://example.com/logo.png")
                .post(tenant.card(cardId) + "/edit"));
        assertTrue(page.contains(wechatText("err_40035")), page);
        assertEquals(CardStatus.VERIFY_OK, CardFixtures.wechat(tenant.id(), cardId).status());
    }

    @Test
    void shouldDeleteOnlyAfterConfirmationAndKeepReceivedCodesValid() {
        TestTenant tenant = tenant("删除卡券");
        String cardId = TestCards.approved(tenant.id(), "GENERAL_COUPON");
        String code = TestCards.receive(cardId);

        String page = operator.request().get(tenant.card(cardId)).then().extract().asString();
        assertTrue(page.contains("用户已经领取的券仍然有效"));
        page = followed(operator, operator.request().post(tenant.card(cardId) + "/delete"));
        assertTrue(page.contains("请勾选确认后再删除"), page);
        assertEquals(CardStatus.VERIFY_OK, CardFixtures.wechat(tenant.id(), cardId).status());

        viewer.request().formParam("confirm", "yes").post(tenant.card(cardId) + "/delete").then().statusCode(403);
        page = followed(operator, operator.request().formParam("confirm", "yes").post(tenant.card(cardId) + "/delete"));
        assertTrue(page.contains("已删除卡券「双人套餐券」。已领取的券仍然有效。"), page);
        assertEquals(CardStatus.DELETE, CardFixtures.wechat(tenant.id(), cardId).status());
        assertEquals(CardStatus.DELETE, TestCards.stored(tenant.id(), cardId).status);
        assertEquals("NORMAL", Arc.container().instance(io.kaquan.wechat.WeChatGateway.class).get()
                .forTenant(tenant.id()).codeGet(null, code, false).userCardStatus().name(), "received codes stay valid");
        assertEquals(1, auditCount(tenant.id(), "card.deleted"));

        page = followed(operator, operator.request().formParam("confirm", "yes").post(tenant.card(cardId) + "/delete"));
        assertTrue(page.contains("卡券已经删除了"), page);
    }

    @Test
    void shouldExplainThePreconditionsOfThePayAndSelfConsumeCells() {
        TestTenant tenant = tenant("买单核销");
        String noStores = TestCards.approved(tenant.id(), "CASH");
        String page = followed(operator, operator.request().formParam("open", "true")
                .post(tenant.card(noStores) + "/paycell"));
        assertTrue(page.contains("这张卡券还没有设置适用门店"), page);

        String withStores = TestCards.create(tenant.id(), "CASH", card -> ((com.fasterxml.jackson.databind.node.ObjectNode) card
                .path("cash").path("base_info")).putArray("location_id_list").add(1001).add(1002));
        page = followed(operator, operator.request().formParam("open", "true").post(tenant.card(withStores) + "/paycell"));
        assertTrue(page.contains("微信买单已打开"), page);
        assertEquals(Boolean.TRUE, TestCards.stored(tenant.id(), withStores).payCellOpen);

        page = followed(operator, operator.request().formParam("open", "true")
                .post(tenant.card(withStores) + "/selfconsumecell"));
        assertTrue(page.contains("微信买单已打开，和自助核销冲突"), page);

        // what Kaquan cannot know, WeChat says: 45046 when the pay cell was opened elsewhere
        sql("update card set pay_cell_open = null where tenant_id = ?1 and card_id = ?2", tenant.id(), withStores);
        page = followed(operator, operator.request().formParam("open", "true")
                .post(tenant.card(withStores) + "/selfconsumecell"));
        assertTrue(page.contains(wechatText("err_45046")), page);
        assertNull(TestCards.stored(tenant.id(), withStores).selfConsumeCellOpen);

        page = followed(operator, operator.request().formParam("open", "false").post(tenant.card(withStores) + "/paycell"));
        assertTrue(page.contains("微信买单已关闭"), page);
        page = followed(operator, operator.request().formParam("open", "true").formParam("needVerifyCod", "true")
                .post(tenant.card(withStores) + "/selfconsumecell"));
        assertTrue(page.contains("自助核销已打开"), page);

        CardFixtures.account(tenant.appid(), Map.of("payEnabled", false));
        page = followed(operator, operator.request().formParam("open", "false")
                .post(tenant.card(withStores) + "/paycell"));
        assertTrue(page.contains(wechatText("err_43008")), page);

        viewer.request().formParam("open", "false").post(tenant.card(withStores) + "/selfconsumecell").then()
                .statusCode(403);
        assertEquals(Boolean.TRUE, TestCards.stored(tenant.id(), withStores).selfConsumeCellOpen);
    }

    @Test
    void shouldRefreshOneCardFromWeChat() {
        TestTenant tenant = tenant("刷新卡券");
        String cardId = TestCards.create(tenant.id(), "GROUPON");
        TestCards.review(cardId, true, null);
        assertEquals(CardStatus.NOT_VERIFY, TestCards.stored(tenant.id(), cardId).status);
        viewer.request().post(tenant.card(cardId) + "/refresh").then().statusCode(403);
        Response refresh = operator.request().formParam("back", tenant.cards() + "?type=GROUPON")
                .post(tenant.card(cardId) + "/refresh");
        refresh.then().header("Location", containsString(tenant.cards() + "?type=GROUPON"));
        String page = followed(operator, refresh);
        assertTrue(page.contains("已从微信刷新：双人套餐券（通过审核）"), page);
        assertEquals(CardStatus.VERIFY_OK, TestCards.stored(tenant.id(), cardId).status);
        // the back link only ever leads to this tenant's card list
        operator.request().formParam("back", "https://evil.example/").post(tenant.card(cardId) + "/refresh").then()
                .header("Location", containsString(tenant.card(cardId)));
    }

    static String wechatText(String key) {
        io.kaquan.wechat.WeChatMsg msg = io.quarkus.qute.i18n.MessageBundles.get(io.kaquan.wechat.WeChatMsg.class,
                io.quarkus.qute.i18n.Localized.Literal.of("zh-CN"));
        return switch (key) {
            case "err_45046" -> msg.err_45046();
            case "err_43008" -> msg.err_43008();
            case "err_40122" -> msg.err_40122();
            case "err_40035" -> msg.err_40035();
            default -> throw new IllegalArgumentException(key);
        };
    }

    @Test
    void shouldSeeNoChangeInTheEditFormSentBackUntouched() {
        TestTenant tenant = tenant("原样提交");
        String cardId = TestCards.create(tenant.id(), "CASH", card -> ((com.fasterxml.jackson.databind.node.ObjectNode) card
                .path("cash").path("base_info")).put("description", "第一行\n第二行\n\n第四行 & <b>"));
        TestCards.review(cardId, true, null);
        TestCards.mirror(tenant.id(), cardId);

        String html = operator.request().get(tenant.card(cardId) + "/edit").then().statusCode(200).extract().asString();
        Map<String, String> form = formFields(html, "edit-form");
        assertEquals("第一行\n第二行\n\n第四行 & <b>", form.get("description"), form.toString());
        String page = followed(operator, operator.request().formParams(form).post(tenant.card(cardId) + "/edit"));
        assertTrue(page.contains("没有改动任何字段"), page);

        // as a browser sends a textarea: CRLF line breaks
        form.put("description", form.get("description").replace("\n", "\r\n"));
        page = followed(operator, operator.request().formParams(form).post(tenant.card(cardId) + "/edit"));
        assertTrue(page.contains("没有改动任何字段"), page);

        assertEquals(0, auditCount(tenant.id(), "card.updated"), "card/update was never called");
        assertEquals(CardStatus.VERIFY_OK, CardFixtures.wechat(tenant.id(), cardId).status(), "not sent back to review");
    }

    @Test
    void shouldSayADeleteWithoutAnswerMayHaveHappened() {
        TestTenant tenant = tenant("删除不确定");
        String cardId = TestCards.approved(tenant.id(), "CASH");
        CardFixtures.faults(tenant.appid(), Map.of("errorShare", 1));
        try {
            String page = followed(operator, operator.request().formParam("confirm", "yes")
                    .post(tenant.card(cardId) + "/delete"));
            assertTrue(page.contains("不知道是否已删除。请稍后刷新卡券查看"), page);
        } finally {
            CardFixtures.faults(tenant.appid(), Map.of("errorShare", 0));
        }
        assertEquals(1, auditCount(tenant.id(), "card.delete-uncertain"));
        assertEquals(0, auditCount(tenant.id(), "card.delete-failed"));
    }

    @Test
    void shouldNameChangedFieldsInTheReadersLanguageAndCountBytes() {
        TestTenant tenant = tenant("字段列表");
        String cardId = TestCards.approved(tenant.id(), "GIFT");
        Response post = operator.request().cookie("kaquan-lang", "en")
                .formParams(Map.of("service_phone", "020-87654321", "get_limit", "3")).post(tenant.card(cardId) + "/edit");
        String page = followed(operator, post);
        assertTrue(page.contains("Updated Service phone, Per user (receive); no new review needed"), page);

        String form = operator.request().get(tenant.card(cardId) + "/edit").then().statusCode(200).extract().asString();
        assertTrue(form.contains("data-max-bytes=\"48\""), form);
        assertTrue(form.contains("最多 48 字节（约 16 个汉字）"), form);
        assertTrue(form.contains("/static/wizard.js"), form);
    }

    @Test
    void shouldDrawOnlyCheckedColoursInTheList() {
        TestTenant tenant = tenant("颜色");
        String named = TestCards.approved(tenant.id(), "CASH");
        String bad = TestCards.approved(tenant.id(), "GIFT");
        sql("update card set color = 'Color010' where tenant_id = ?1 and card_id = ?2", tenant.id(), named);
        sql("update card set color = 'red;background-image:url(//x)' where tenant_id = ?1 and card_id = ?2",
                tenant.id(), bad);
        String list = viewer.request().get(tenant.cards()).then().statusCode(200).extract().asString();
        assertTrue(list.contains("style=\"background:#63b359\""), list);
        assertFalse(list.contains("background-image"), list);
    }

    @Test
    void shouldPickStoresFromTheAccountsListWhenEditing() {
        TestTenant tenant = tenant("门店勾选");
        String cardId = TestCards.approved(tenant.id(), "CASH");
        String html = operator.request().get(tenant.card(cardId) + "/edit").then().statusCode(200).extract().asString();
        List<String> stores = java.util.regex.Pattern.compile("name=\"poi\" value=\"([0-9]+)\"(?! disabled)")
                .matcher(html).results().map(m -> m.group(1)).toList();
        assertEquals(2, stores.size(), "the sandbox's two approved stores to tick: " + html);

        Map<String, String> form = formFields(html, "edit-form");
        form.put("poi", stores.get(0));
        form.put("location_id_other", "");
        String page = followed(operator, operator.request().formParams(form).post(tenant.card(cardId) + "/edit"));
        assertFalse(page.contains("没有改动任何字段"), page);
        String again = operator.request().get(tenant.card(cardId) + "/edit").then().statusCode(200).extract()
                .asString();
        assertTrue(again.contains("name=\"poi\" value=\"" + stores.get(0) + "\" checked"), again);
        assertFalse(again.contains("name=\"poi\" value=\"" + stores.get(1) + "\" checked"), again);

        // The same stores sent back (ticked, in any order) are no change.
        Map<String, String> untouched = formFields(again, "edit-form");
        page = followed(operator, operator.request().formParams(untouched).post(tenant.card(cardId) + "/edit"));
        assertTrue(page.contains("没有改动任何字段"), page);
    }

    @Test
    void shouldUploadANewLogoIntoTheEditFormAndSaveIt() {
        TestTenant tenant = tenant("换 Logo");
        String cardId = TestCards.approved(tenant.id(), "CASH");
        Response upload = operator.request().multiPart("logo", "new-logo.png", TestCards.PNG, "image/png")
                .post(tenant.card(cardId) + "/logo");
        String html = followed(operator, upload);
        assertTrue(html.contains("id=\"logo-new\""), html);
        Map<String, String> form = formFields(html, "edit-form");
        String newLogo = form.get("logo_url");
        String before = formFields(operator.request().get(tenant.card(cardId) + "/edit").then().statusCode(200)
                .extract().asString(), "edit-form").get("logo_url");
        assertFalse(newLogo.isBlank() || newLogo.equals(before), newLogo + " vs " + before);

        followed(operator, operator.request().formParams(form).post(tenant.card(cardId) + "/edit"));
        String saved = operator.request().get(tenant.card(cardId) + "/edit").then().statusCode(200).extract()
                .asString();
        assertEquals(newLogo, formFields(saved, "edit-form").get("logo_url"), "WeChat holds the new logo");
        assertTrue(saved.contains("id=\"logo-now\""), saved);

        String refused = followed(operator, operator.request()
                .multiPart("logo", "notes.png", "not a picture".getBytes(), "image/png")
                .post(tenant.card(cardId) + "/logo"));
        assertTrue(refused.contains("只支持 JPG 或 PNG 图片"), refused);
        viewer.request().multiPart("logo", "v.png", TestCards.PNG, "image/png").post(tenant.card(cardId) + "/logo")
                .then().statusCode(403);
        Session.login("cards-stranger").request().multiPart("logo", "s.png", TestCards.PNG, "image/png")
                .post(tenant.card(cardId) + "/logo").then().statusCode(404);
    }

    /** The fields a browser would submit from the form as rendered: inputs, selected options, textareas. */
    static Map<String, String> formFields(String html, String formId) {
        int start = html.indexOf("id=\"" + formId + "\"");
        String form = html.substring(start, html.indexOf("</form>", start));
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        var inputs = java.util.regex.Pattern.compile("<input ([^>]*)>").matcher(form);
        while (inputs.find()) {
            String name = attribute(inputs.group(1), "name");
            String type = attribute(inputs.group(1), "type");
            boolean unchecked = ("radio".equals(type) || "checkbox".equals(type))
                    && !inputs.group(1).matches(".*\\schecked(\\s.*|)$");
            boolean elsewhere = attribute(inputs.group(1), "form") != null; // belongs to another form (the logo upload)
            boolean disabled = inputs.group(1).matches(".*\\sdisabled(\\s.*|)$");
            // A browser sends the checked radio and checkboxes only (colour swatches, stores), ticked boxes all.
            if (name != null && !unchecked && !elsewhere && !disabled) {
                String value = attribute(inputs.group(1), "value");
                fields.merge(name, value == null ? "" : value, (a, b) -> a + "," + b);
            }
        }
        var selects = java.util.regex.Pattern.compile("(?s)<select ([^>]*)>(.*?)</select>").matcher(form);
        while (selects.find()) {
            var options = java.util.regex.Pattern.compile("<option ([^>]*)>").matcher(selects.group(2));
            String value = null;
            while (options.find()) {
                String option = attribute(options.group(1), "value");
                if (value == null || options.group(1).matches(".*\\sselected(\\s.*|)$")) {
                    value = option;
                }
            }
            fields.put(attribute(selects.group(1), "name"), value == null ? "" : value);
        }
        var areas = java.util.regex.Pattern.compile("(?s)<textarea ([^>]*)>(.*?)</textarea>").matcher(form);
        while (areas.find()) {
            // an HTML parser drops one line break right after the opening tag
            fields.put(attribute(areas.group(1), "name"), unescape(areas.group(2).replaceFirst("^\r?\n", "")));
        }
        return fields;
    }

    private static String attribute(String attributes, String name) {
        var m = java.util.regex.Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    static long auditCount(long tenantId, String action) {
        return count("select count(*) from audit_log where tenant_id = ?1 and action = ?2", tenantId, action);
    }

    /** The card ids of a list page, in order. */
    private static List<String> cardIds(String page) {
        List<String> ids = new ArrayList<>();
        Matcher row = Pattern.compile("<tr data-card-id=\"([^\"]+)\"").matcher(page);
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }
}
