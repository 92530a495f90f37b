package io.kaquan.sandbox.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxGate;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.cards.SandboxCards;
import io.kaquan.sandbox.codes.SandboxCodes;

/** The card and code APIs of WeChat under /sandbox/wechat/card/…, same paths, bodies and errcodes. */
@Path("/sandbox/wechat/card")
public class CardApiResource {

    @Inject
    SandboxGate gate;

    @Inject
    SandboxCards cards;

    @Inject
    SandboxCodes codes;

    @POST
    @Path("create")
    public Response create(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/create");
        ObjectNode reply = WeChatReply.object();
        reply.put("card_id", cards.create(account, SandboxJson.parse(body)));
        return WeChatReply.ok(reply);
    }

    @POST
    @Path("get")
    public Response get(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/get");
        return WeChatReply.ok(cards.get(account, SandboxJson.parse(body)));
    }

    @POST
    @Path("batchget")
    public Response batchget(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/batchget");
        return WeChatReply.ok(cards.batchget(account, SandboxJson.parse(body)));
    }

    @POST
    @Path("update")
    public Response update(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/update");
        ObjectNode reply = WeChatReply.object();
        reply.put("send_check", cards.update(account, SandboxJson.parse(body)));
        return WeChatReply.ok(reply);
    }

    @POST
    @Path("modifystock")
    public Response modifyStock(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/modifystock");
        cards.modifyStock(account, SandboxJson.parse(body));
        return WeChatReply.ok();
    }

    @POST
    @Path("delete")
    public Response delete(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/delete");
        cards.delete(account, SandboxJson.parse(body));
        return WeChatReply.ok();
    }

    @POST
    @Path("paycell/set")
    public Response payCell(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/paycell/set");
        cards.setPayCell(account, SandboxJson.parse(body));
        return WeChatReply.ok();
    }

    @POST
    @Path("selfconsumecell/set")
    public Response selfConsumeCell(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/selfconsumecell/set");
        cards.setSelfConsumeCell(account, SandboxJson.parse(body));
        return WeChatReply.ok();
    }

    @POST
    @Path("testwhitelist/set")
    public Response testWhitelist(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/testwhitelist/set");
        cards.setTestWhitelist(account, SandboxJson.parse(body));
        return WeChatReply.ok();
    }

    @GET
    @Path("getcolors")
    public Response colors(@RestQuery("access_token") String accessToken) {
        gate.authorizeCards(accessToken, "/card/getcolors");
        return WeChatReply.ok(SandboxCards.colors());
    }

    @POST
    @Path("code/get")
    public Response codeGet(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/code/get");
        return WeChatReply.ok(codes.get(account, SandboxJson.parse(body)));
    }

    @POST
    @Path("code/consume")
    public Response codeConsume(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/code/consume");
        return WeChatReply.ok(codes.consume(account, SandboxJson.parse(body)));
    }

    @POST
    @Path("code/update")
    public Response codeUpdate(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/code/update");
        codes.update(account, SandboxJson.parse(body));
        return WeChatReply.ok();
    }

    @POST
    @Path("code/unavailable")
    public Response codeUnavailable(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/code/unavailable");
        codes.unavailable(account, SandboxJson.parse(body));
        return WeChatReply.ok();
    }

    @POST
    @Path("code/decrypt")
    public Response codeDecrypt(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/code/decrypt");
        return WeChatReply.ok(codes.decrypt(account, SandboxJson.parse(body)));
    }

    @POST
    @Path("user/getcardlist")
    public Response userCards(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorizeCards(accessToken, "/card/user/getcardlist");
        return WeChatReply.ok(codes.userCards(account, SandboxJson.parse(body)));
    }
}
