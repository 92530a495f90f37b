package io.kaquan.wechat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** WeChat's api_ticket endpoint (§5.14): GET with the token and the ticket's type in the query string. */
@RegisterRestClient
@Path("/cgi-bin/ticket")
@Produces(MediaType.WILDCARD)
interface TicketRestClient {

    @GET
    @Path("getticket")
    RestResponse<byte[]> getTicket(@RestQuery("access_token") String accessToken, @RestQuery String type);
}
