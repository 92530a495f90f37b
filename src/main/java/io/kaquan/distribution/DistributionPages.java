package io.kaquan.distribution;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
import io.kaquan.web.ActionRefused;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.QrCode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Distribution on the card page: its 投放 section (an HTML fragment the card page loads), making QR codes, the test
 * whitelist, and the QR codes' images. Every member sees; operators act (a viewer's POST is 403).
 */
@Path("/t/{tenant}/distribution")
public class DistributionPages {

    @CheckedTemplate
    static class Templates {
        /** No layout: the card's page loads it into its own. */
        static native TemplateInstance section(CardDistribution.View view);

        static native TemplateInstance article(CardArticle.Article article);

        /** No layout: the 投放 section loads it, and its date form reloads it alone. */
        static native TemplateInstance receipts(ReceiptsByChannel.Report receipts);

        /** No layout: the 网页领取 form loads it under itself; {@code problem} is a refusal in words. */
        static native TemplateInstance cardExt(CardExtGeneration.CardExt ext, String problem);
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CardDistribution distribution;

    @Inject
    QrCodeCreation creation;

    @Inject
    TestWhitelistUpdate whitelist;

    @Inject
    DistributionConfig config;

    @Inject
    CodeImport codeImport;

    @Inject
    CardArticle articles;

    @Inject
    ReceiptsByChannel receiptsByChannel;

    @Inject
    CardExtGeneration cardExtGeneration;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @GET
    @Path("cards/{cardId}")
    public TemplateInstance section(@RestPath String cardId) {
        return Templates.section(distribution.of(cardId));
    }

    /** The card's HTML for a broadcast article, with a copy button. */
    @GET
    @Path("cards/{cardId}/article")
    public TemplateInstance article(@RestPath String cardId) {
        return Templates.article(articles.of(cardId));
    }

    /** The card's receipts per channel over the asked days; wrong dates are a 400 showing the default range. */
    @GET
    @Path("cards/{cardId}/receipts")
    public RestResponse<TemplateInstance> receipts(@RestPath String cardId, @RestQuery String from,
            @RestQuery String to) {
        ReceiptsByChannel.Range range = receiptsByChannel.range(from, to);
        TemplateInstance fragment = Templates.receipts(receiptsByChannel.of(cardId, range));
        return range.hasErrors() ? RestResponse.status(RestResponse.Status.BAD_REQUEST, fragment)
                : RestResponse.ok(fragment);
    }

    /** A signed cardExt for wx.addCard (operators; nothing is stored, so a GET the form reloads in place). */
    @GET
    @Path("cards/{cardId}/card-ext")
    public RestResponse<TemplateInstance> cardExt(@RestPath String cardId, @RestQuery String channel,
            @RestQuery String code, @RestQuery String openid) {
        try {
            return RestResponse.ok(Templates.cardExt(cardExtGeneration.generate(new CardExtGeneration.Request(cardId,
                    channel, code, openid)), null));
        } catch (ActionRefused e) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST, Templates.cardExt(null, e.getMessage()));
        }
    }

    @POST
    @Path("cards/{cardId}/qrcodes")
    public RestResponse<Void> createQrCode(@RestPath String cardId, @RestForm String channel,
            @RestForm String validity, @RestForm String minutes, @RestForm("alsoCards") List<String> alsoCards,
            @RestForm boolean uniqueCode) {
        String back = cardPath(cardId);
        return forms.submit(back, () -> {
            flash.success(creation.create(new QrCodeCreation.Request(cardId, channel, !"expiring".equals(validity),
                    number(minutes), lines(alsoCards), uniqueCode)));
            return back + "#distribution";
        });
    }

    @POST
    @Path("cards/{cardId}/whitelist")
    public RestResponse<Void> setWhitelist(@RestPath String cardId, @RestForm String openids,
            @RestForm String usernames) {
        String back = cardPath(cardId);
        return forms.submit(back, () -> {
            flash.success(whitelist.replace(cardId, openids, usernames));
            return back + "#distribution";
        });
    }

    @POST
    @Path("cards/{cardId}/codes")
    public RestResponse<Void> importCodes(@RestPath String cardId, @RestForm("file") FileUpload file) {
        String back = cardPath(cardId);
        return forms.submit(back, () -> {
            byte[] content;
            try {
                content = file == null ? new byte[0] : java.nio.file.Files.readAllBytes(file.uploadedFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            flash.success(codeImport.importFile(cardId, content));
            return back + "#distribution";
        });
    }

    @POST
    @Path("cards/{cardId}/codes/settle")
    public RestResponse<Void> settleImports(@RestPath String cardId) {
        String back = cardPath(cardId);
        return forms.submit(back, () -> {
            if (!codeImport.settleOpen(cardId)) {
                throw new io.kaquan.web.ActionRefused(distribution.msg().errImportUnsettled());
            }
            flash.success(distribution.msg().importSettled());
            return back + "#distribution";
        });
    }

    /** The QR code drawn from its url; {@code download} makes it a file named after the code and size. */
    @GET
    @Path("qrcodes/{id}/png")
    public RestResponse<byte[]> png(@RestPath long id, @RestQuery Integer size, @RestQuery boolean download) {
        List<Integer> sizes = config.qrSizes();
        int pixels = size == null ? sizes.get(0) : size;
        if (!sizes.contains(pixels)) {
            throw new NotFoundException();
        }
        CardQrCode code = distribution.code(id);
        RestResponse.ResponseBuilder<byte[]> answer = RestResponse.ResponseBuilder.ok(QrCode.of(code.url).png(pixels),
                "image/png").header("Cache-Control", "private, max-age=3600");
        if (download) {
            answer.header("Content-Disposition",
                    "attachment; filename=\"qrcode-" + code.id + "-" + pixels + "px.png\"");
        }
        return answer.build();
    }

    private String cardPath(String cardId) {
        return "/t/" + currentTenant.id() + "/cards/" + URLEncoder.encode(cardId, StandardCharsets.UTF_8);
    }

    private static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The chosen cards: one per checkbox, or several in one value (separated by spaces, commas or lines). */
    private static List<String> lines(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null).flatMap(v -> Arrays.stream(v.split("[\\s,]+")))
                        .filter(s -> !s.isBlank()).toList();
    }
}
