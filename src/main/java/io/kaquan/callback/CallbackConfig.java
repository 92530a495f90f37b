package io.kaquan.callback;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kaquan.callback")
public interface CallbackConfig {

    /** Largest push body accepted, in bytes (a compatible-mode card event is about 3 KB); larger ones get 413. */
    @WithDefault("65536")
    int maxBodyBytes();

    /**
     * GET verification without the tenant hint ({@code ?t=gh_…}) checks at most this many tenants, those awaiting
     * verification first. With the hint exactly one tenant is checked.
     */
    @WithDefault("50")
    int verifyScanLimit();

    /**
     * A push authenticated only by the plain {@code signature} (plaintext-mode accounts) is taken when its URL
     * timestamp is at most this far from now, either way: that signature does not cover the body, so an old triple
     * must not sign new XML. WeChat's retries come within seconds, each with a fresh timestamp.
     */
    @WithDefault("5m")
    Duration plainTimestampWindow();

    /**
     * Pushes no tenant takes (unknown account, undecryptable…) are stored for the platform admin within these budgets
     * per clock hour, since anybody can send them; beyond, they are only logged.
     */
    Unroutable unroutable();

    /** How long what the callback stores is kept; the retention job deletes older rows. */
    Retention retention();

    interface Unroutable {
        /** Pushes stored per hour from all sources together. */
        @WithDefault("1000")
        int perHour();

        /** Bytes (stored body prefix and query) per hour from all sources together. */
        @WithDefault("2097152")
        long bytesPerHour();

        /** Pushes stored per hour from one source address, so that one sender cannot hide everybody else's. */
        @WithDefault("100")
        int perSourcePerHour();

        /** Bytes stored per hour from one source address. */
        @WithDefault("262144")
        long bytesPerSourcePerHour();

        /** Bytes of a push body kept (a prefix; a card event is about 3 KB). */
        @WithDefault("4096")
        int storedBodyBytes();
    }

    interface Retention {
        /** Unroutable pushes older than this are deleted. */
        @WithDefault("14d")
        Duration unroutableKept();

        /**
         * Finished events (processed, or without effect) older than this are deleted. Their dedupe keys go with them, so
         * this stays far longer than WeChat's retries (minutes) and the processor's backoff.
         */
        @WithDefault("30d")
        Duration eventsKept();

        /** Dead events (attempts used up, replayable by hand) older than this are deleted. */
        @WithDefault("90d")
        Duration deadEventsKept();

        /** Rows deleted per transaction. */
        @WithDefault("1000")
        int batchSize();
    }

    /**
     * For bench/callback only: {@code POST /wechat/callback/bare} reads the body and answers "success", nothing else,
     * as the yardstick the inbox is measured against. Off (404) unless switched on.
     */
    @WithDefault("false")
    boolean benchBareEndpoint();

    /** Processor settings. */
    Processor processor();

    /** How the inbox writes pushes: in groups, one commit per group ({@link InboxWriter}). */
    GroupCommit groupCommit();

    interface GroupCommit {
        /** Most pushes written in one transaction. */
        @WithDefault("200")
        int maxPushes();

        /** Threads writing groups on this node (each holds one database connection while it writes). */
        @WithDefault("2")
        int writers();

        /** How long a push waits for its group's commit before the endpoint answers 503 (WeChat then retries). */
        @WithDefault("10s")
        Duration answerWithin();
    }

    interface Processor {
        /** Runs the inbox processor on this node. Several nodes may run it: they claim rows with SKIP LOCKED. */
        @WithDefault("true")
        boolean enabled();

        /** How often this node looks for due events (new pushes also wake it, see {@link #linger()}). */
        @WithDefault("1s")
        Duration interval();

        /**
         * How long a round woken by a new push waits before it claims: the pushes arriving meanwhile join its batch, so
         * that under load the processor commits a few larger batches rather than one small batch per push.
         */
        @WithDefault("10ms")
        Duration linger();

        /**
         * Events claimed per transaction. Larger batches share a commit among more events; a failing event costs the
         * rest of its batch a replay one event per transaction.
         */
        @WithDefault("200")
        int batchSize();

        /**
         * Claimers on this node, each applying its own share of the cards (by a hash of the card id) in its own
         * transactions, so that one applies while another waits for its commit.
         */
        @WithDefault("2")
        int claimers();

        /** Attempts before an event is DEAD (replayable from the event log). */
        @WithDefault("8")
        int maxAttempts();

        /** Pause after the first failure; doubled after each further one. */
        @WithDefault("10s")
        Duration retryDelay();

        /** Longest pause between two attempts. */
        @WithDefault("1h")
        Duration maxRetryDelay();
    }
}
