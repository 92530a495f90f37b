package io.kaquan.sandbox.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.AdminJson;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.cards.CardReview;
import io.kaquan.sandbox.cards.CardRules;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.distribution.SandboxAddCard;
import io.kaquan.sandbox.distribution.SandboxLandingPages;
import io.kaquan.sandbox.distribution.SandboxQrCodes;
import io.kaquan.sandbox.users.SimulatedUsers;

/**
 * The card half of the sandbox admin API (not WeChat's): review decisions and what simulated users do (the
 * account's review rule is {@link CardReviewRuleResource}). JSON in and out; a refusal is 409 with the errcode WeChat's client
 * would meet, bad input 400,
 * an unknown card or code 404. Every body is optional; {@code "at"} (ISO-8601 or Unix seconds) back-dates an action.
 */
@Path("/sandbox/admin")
public class CardAdminResource {

    @Inject
    CardReview review;

    @Inject
    SimulatedUsers users;

    @Inject
    SandboxQrCodes qrCodes;

    @Inject
    SandboxLandingPages landingPages;

    @Inject
    SandboxAddCard addCard;

    /** {"pass":true} or {"pass":false,"reason":"…"} → {"card_id","status"}. */
    @POST
    @Path("cards/{cardId}/review")
    public Response review(@RestPath String cardId, String body) {
        ObjectNode request = parse(body);
        boolean pass = SandboxJson.optionalBoolean(request, "pass").orElseThrow(() -> CardRules.missing("pass"));
        CardTemplate card = review.decide(cardId, pass, SandboxJson.optionalText(request, "reason").orElse(null));
        ObjectNode reply = WeChatReply.object();
        reply.put("card_id", card.cardId);
        reply.put("status", card.status.name());
        return AdminJson.answer(200, reply);
    }

    /** {"openid","outerStr","outerId","code","at"} all optional → 201 {"card_id","code","openid","encrypt_code"}. */
    @POST
    @Path("cards/{cardId}/receive")
    public Response receive(@RestPath String cardId, String body) {
        SimulatedUsers.Received received = users.receive(cardId, parse(body));
        ObjectNode reply = WeChatReply.object();
        reply.put("card_id", received.cardId());
        reply.put("code", received.code());
        reply.put("openid", received.openid());
        reply.put("encrypt_code", received.encryptCode());
        return AdminJson.answer(201, reply);
    }

    /**
     * A user scans a QR code of card/qrcode/create: {"openid","cardId"} optional (cardId: one card of a multi-card
     * code) → 201 {"received":[{"card_id","code","openid"}…]}, each pushed as user_get_card with the code's OuterStr.
     */
    @POST
    @Path("qrcodes/{ticket}/scan")
    public Response scan(@RestPath String ticket, String body) {
        ObjectNode request = parse(body);
        var received = qrCodes.scan(ticket, SandboxJson.optionalText(request, "cardId").orElse(null),
                SandboxJson.optionalText(request, "openid").orElse(null));
        ObjectNode reply = WeChatReply.object();
        var list = reply.putArray("received");
        received.forEach(r -> list.addObject().put("card_id", r.cardId()).put("code", r.code()).put("openid", r.openid()));
        return AdminJson.answer(201, reply);
    }

    /**
     * A user opens a landing page (the token of its url) and receives one of its cards: {"cardId","openid"} (openid
     * optional) → 201 {"card_id","code","openid"}, pushed as user_get_card.
     */
    @POST
    @Path("landing-pages/{token}/receive")
    public Response receiveFromPage(@RestPath String token, String body) {
        ObjectNode request = parse(body);
        var received = landingPages.receive(token,
                SandboxJson.optionalText(request, "cardId").orElseThrow(() -> CardRules.missing("cardId")),
                SandboxJson.optionalText(request, "openid").orElse(null));
        ObjectNode reply = WeChatReply.object();
        reply.put("card_id", received.cardId());
        reply.put("code", received.code());
        reply.put("openid", received.openid());
        return AdminJson.answer(201, reply);
    }

    /**
     * A user's web page calls wx.addCard: {"cardExt":"{…}","openid"} → 201 {"card_id","code","openid"}; a cardExt whose
     * signature no valid wx_card ticket of the account makes is refused (40097).
     */
    @POST
    @Path("cards/{cardId}/add-card")
    public Response addCard(@RestPath String cardId, String body) {
        ObjectNode request = parse(body);
        SimulatedUsers.Received received = addCard.addCard(cardId,
                SandboxJson.optionalText(request, "cardExt").orElse(null),
                SandboxJson.optionalText(request, "openid").orElse(null));
        ObjectNode reply = WeChatReply.object();
        reply.put("card_id", received.cardId());
        reply.put("code", received.code());
        reply.put("openid", received.openid());
        return AdminJson.answer(201, reply);
    }

    /** {"mode":"SELF|PAY_CELL|MOBILE_HELPER","fee","originalFee","locationId","verifyCode","remarkAmount","at"}. */
    @POST
    @Path("codes/{code}/consume")
    public Response consume(@RestPath String code, @RestQuery String appid, String body) {
        users.consume(code, appid, parse(body));
        return done(code);
    }

    /** {"friendOpenid","chatRoom","at"} → {"code","openid","old_code"}: the friend's new code. */
    @POST
    @Path("codes/{code}/gift")
    public Response gift(@RestPath String code, @RestQuery String appid, String body) {
        SimulatedUsers.Gifted gifted = users.gift(code, appid, parse(body));
        ObjectNode reply = WeChatReply.object();
        reply.put("code", gifted.code());
        reply.put("openid", gifted.openid());
        reply.put("old_code", gifted.oldCode());
        return AdminJson.answer(200, reply);
    }

    @POST
    @Path("codes/{code}/delete")
    public Response delete(@RestPath String code, @RestQuery String appid, String body) {
        users.delete(code, appid, parse(body));
        return done(code);
    }

    /** → {"code","pushed"}: pushed is false for cards created without need_push_on_view. */
    @POST
    @Path("codes/{code}/view")
    public Response view(@RestPath String code, @RestQuery String appid, String body) {
        boolean pushed = users.view(code, appid, parse(body));
        ObjectNode reply = WeChatReply.object();
        reply.put("code", code);
        reply.put("pushed", pushed);
        return AdminJson.answer(200, reply);
    }

    private static Response done(String code) {
        ObjectNode reply = WeChatReply.object();
        reply.put("code", code);
        return AdminJson.answer(200, reply);
    }

    static ObjectNode parse(String body) {
        return body == null || body.isBlank() ? WeChatReply.object() : SandboxJson.parse(body);
    }

    /** Inside this class, so that these answers win over the WeChat-style (HTTP 200) mapping of the API. */
    @ServerExceptionMapper
    public Response refused(WeChatError error) {
        return AdminJson.refused(switch (error.errcode()) {
            case 44002, 47001, 41011, 40035 -> 400;
            default -> 409;
        }, error);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException error) {
        return AdminJson.error(404, "not found");
    }
}
