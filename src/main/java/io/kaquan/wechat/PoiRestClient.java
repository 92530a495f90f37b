package io.kaquan.wechat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The merchant's stores (§5.12), for the location_id_list of cards. */
@RegisterRestClient
@Path("/cgi-bin/poi")
@Consumes(ApiClients.JSON)
@Produces(MediaType.WILDCARD)
interface PoiRestClient {

    @POST
    @Path("getpoilist")
    RestResponse<byte[]> list(@RestQuery("access_token") String accessToken, byte[] body);
}
