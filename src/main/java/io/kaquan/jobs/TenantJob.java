package io.kaquan.jobs;

import java.util.Optional;

/**
 * A job that runs for one tenant at a time, on the schedule of {@code kaquan.jobs.tenant."<name>".*}. Implement it as
 * a CDI bean in the feature that owns the work: {@link TenantJobs} finds every bean, spreads each tenant's due time
 * over the configured window and records every run in {@code sync_run}. Called outside any transaction; it may throw
 * (the run is recorded as failed, after a 45009 as QUOTA with the job paused for the tenant until the next
 * Asia/Shanghai day).
 * <p>
 * The sync pages know no job by name: each job words itself (texts in the language of the current request).
 */
public interface TenantJob {

    /** Stable id, [a-z0-9-]+: the key in configuration and in sync_run.job. */
    String name();

    JobOutcome run(JobContext context);

    /** The job in the reader's words ("卡券状态同步"). */
    String label();

    /** The job a "run now" that names none runs, offered first on the sync page. */
    default boolean primary() {
        return false;
    }

    /** The job's own "run now" button text; empty: "run now: {label}". */
    default Optional<String> runNowLabel() {
        return Optional.empty();
    }

    /** One sentence on what a run does, next to the "run now" buttons; empty: nothing said. */
    default Optional<String> runNowHelp() {
        return Optional.empty();
    }

    /** A run's stored message ({@link JobOutcome#message()}) in the reader's language; as stored by default. */
    default String summary(String message) {
        return message == null ? "" : message;
    }

    /** The job's own flash text after a successful "run now"; empty: "{label} done: {summary} ({calls} calls)". */
    default Optional<String> done(String summary, int calls) {
        return Optional.empty();
    }
}
