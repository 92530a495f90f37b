package io.kaquan.wechat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The APIs that put cards into users' hands (§5.3–§5.11): POST JSON with the token in the query string. */
@RegisterRestClient
@Path("/card")
@Consumes(ApiClients.JSON)
@Produces(MediaType.WILDCARD)
interface DistributionRestClient {

    @POST
    @Path("qrcode/create")
    RestResponse<byte[]> qrcodeCreate(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("landingpage/create")
    RestResponse<byte[]> landingpageCreate(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("mpnews/gethtml")
    RestResponse<byte[]> mpnewsGethtml(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("testwhitelist/set")
    RestResponse<byte[]> testwhitelistSet(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("code/deposit")
    RestResponse<byte[]> codeDeposit(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("code/getdepositcount")
    RestResponse<byte[]> codeGetDepositCount(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("code/checkcode")
    RestResponse<byte[]> codeCheckCode(@RestQuery("access_token") String accessToken, byte[] body);
}
