package io.kaquan.stats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.web.I18n;

/** The dashboard's figures as CSV, in UTF-8 with a byte order mark so that Excel shows the Chinese headers. */
@Path("/t/{tenant}/stats.csv")
public class StatsExport {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    @Inject
    StatsReport reports;

    @Inject
    I18n i18n;

    @GET
    public RestResponse<byte[]> csv(@RestQuery String from, @RestQuery String to, @RestQuery String card) {
        StatsMsg msg = i18n.bundle(StatsMsg.class);
        StatsReport.Filter filter = reports.filter(from, to, card, msg);
        if (filter.hasErrors()) {
            return RestResponse.ResponseBuilder.create(RestResponse.Status.BAD_REQUEST, utf8(
                    String.join("\n", filter.errors().values()) + "\n"))
                    .header(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").build();
        }
        StatsReport.Report report = reports.report(filter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(utf8(StatsReport.csv(report, msg)));
        String name = "kaquan-stats-" + filter.from() + "-" + filter.to() + ".csv";
        return RestResponse.ResponseBuilder.ok(out.toByteArray())
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
