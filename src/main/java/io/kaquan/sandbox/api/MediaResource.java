package io.kaquan.sandbox.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxGate;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.cards.MediaImage;
import io.kaquan.sandbox.cards.MediaImages;

/** media/uploadimg: the card logo and image upload; the file part is "buffer" (card docs) or "media" (SDKs). */
@Path("/sandbox/wechat/cgi-bin/media")
public class MediaResource {

    @Inject
    SandboxGate gate;

    @Inject
    MediaImages images;

    @POST
    @Path("uploadimg")
    public Response upload(@RestQuery("access_token") String accessToken, @RestForm("buffer") FileUpload buffer,
            @RestForm("media") FileUpload media) {
        SandboxAccount account = gate.authorize(accessToken, "/cgi-bin/media/uploadimg");
        FileUpload file = buffer != null ? buffer : media;
        MediaImage image = images.upload(account, file == null ? null : read(file));
        ObjectNode reply = WeChatReply.object();
        reply.put("url", image.url());
        return WeChatReply.raw(reply);
    }

    private static byte[] read(FileUpload file) {
        try {
            // Refuse before reading a huge file into memory.
            if (Files.size(file.uploadedFile()) > MediaImages.MAX_BYTES) {
                throw new WeChatError(40009, "invalid image size");
            }
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
