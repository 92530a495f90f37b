package io.kaquan.sandbox.distribution;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.web.QrCode;

/**
 * What WeChat serves outside its API for a QR code: the image behind show_qrcode_url (public, like WeChat's
 * showqrcode) and the page the code's url opens (here: the code in the sandbox console, where it can be "scanned").
 */
@Path("/sandbox")
public class QrCodeImageResource {

    /** ⚠ WeChat's showqrcode image is 430 pixels wide. */
    static final int SHOW_PIXELS = 430;

    @GET
    @Path("static/showqrcode")
    @Transactional
    public RestResponse<byte[]> show(@RestQuery String ticket, @Context UriInfo uri) {
        SandboxQrCode code = SandboxQrCode.byTicket(ticket == null ? "" : ticket).orElseThrow(NotFoundException::new);
        byte[] png = QrCode.of(QrCodeApiResource.base(uri) + "/sandbox/q/" + code.urlToken).png(SHOW_PIXELS);
        return RestResponse.ResponseBuilder.ok(png, "image/png").header("Cache-Control", "max-age=86400").build();
    }

    /** A landing page's url: here, the page in the sandbox console, where a user can receive its cards. */
    @GET
    @Path("l/{token}")
    @Transactional
    public RestResponse<Void> openLandingPage(@RestPath String token) {
        SandboxLandingPage page = SandboxLandingPage.byUrlToken(token).orElseThrow(NotFoundException::new);
        SandboxAccount account = SandboxAccount.findById(page.accountId);
        return RestResponse.seeOther(java.net.URI.create("/sandbox/accounts/" + account.appid + "/landing-pages#page-"
                + page.pageId));
    }

    @GET
    @Path("q/{token}")
    @Transactional
    public RestResponse<Void> open(@RestPath String token) {
        SandboxQrCode code = SandboxQrCode.byUrlToken(token).orElseThrow(NotFoundException::new);
        SandboxAccount account = SandboxAccount.findById(code.accountId);
        return RestResponse.seeOther(java.net.URI.create("/sandbox/accounts/" + account.appid + "/qrcodes#"
                + code.ticket));
    }
}
