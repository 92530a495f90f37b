package io.kaquan.wechat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The card and code APIs (§4, §5): POST JSON with the token in the query string. */
@RegisterRestClient
@Path("/card")
@Consumes(ApiClients.JSON)
@Produces(MediaType.WILDCARD)
interface CardRestClient {

    @POST
    @Path("create")
    RestResponse<byte[]> create(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("get")
    RestResponse<byte[]> get(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("batchget")
    RestResponse<byte[]> batchget(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("update")
    RestResponse<byte[]> update(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("modifystock")
    RestResponse<byte[]> modifystock(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("delete")
    RestResponse<byte[]> delete(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("paycell/set")
    RestResponse<byte[]> paycellSet(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("selfconsumecell/set")
    RestResponse<byte[]> selfconsumecellSet(@RestQuery("access_token") String accessToken, byte[] body);

    @GET
    @Path("getcolors")
    RestResponse<byte[]> colors(@RestQuery("access_token") String accessToken);

    @POST
    @Path("code/get")
    RestResponse<byte[]> codeGet(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("code/update")
    RestResponse<byte[]> codeUpdate(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("code/unavailable")
    RestResponse<byte[]> codeUnavailable(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("code/consume")
    RestResponse<byte[]> codeConsume(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("code/decrypt")
    RestResponse<byte[]> codeDecrypt(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("user/getcardlist")
    RestResponse<byte[]> userCardList(@RestQuery("access_token") String accessToken, byte[] body);
}
