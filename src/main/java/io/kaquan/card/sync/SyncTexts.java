package io.kaquan.card.sync;

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

    static SyncMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(SyncMsg.class);
    }
}
