package io.kaquan.stats;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.web.I18n;

/** The dashboard's figures as CSV (io.kaquan.web.Csv: UTF-8 with a byte order mark, so Excel shows the Chinese). */
@Path("/t/{tenant}/stats.csv")
public class StatsExport {

    @Inject
    StatsReport reports;

    @Inject
    I18n i18n;

    @GET
    public RestResponse<byte[]> csv(@RestQuery String from, @RestQuery String to, @RestQuery String card) {
        StatsMsg msg = i18n.bundle(StatsMsg.class);
        StatsReport.Filter filter = reports.filter(from, to, card, msg);
        if (filter.hasErrors()) {
            return RestResponse.ResponseBuilder.create(RestResponse.Status.BAD_REQUEST,
                    (String.join("\n", filter.errors().values()) + "\n").getBytes(StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_TYPE, "text/plain; charset=UTF-8").build();
        }
        StatsReport.Report report = reports.report(filter);
        return StatsReport.csv(report, msg).download("kaquan-stats-" + filter.from() + "-" + filter.to() + ".csv");
    }
}
