package io.kaquan.sandbox.api;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.kaquan.sandbox.cards.MediaImage;

/** Serves uploaded images back (their mmbiz URL only looks like WeChat's CDN), e.g. as logos on the console. */
@Path(MediaImage.LOCAL_PATH)
public class MediaImageResource {

    @GET
    @Path("{key}")
    @Transactional
    public Response image(@RestPath String key) {
        MediaImage image = MediaImage.byKey(key).orElseThrow(NotFoundException::new);
        return Response.ok(image.data).header("Content-Type", image.contentType)
                .header("Cache-Control", "public, max-age=86400").build();
    }
}
