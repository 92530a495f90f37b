package io.kaquan.card.sync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kaquan.web.I18n;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Sync words in the visitor's language: {run.result.label}, job names. */
@TemplateExtension
public class SyncTexts {

    static String label(SyncRun.State state) {
        SyncMsg msg = msg();
        return switch (state) {
            case RUNNING -> msg.result_RUNNING();
            case OK -> msg.result_OK();
            case PARTIAL -> msg.result_PARTIAL();
            case SKIPPED -> msg.result_SKIPPED();
            case QUOTA -> msg.result_QUOTA();
            case FAILED -> msg.result_FAILED();
        };
    }

    /** A job's name in words; a job this package does not know keeps its name. */
    static String jobLabel(String job) {
        SyncMsg msg = msg();
        return switch (job) {
            case CardStatusSync.JOB -> msg.job_cardStatus();
            case "stats" -> msg.job_stats();
            case TokenFreshness.JOB -> msg.job_tokens();
            default -> job;
        };
    }

    /** A run's message in the reader's language when it is a card status summary (key=value pairs), else as is. */
    static String summary(SyncRun run) {
        return summary(run.message);
    }

    static String summary(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = CARD_SUMMARY.matcher(message);
        if (!m.matches()) {
            return message;
        }
        SyncMsg msg = msg();
        String text = msg.cardSummary(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
        int failures = Integer.parseInt(m.group(6));
        return failures == 0 ? text : text + msg.cardSummaryFailures(failures);
    }

    private static final Pattern CARD_SUMMARY = Pattern.compile(
            "cards=(\\d+) discovered=(\\d+) changed=(\\d+) deleted=(\\d+) details=(\\d+) detailFailures=(\\d+)");

    static SyncMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(SyncMsg.class);
    }
}
