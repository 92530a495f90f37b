package io.kaquan.sandbox.distribution;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestQuery;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxGate;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;

/** WeChat's card/qrcode/create under /sandbox/wechat (protocol reference §5.4). */
@Path("/sandbox/wechat/card/qrcode")
public class QrCodeApiResource {

    @Inject
    SandboxGate gate;

    @Inject
    SandboxQrCodes qrCodes;

    @POST
    @Path("create")
    public Response create(@RestQuery("access_token") String accessToken, String body, @Context UriInfo uri) {
        SandboxAccount account = gate.authorize(accessToken, "/card/qrcode/create");
        if (!account.cardEnabled) {
            throw new WeChatError(48001);
        }
        return WeChatReply.ok(qrCodes.create(account, SandboxJson.parse(body), base(uri)));
    }

    /** This server as the caller reached it, without the trailing slash. */
    static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
