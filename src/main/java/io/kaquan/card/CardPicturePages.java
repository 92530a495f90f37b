package io.kaquan.card;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.web.Pages;

/** {@code /t/{tenant}/pictures?url=…}: a picture of this tenant's cards (see {@link CardPictures}); anything else 404. */
@Path("/t/{tenant}/pictures")
public class CardPicturePages {

    @Inject
    CardPictures pictures;

    @GET
    public RestResponse<byte[]> picture(@RestQuery String url) {
        return pictures.of(url).map(picture -> picture.redirect() != null
                ? Pages.<byte[]> seeOther(picture.redirect())
                : RestResponse.ResponseBuilder.ok(picture.bytes()).header("Content-Type", picture.contentType())
                        .header("Cache-Control", "private, max-age=86400")
                        .header("Content-Disposition", "inline").build())
                .orElseGet(RestResponse::notFound);
    }
}
