package io.kaquan.wechat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The built-in sandbox's own admin API (not WeChat's): creating the simulated account of a sandbox tenant,
 * asking it to push an event.
 */
@RegisterRestClient
@Path("/accounts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface SandboxAdminRestClient {

    /** 201 with the account, 400 or 409 with {"error","fields"}. */
    @POST
    RestResponse<byte[]> create(@HeaderParam("Authorization") String authorization, byte[] account);

    /** 200 with the account, 404 when there is none. */
    @GET
    @Path("{appid}")
    RestResponse<byte[]> get(@HeaderParam("Authorization") String authorization, @RestPath String appid);

    /** 202 once the push is queued (it is sent to the account's callback URL right after), 404 without account. */
    @POST
    @Path("{appid}/pushes")
    RestResponse<byte[]> push(@HeaderParam("Authorization") String authorization, @RestPath String appid,
            byte[] request);
}
