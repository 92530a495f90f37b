package io.kaquan.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.QrCode;
import io.kaquan.wechat.LandingPageScene;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 卡券货架 (landing pages): the tenant's pages with their URL and QR code, and the form that makes one. */
@Path("/t/{tenant}/distribution/landing-pages")
public class LandingPagePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landingPages(LandingPages.View view);
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    LandingPages pages;

    @Inject
    LandingPageCreation creation;

    @Inject
    DistributionConfig config;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @GET
    public TemplateInstance list() {
        return Templates.landingPages(pages.view());
    }

    @POST
    public RestResponse<Void> create(@RestForm String title, @RestForm String scene, @RestForm boolean canShare,
            @RestForm("cards") List<String> cards, @RestForm("banner") FileUpload banner) {
        String back = path();
        return forms.submit(back, () -> {
            byte[] content = read(banner);
            flash.success(creation.create(new LandingPageCreation.Request(title, scene(scene), canShare,
                    cards == null ? List.of() : cards, banner == null ? null : banner.fileName(),
                    banner == null ? null : banner.contentType(), content)));
            return back;
        });
    }

    @POST
    @Path("{id}/resend")
    public RestResponse<Void> resend(@RestPath long id) {
        String back = path();
        return forms.submit(back, () -> {
            flash.success(creation.resend(id));
            return back;
        });
    }

    /** The page's QR code drawn from its url; {@code download} makes it a file named after the page and size. */
    @GET
    @Path("{id}/png")
    public RestResponse<byte[]> png(@RestPath long id, @RestQuery Integer size, @RestQuery boolean download) {
        List<Integer> sizes = config.qrSizes();
        int pixels = size == null ? sizes.get(0) : size;
        if (!sizes.contains(pixels)) {
            throw new NotFoundException();
        }
        LandingPage page = pages.made(id);
        RestResponse.ResponseBuilder<byte[]> answer = RestResponse.ResponseBuilder.ok(QrCode.of(page.url).png(pixels),
                "image/png").header("Cache-Control", "private, max-age=3600");
        if (download) {
            answer.header("Content-Disposition",
                    "attachment; filename=\"landing-page-" + page.id + "-" + pixels + "px.png\"");
        }
        return answer.build();
    }

    private String path() {
        return "/t/" + currentTenant.id() + "/distribution/landing-pages";
    }

    private static LandingPageScene scene(String value) {
        for (LandingPageScene scene : LandingPageScene.values()) {
            if (scene.name().equals(value)) {
                return scene;
            }
        }
        return null;
    }

    private static byte[] read(FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return null;
        }
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
