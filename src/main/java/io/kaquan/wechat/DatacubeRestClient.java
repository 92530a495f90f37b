package io.kaquan.wechat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** Card statistics (§4.14); successes carry no errcode. */
@RegisterRestClient
@Path("/datacube")
@Consumes(ApiClients.JSON)
@Produces(MediaType.WILDCARD)
interface DatacubeRestClient {

    @POST
    @Path("getcardbizuininfo")
    RestResponse<byte[]> bizuin(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("getcardcardinfo")
    RestResponse<byte[]> cards(@RestQuery("access_token") String accessToken, byte[] body);

    @POST
    @Path("getcardmembercardinfo")
    RestResponse<byte[]> memberCards(@RestQuery("access_token") String accessToken, byte[] body);
}
