package io.kaquan.stats;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * The figure cells of one row of the dashboard's daily table, written once in Java: with 365 days that table has 3,650
 * cells, and evaluating two Qute expressions per cell took most of the page's time (issue 18). The markup is the one
 * the template had; it holds only enum names and numbers, so nothing in it needs escaping.
 */
@TemplateExtension
class DailyCells {

    private static final Metric[] METRICS = Metric.values();

    /** Times then people of each kind, in the order of {@link Metric}: the columns of the table's head. */
    static RawString cells(StatsReport.Day day) {
        Counts counts = day.counts();
        StringBuilder html = new StringBuilder(METRICS.length * 100);
        for (Metric metric : METRICS) {
            cell(html, metric, "times", counts.get(metric, false));
            cell(html, metric, "people", counts.get(metric, true));
        }
        return new RawString(html.toString());
    }

    private static void cell(StringBuilder html, Metric metric, String kind, long value) {
        html.append("<td data-metric=\"").append(metric.name()).append("\" data-kind=\"").append(kind).append("\">")
                .append(value).append("</td>");
    }
}
