package io.kaquan.sandbox.distribution;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestQuery;

import io.kaquan.sandbox.SandboxGate;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatReply;

/**
 * WeChat's distribution APIs under /sandbox/wechat/card (protocol reference §5.4, §5.5, §5.8–§5.11): qrcode/create,
 * landingpage/create, the imported codes and mpnews/gethtml. A second resource on the card path: Quarkus REST matches the
 * methods of both.
 */
@Path("/sandbox/wechat/card")
public class QrCodeApiResource {

    @Inject
    SandboxGate gate;

    @Inject
    SandboxQrCodes qrCodes;

    @Inject
    SandboxDeposits deposits;

    @Inject
    SandboxLandingPages landingPages;

    @POST
    @Path("qrcode/create")
    public Response create(@RestQuery("access_token") String accessToken, String body, @Context UriInfo uri) {
        return WeChatReply.ok(qrCodes.create(gate.authorizeCards(accessToken, "/card/qrcode/create"), SandboxJson.parse(body),
                base(uri)));
    }

    @POST
    @Path("landingpage/create")
    public Response createLandingPage(@RestQuery("access_token") String accessToken, String body,
            @Context UriInfo uri) {
        return WeChatReply.ok(landingPages.create(gate.authorizeCards(accessToken, "/card/landingpage/create"),
                SandboxJson.parse(body), base(uri)));
    }

    @POST
    @Path("mpnews/gethtml")
    public Response mpnewsHtml(@RestQuery("access_token") String accessToken, String body, @Context UriInfo uri) {
        return WeChatReply.ok(landingPages.mpnewsHtml(gate.authorizeCards(accessToken, "/card/mpnews/gethtml"),
                SandboxJson.parse(body), base(uri)));
    }

    @POST
    @Path("code/deposit")
    public Response deposit(@RestQuery("access_token") String accessToken, String body) {
        return WeChatReply
                .ok(deposits.deposit(gate.authorizeCards(accessToken, "/card/code/deposit"), SandboxJson.parse(body)));
    }

    @POST
    @Path("code/getdepositcount")
    public Response depositCount(@RestQuery("access_token") String accessToken, String body) {
        return WeChatReply
                .ok(deposits.count(gate.authorizeCards(accessToken, "/card/code/getdepositcount"), SandboxJson.parse(body)));
    }

    @POST
    @Path("code/checkcode")
    public Response checkCode(@RestQuery("access_token") String accessToken, String body) {
        return WeChatReply
                .ok(deposits.check(gate.authorizeCards(accessToken, "/card/code/checkcode"), SandboxJson.parse(body)));
    }

    /** This server as the caller reached it, without the trailing slash. */
    static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
