package io.kaquan.callback;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Applies stored events, on every node: each round claims a batch of due rows with {@code FOR UPDATE SKIP LOCKED}
 * (another node's claimed rows are skipped, not waited for), applies each event's handler and marks the event in the
 * same transaction, so an effect is committed exactly once even if the node dies midway (then nothing of the batch
 * committed, and the rows are claimed again). A failing handler rolls the batch back; that event alone is charged an
 * attempt and pushed back with exponential backoff, ending DEAD after the configured attempts, and the rest of that
 * batch is applied one event per transaction, in the batch's order (per tenant and card, then arrival).
 *
 * <p>
 * Several claimers per node ({@code kaquan.callback.processor.claimers}): while one waits for its commit (a durable
 * commit waits for the disk) another applies its batch. Each claimer takes the events of its own share of the cards
 * (a hash of the card id), so two claimers of one node never apply events of one card at once or lock its rows
 * crosswise, and a card's events stay in arrival order on this node. The events are read detached (the handlers only
 * read them) and marked with one JDBC batch at the end of the transaction: no dirty checking of the whole batch at
 * every event's flush, no statement per event for its status.
 *
 * <p>
 * A plain executor rather than a scheduler extension: the rounds must run on every node (not as a cluster
 * singleton), and a new push wakes the claimers at once instead of waiting for the next tick.
 */
@ApplicationScoped
public class EventProcessor {

    private static final int MAX_ERROR = 2000;

    private static final Comparator<WeChatEvent> BY_CARD = Comparator
            .comparing((WeChatEvent e) -> e.tenantId)
            .thenComparing(e -> e.cardId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(e -> e.id);

    @Inject
    CallbackConfig config;

    @Inject
    EntityManager em;

    @Inject
    @Any
    Instance<CardEventHandler> handlerBeans;

    private final Map<String, CardEventHandler> handlers = new HashMap<>();
    /**
     * This node's claimers while the rounds run, else null. Each has a thread of its own, so that its rounds never
     * overlap (two rounds of one share would apply one card's events at once).
     */
    private volatile List<Claimer> claimers;

    /** One claimer: its thread, and whether a round queued by a wake-up has not started yet (bursts coalesce). */
    private record Claimer(ScheduledExecutorService thread, AtomicBoolean wakeQueued) {
    }

    /**
     * A handler threw; carries what is needed to charge the attempt after the rollback (no event when a handler
     * applying several together threw).
     */
    static final class HandlerFailed extends RuntimeException {
        final Long eventId;
        final int attemptsSeen;

        HandlerFailed(Long eventId, int attemptsSeen, Throwable cause) {
            super(describe(cause), cause, false, false);
            this.eventId = eventId;
            this.attemptsSeen = attemptsSeen;
        }
    }

    void start(@Observes StartupEvent event) {
        for (CardEventHandler handler : handlerBeans) {
            for (String type : handler.eventTypes()) {
                CardEventHandler other = handlers.putIfAbsent(type, handler);
                if (other != null) {
                    throw new IllegalStateException("Two handlers for event type " + type + ": "
                            + other.getClass().getName() + " and " + handler.getClass().getName());
                }
            }
        }
        if (!config.processor().enabled()) {
            Log.info("The callback inbox processor is off on this node");
            return;
        }
        startRounds();
    }

    void stop(@Observes ShutdownEvent event) {
        stopRounds();
    }

    /** Starts the rounds, as at the node's start (tests call it to play a node started again). */
    synchronized void startRounds() {
        if (claimers != null) {
            return;
        }
        int count = Math.max(1, config.processor().claimers());
        long interval = Math.max(100, config.processor().interval().toMillis());
        List<Claimer> started = new ArrayList<>(count);
        for (int share = 0; share < count; share++) {
            String name = "callback-processor-" + (share + 1);
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            int claimed = share;
            thread.scheduleWithFixedDelay(() -> round(claimed, count), interval, interval, TimeUnit.MILLISECONDS);
            started.add(new Claimer(thread, new AtomicBoolean()));
        }
        claimers = List.copyOf(started);
    }

    /** Stops the rounds and waits for the running ones, as when the node goes down (tests call it). */
    synchronized void stopRounds() {
        List<Claimer> running = claimers;
        claimers = null;
        if (running == null) {
            return;
        }
        running.forEach(claimer -> claimer.thread().shutdownNow());
        try {
            for (Claimer claimer : running) {
                claimer.thread().awaitTermination(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs a round of every claimer soon (after a push was stored or an event replayed: after the linger); coalesces
     * bursts: a claimer whose round is queued and not started yet gets no other (that round will see the new event).
     */
    public void wakeUp() {
        List<Claimer> running = claimers;
        if (running == null) {
            return;
        }
        long linger = config.processor().linger().toMillis();
        for (int share = 0; share < running.size(); share++) {
            Claimer claimer = running.get(share);
            if (claimer.wakeQueued().compareAndSet(false, true)) {
                int claimed = share;
                try {
                    claimer.thread().schedule(() -> {
                        claimer.wakeQueued().set(false);
                        round(claimed, running.size());
                    }, linger, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    claimer.wakeQueued().set(false);
                }
            }
        }
    }

    private void round(int share, int shares) {
        try {
            int claimed;
            do {
                claimed = processBatch(share, shares);
            } while (claimed >= config.processor().batchSize() && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            Log.warnf(e, "Callback processing round failed; the next round retries");
        }
    }

    /** Claims and applies one batch of due events of any card; answers how many were claimed. */
    public int processBatch() {
        return processBatch(0, 1);
    }

    /**
     * Claims and applies one batch of due events whose card falls into this claimer's share ({@code share} of
     * {@code shares}); answers how many were claimed (0 after a failed commit).
     */
    int processBatch(int share, int shares) {
        List<Long> claimed = new ArrayList<>();
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyBatch(share, shares, claimed));
        } catch (RuntimeException e) { // HandlerFailed, QuarkusTransactionException from the commit, the claim failing
            HandlerFailed failed = handlerFailure(e);
            if (failed != null) {
                if (failed.eventId != null) {
                    chargeFailure(failed);
                }
                oneByOne(claimed, failed.eventId);
                return claimed.size();
            }
            // Every handler succeeded but the commit did not (serialization failure, lost connection, a deferred
            // constraint): claiming the same batch again at once would loop for ever.
            backOffBatch(claimed, e);
            return 0;
        }
    }

    private int applyBatch(int share, int shares, List<Long> claimed) {
        // The share: the same hash for every event of a card (events without a card hash the empty string).
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from wechat_event where status in ('RECEIVED', 'FAILED') "
                + "and next_attempt_at <= ?1 and (?3 = 1 or mod(hashtext(coalesce(card_id, '')) & 2147483647, ?3) = ?4) "
                + "order by next_attempt_at, id limit ?2 for update skip locked")
                .setParameter(1, Instant.now()).setParameter(2, config.processor().batchSize())
                .setParameter(3, shares).setParameter(4, share).getResultList();
        return apply(ids, claimed);
    }

    /**
     * The rest of a batch in which one event failed, each event in its own transaction and in the batch's order: one
     * more failing event then costs only itself, and none of the others is lost or applied twice (the failed batch
     * committed nothing; each event is claimed again, and skipped if another node took or finished it meanwhile). The
     * failed event, already charged, waits for its backoff; with none named, every event is tried alone.
     */
    private void oneByOne(List<Long> batch, Long failedId) {
        for (Long id : batch) {
            if (id.equals(failedId)) {
                continue;
            }
            List<Long> claimed = new ArrayList<>(1);
            try {
                QuarkusTransaction.requiringNew().call(() -> applyOne(id, claimed));
            } catch (RuntimeException e) {
                HandlerFailed failed = handlerFailure(e);
                if (failed != null) {
                    chargeFailure(failed);
                } else {
                    backOffBatch(claimed, e);
                }
            }
        }
    }

    private int applyOne(Long id, List<Long> claimed) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from wechat_event where id = ?1 "
                + "and status in ('RECEIVED', 'FAILED') and next_attempt_at <= ?2 for update skip locked")
                .setParameter(1, id).setParameter(2, Instant.now()).getResultList();
        return apply(ids, claimed);
    }

    private int apply(List<Number> ids, List<Long> claimed) {
        if (ids.isEmpty()) {
            return 0;
        }
        // By card, then arrival: handlers lock the card row, then its codes; two nodes never take them crosswise.
        List<WeChatEvent> events = em.createQuery("from WeChatEvent where id in :ids", WeChatEvent.class)
                .setParameter("ids", ids.stream().map(Number::longValue).toList()).getResultList().stream()
                .sorted(BY_CARD).toList();
        // Detached: the handlers only read the events, so each flush below checks only what the handlers changed.
        events.forEach(em::detach);
        events.forEach(e -> claimed.add(e.id));
        List<Object[]> marks = new ArrayList<>(events.size());
        Map<CardEventHandler, List<WeChatEvent>> together = new LinkedHashMap<>();
        for (WeChatEvent event : events) {
            CardEventHandler handler = handlers.get(event.eventType);
            if (handler != null && handler.appliesTogether() && events.size() > 1) {
                together.computeIfAbsent(handler, h -> new ArrayList<>()).add(event);
                continue;
            }
            int attemptsSeen = event.attempts;
            try {
                CardEventHandler.Outcome outcome = handler == null
                        ? CardEventHandler.Outcome.ignored("no effect for event type " + event.eventType)
                        : handler.apply(event);
                em.flush(); // a failing effect must fail here, attributed to its event
                marks.add(new Object[] { outcome.status().name(), outcome.note(), attemptsSeen + 1, event.id });
            } catch (RuntimeException e) {
                throw new HandlerFailed(event.id, attemptsSeen, e);
            }
        }
        for (Map.Entry<CardEventHandler, List<WeChatEvent>> group : together.entrySet()) {
            List<WeChatEvent> grouped = group.getValue();
            List<CardEventHandler.Outcome> outcomes;
            try {
                outcomes = group.getKey().applyAll(grouped);
                em.flush();
            } catch (RuntimeException e) {
                throw new HandlerFailed(null, 0, e); // none to blame yet: each is applied alone next
            }
            for (int i = 0; i < grouped.size(); i++) {
                WeChatEvent event = grouped.get(i);
                marks.add(new Object[] { outcomes.get(i).status().name(), outcomes.get(i).note(), event.attempts + 1,
                        event.id });
            }
        }
        mark(marks, Timestamp.from(Instant.now()));
        return ids.size();
    }

    /** The batch's events as applied, in one JDBC batch on the transaction's connection. */
    private void mark(List<Object[]> marks, Timestamp processedAt) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update wechat_event set status = ?, "
                    + "outcome = ?, attempts = ?, next_attempt_at = null, processed_at = ? where id = ?")) {
                for (Object[] mark : marks) {
                    update.setString(1, (String) mark[0]);
                    update.setString(2, (String) mark[1]);
                    update.setInt(3, (Integer) mark[2]);
                    update.setTimestamp(4, processedAt);
                    update.setLong(5, (Long) mark[3]);
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    private static HandlerFailed handlerFailure(RuntimeException e) {
        return e instanceof HandlerFailed failed ? failed
                : e.getCause() instanceof HandlerFailed failed ? failed : null;
    }

    /**
     * After a failed commit: the first event of the batch is charged an attempt (so one event that makes every commit
     * fail ends DEAD instead of blocking its batch), the others wait one retry delay, uncharged.
     */
    private void backOffBatch(List<Long> claimed, RuntimeException failure) {
        String error = Inbox.clip("commit failed: " + describe(failure), MAX_ERROR);
        if (claimed.isEmpty()) {
            Log.errorf(failure, "Callback batch could not commit (infrastructure, not a handler)");
            return;
        }
        Instant later = Instant.now().plus(config.processor().retryDelay());
        Log.errorf(failure, "Callback batch of %d events (first %d) could not commit (infrastructure, not a handler); "
                + "retry at %s", claimed.size(), claimed.get(0), later);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("update wechat_event set next_attempt_at = :later where id in (:ids) "
                        + "and status in ('RECEIVED', 'FAILED') and next_attempt_at < :later")
                        .setParameter("later", later).setParameter("ids", claimed).executeUpdate();
                WeChatEvent first = em.find(WeChatEvent.class, claimed.get(0), LockModeType.PESSIMISTIC_WRITE);
                if (first != null && (first.status == WeChatEvent.Status.RECEIVED
                        || first.status == WeChatEvent.Status.FAILED)) {
                    charge(first, error);
                }
            });
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not back off the callback batch either (first event %d); the next round retries",
                    claimed.get(0));
        }
    }

    private void chargeFailure(HandlerFailed failed) {
        QuarkusTransaction.requiringNew().run(() -> {
            WeChatEvent event = em.find(WeChatEvent.class, failed.eventId, LockModeType.PESSIMISTIC_WRITE);
            if (event == null || event.attempts != failed.attemptsSeen || !(event.status == WeChatEvent.Status.RECEIVED
                    || event.status == WeChatEvent.Status.FAILED)) {
                return; // another node got further with it meanwhile
            }
            charge(event, Inbox.clip(failed.getMessage(), MAX_ERROR));
        });
    }

    /** One failed attempt: FAILED with backoff, or DEAD when the attempts are used up. */
    private void charge(WeChatEvent event, String error) {
        event.attempts++;
        event.lastError = error;
        if (event.attempts >= config.processor().maxAttempts()) {
            event.status = WeChatEvent.Status.DEAD;
            event.nextAttemptAt = null;
            Metrics.counter("kaquan.inbox.dead").increment();
            Log.errorf("Event %d (%s) of tenant %d is DEAD after %d attempts: %s", event.id, event.eventType,
                    event.tenantId, event.attempts, event.lastError);
        } else {
            event.status = WeChatEvent.Status.FAILED;
            event.nextAttemptAt = Instant.now().plus(backoff(event.attempts));
            Log.warnf("Event %d (%s) of tenant %d failed (attempt %d), retry at %s: %s", event.id, event.eventType,
                    event.tenantId, event.attempts, event.nextAttemptAt, event.lastError);
        }
    }

    /** retryDelay × 2^(failures − 1), at most maxRetryDelay. */
    Duration backoff(int failures) {
        Duration delay = config.processor().retryDelay().multipliedBy(1L << Math.min(20, Math.max(0, failures - 1)));
        return delay.compareTo(config.processor().maxRetryDelay()) > 0 ? config.processor().maxRetryDelay() : delay;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return root == e ? message
                : message + " (cause: " + root.getClass().getSimpleName()
                        + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }
}
