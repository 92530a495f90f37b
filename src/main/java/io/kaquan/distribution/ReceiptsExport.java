package io.kaquan.distribution;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Receipts per channel as CSV, for one card ({@code card}) or all the tenant's cards, over the asked days; any member
 * downloads it, another tenant's card is 404.
 */
@Path("/t/{tenant}/distribution/receipts.csv")
public class ReceiptsExport {

    @Inject
    ReceiptsByChannel receipts;

    @GET
    public RestResponse<byte[]> csv(@RestQuery String from, @RestQuery String to, @RestQuery String card) {
        ReceiptsByChannel.Range range = receipts.range(from, to);
        if (range.hasErrors()) {
            return RestResponse.ResponseBuilder.create(RestResponse.Status.BAD_REQUEST,
                    (String.join("\n", range.errors().values()) + "\n").getBytes(StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").build();
        }
        String cardId = card == null || card.isBlank() ? null : card.strip();
        ReceiptsByChannel.Report report = receipts.of(cardId, range);
        return receipts.csv(report).download("kaquan-channels-" + range.from() + "-" + range.to() + ".csv");
    }
}
