package io.kaquan.jobs;

/** How a run of a {@link TenantJob} ended, with the WeChat calls it made and a short summary. */
public record JobOutcome(Result result, int calls, String message) {

    public enum Result {
        /** Done. */
        OK,
        /** Some of the work done, some failed. */
        PARTIAL,
        /** Nothing done on purpose (credential problem, nothing to do, not applicable). */
        SKIPPED,
        /** WeChat's daily quota of an API is used up (45009): paused for the tenant until the next day. */
        QUOTA,
        /** Failed. */
        FAILED
    }

    public static JobOutcome ok(int calls, String message) {
        return new JobOutcome(Result.OK, calls, message);
    }

    public static JobOutcome partial(int calls, String message) {
        return new JobOutcome(Result.PARTIAL, calls, message);
    }

    public static JobOutcome skipped(String message) {
        return new JobOutcome(Result.SKIPPED, 0, message);
    }

    public static JobOutcome quota(int calls, String message) {
        return new JobOutcome(Result.QUOTA, calls, message);
    }

    public static JobOutcome failed(int calls, String message) {
        return new JobOutcome(Result.FAILED, calls, message);
    }

    /** Finished in a way the overview of failing tenants shows. */
    public boolean failing() {
        return result == Result.FAILED || result == Result.QUOTA || result == Result.PARTIAL;
    }
}
