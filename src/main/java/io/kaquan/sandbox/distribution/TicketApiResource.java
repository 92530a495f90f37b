package io.kaquan.sandbox.distribution;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.kaquan.sandbox.SandboxGate;
import io.kaquan.sandbox.WeChatReply;

/** WeChat's GET /cgi-bin/ticket/getticket?access_token=…&type=wx_card (the card api_ticket for JS-SDK addCard). */
@Path("/sandbox/wechat/cgi-bin/ticket")
public class TicketApiResource {

    @Inject
    SandboxGate gate;

    @Inject
    SandboxAddCard addCard;

    @GET
    @Path("getticket")
    public Response getTicket(@RestQuery("access_token") String accessToken, @RestQuery String type) {
        return WeChatReply.ok(addCard.ticket(gate.authorize(accessToken, "/cgi-bin/ticket/getticket"), type));
    }
}
