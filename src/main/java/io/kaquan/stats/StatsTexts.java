package io.kaquan.stats;

import io.kaquan.web.I18n;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Statistics words in the visitor's language: {metric.label} in templates, {@link #label} in Java. */
public class StatsTexts {

    @TemplateExtension
    static String label(Metric metric) {
        return label(metric, Arc.container().instance(I18n.class).get().bundle(StatsMsg.class));
    }

    static String label(Metric metric, StatsMsg msg) {
        return switch (metric) {
            case VIEW -> msg.metricView();
            case RECEIVE -> msg.metricReceive();
            case VERIFY -> msg.metricVerify();
            case GIVEN -> msg.metricGiven();
            case EXPIRE -> msg.metricExpire();
        };
    }
}
