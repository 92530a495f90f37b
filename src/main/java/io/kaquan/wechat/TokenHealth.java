package io.kaquan.wechat;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's standing with WeChat, for its pages: the token, a credential problem with what to do about it, and the
 * calls of today per API. Texts are in the language of the bundle it was made with.
 *
 * @param mode the token mode chosen for the tenant
 * @param tokenKind the kind of the stored token (null when none)
 * @param refreshedAt when the stored token was fetched (null when none)
 */
public record TokenHealth(TokenMode mode, TokenMode tokenKind, Instant refreshedAt, Instant expiresAt, Problem problem,
        List<Usage> usage) {

    /** The tenant is paused until its credentials change or someone retries. */
    public record Problem(int errcode, String message, String advice, String ip, String api, Instant detectedAt) {
    }

    /**
     * Calls of today (Asia/Shanghai) to one API.
     *
     * @param publishedQuota WeChat's published daily quota, or -1 where it publishes none (card APIs)
     */
    public record Usage(String api, int calls, int failures, Integer lastErrcode, String lastError, Instant lastErrorAt,
            Instant quotaExhaustedAt, int publishedQuota) {

        public boolean exhausted() {
            return quotaExhaustedAt != null;
        }

        public boolean hasPublishedQuota() {
            return publishedQuota > 0;
        }

        /** Percentage of the published quota used, when there is one. */
        public int quotaPercent() {
            return publishedQuota > 0 ? (int) Math.min(100, Math.round(calls * 100.0 / publishedQuota)) : 0;
        }
    }

    public boolean paused() {
        return problem != null;
    }

    public boolean hasToken() {
        return expiresAt != null;
    }

    public boolean tokenExpired() {
        return expiresAt != null && expiresAt.isBefore(Instant.now());
    }

    public boolean anyExhausted() {
        return usage.stream().anyMatch(Usage::exhausted);
    }
}
