package io.kaquan.wechat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

/** Image upload for card logos and pictures (§5.1). */
@RegisterRestClient
@Path("/cgi-bin/media")
@Produces(MediaType.WILDCARD)
interface MediaRestClient {

    @POST
    @Path("uploadimg")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    RestResponse<byte[]> uploadImage(@RestQuery("access_token") String accessToken, ClientMultipartForm form);
}
