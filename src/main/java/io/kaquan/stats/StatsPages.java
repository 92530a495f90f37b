package io.kaquan.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.kaquan.distribution.ReceiptsByChannel;
import io.kaquan.web.I18n;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The statistics dashboard of a tenant: any member sees it (a plain GET form, the table works without JS). */
@Path("/t/{tenant}/stats")
public class StatsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(StatsReport.Report report, StatsReport.Picker picker, String chosen,
                List<Metric> metrics, String chart, ReceiptsByChannel.Report receipts);

        /** The picker's list alone, swapped by htmx as the merchant types in its search. */
        static native TemplateInstance stats$cardSelect(StatsReport.Picker picker, String chosen);
    }

    @Inject
    StatsReport reports;

    @Inject
    ReceiptsByChannel receiptsByChannel;

    @Inject
    I18n i18n;

    @Inject
    ObjectMapper json;

    @GET
    public RestResponse<TemplateInstance> stats(@RestQuery String from, @RestQuery String to,
            @RestQuery String card, @RestQuery String cardq) {
        StatsMsg msg = i18n.bundle(StatsMsg.class);
        StatsReport.Filter filter = reports.filter(from, to, card, msg);
        StatsReport.Report report = reports.report(filter);
        // Receipts per channel over the same days, from the code mirror (live, unlike WeChat's T+1 figures).
        ReceiptsByChannel.Report receipts = receiptsByChannel.counted(filter.cardId(),
                ReceiptsByChannel.Range.of(filter.from(), filter.to()));
        // A bounded list (the newest cards, or those the search finds), never every card of the account.
        StatsReport.Picker picker = reports.picker(cardq, report);
        TemplateInstance page = Templates.stats(report, picker, filter.cardId(), List.of(Metric.values()), chart(report, msg),
                receipts);
        return filter.hasErrors() ? RestResponse.status(RestResponse.Status.BAD_REQUEST, page) : RestResponse.ok(page);
    }

    /** The picker's list for a search (htmx); without JavaScript the page's form does the same search. */
    @GET
    @Path("cards")
    public TemplateInstance cards(@RestQuery String cardq, @RestQuery String card) {
        String chosen = card == null || card.isBlank() ? null : card.strip();
        return Templates.stats$cardSelect(reports.picker(cardq, chosen), chosen);
    }

    /** The charts' data (days, then one series per kind, for times and for people), read by /static/stats.js. */
    private String chart(StatsReport.Report report, StatsMsg msg) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", report.days().stream().map(day -> day.day().toString()).toList());
        chart.put("times", series(report, msg, false));
        chart.put("people", series(report, msg, true));
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> series(StatsReport.Report report, StatsMsg msg, boolean people) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("key", metric.name());
            dataset.put("label", msg.metric(metric));
            dataset.put("data", report.days().stream().map(day -> day.counts().get(metric, people)).toList());
            datasets.add(dataset);
        }
        // Always in this order (Map.of's order changes from one start of the JVM to the next).
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("title", people ? msg.chartPeople() : msg.chartTimes());
        series.put("datasets", datasets);
        return series;
    }
}
