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

/**
 * WeChat's token endpoints (§1). Like every WeChat client here, it moves bytes: {@link WeChatJson} writes and reads
 * them, so that the wire format is ours (no \\u escapes, lenient parsing) whatever content type WeChat answers with.
 * Built per base URL by {@link ApiClients}.
 */
@RegisterRestClient
@Path("/cgi-bin")
@Produces(MediaType.WILDCARD)
interface TokenRestClient {

    @GET
    @Path("token")
    RestResponse<byte[]> token(@RestQuery("grant_type") String grantType, @RestQuery String appid,
            @RestQuery String secret);

    @POST
    @Path("stable_token")
    @Consumes(ApiClients.JSON)
    RestResponse<byte[]> stableToken(byte[] body);
}
