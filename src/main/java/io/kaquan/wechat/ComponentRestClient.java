package io.kaquan.wechat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/** The third-party platform's APIs (open-platform-protocol.md §3, §5): POST JSON, the component token in the query. */
@RegisterRestClient
@Path("/cgi-bin/component")
@Produces(MediaType.WILDCARD)
@Consumes(ApiClients.JSON)
interface ComponentRestClient {

    @POST
    @Path("api_component_token")
    RestResponse<byte[]> componentToken(byte[] body);

    @POST
    @Path("api_create_preauthcode")
    RestResponse<byte[]> preAuthCode(@RestQuery("component_access_token") String token, byte[] body);

    @POST
    @Path("api_query_auth")
    RestResponse<byte[]> queryAuth(@RestQuery("component_access_token") String token, byte[] body);

    @POST
    @Path("api_authorizer_token")
    RestResponse<byte[]> authorizerToken(@RestQuery("component_access_token") String token, byte[] body);

    @POST
    @Path("api_get_authorizer_info")
    RestResponse<byte[]> authorizerInfo(@RestQuery("component_access_token") String token, byte[] body);

    @POST
    @Path("api_get_authorizer_list")
    RestResponse<byte[]> authorizerList(@RestQuery("component_access_token") String token, byte[] body);
}
