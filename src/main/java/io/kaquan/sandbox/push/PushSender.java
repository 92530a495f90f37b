package io.kaquan.sandbox.push;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxCallbackUrls;
import io.kaquan.sandbox.SandboxConfig;
import io.kaquan.sandbox.SandboxTick;
import io.kaquan.sandbox.SandboxUsage;
import io.kaquan.sandbox.SignedPush;
import io.kaquan.sandbox.open.OpenPlatformGate;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Pushes events to an account's callback URL the way WeChat does (§2): signature, timestamp and nonce in the query;
 * in compatible and safe modes also the AES-encrypted message, msg_signature and encrypt_type=aes; a 5-second
 * timeout; up to 3 deliveries in total when there is no answer, a timeout or a non-2xx status. Every attempt is
 * recorded; a 2xx reply other than "success" or an empty body is a failure (and, like WeChat, not retried).
 *
 * <p>
 * {@link #push(SandboxAccount, String)} only writes the push row in the caller's transaction; delivery starts
 * after that transaction commits (or at once without one), on a bounded pool of sender threads. Retries and pushes
 * left behind by a stopped node are picked up by the tick of any node, which claims due rows with
 * {@code FOR UPDATE SKIP LOCKED} and holds them with a lease. Long because recording, claiming, sending and retrying
 * are one delivery protocol over one table.
 */
@ApplicationScoped
public class PushSender {

    private static final int MAX_STORED = 8000;
    /** Of a reply only a short prefix is kept: enough to tell "success" from an error page, too little to leak one. */
    private static final int MAX_REPLY_STORED = 64;

    @Inject
    SandboxConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    @Inject
    SandboxUsage usage;

    @Inject
    Event<SandboxTick> ticks;

    private ThreadPoolExecutor senders;
    private ScheduledExecutorService ticker;
    private HttpClient http;
    private final AtomicInteger tickCount = new AtomicInteger();

    /** What a sender thread needs to deliver one attempt, read when the push was claimed. */
    record Claim(Long pushId, int attempt, String body, String callbackUrl, String callbackToken, String aesKey,
            String appid, String originalId, SandboxAccount.MessageMode mode) {
    }

    /** The result of one attempt. */
    record Delivery(String url, String request, SandboxPushAttempt.Outcome outcome, Integer httpStatus, String reply,
            String error, int latencyMs, Instant startedAt) {
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        int threads = Math.max(1, config.pushThreads());
        AtomicInteger n = new AtomicInteger();
        // Bounded: a full queue refuses work, and the refused pushes stay in the database for the next tick.
        senders = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(200),
                r -> daemon(r, "sandbox-push-" + n.incrementAndGet()), new ThreadPoolExecutor.AbortPolicy());
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.pushTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sandbox-tick"));
        long interval = Math.max(100, config.tickInterval().toMillis());
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    /**
     * Pushes an event (plaintext XML, see {@link SandboxEvents}) to the account's callback. Inside a transaction the
     * push is delivered only if and after it commits. Honours the "drop pushes" and "duplicate pushes" faults.
     */
    public void push(SandboxAccount account, String eventXml) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            List<Long> ids = record(account.id, eventXml);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        deliverSoon(ids);
                    }
                }
            });
        } else {
            deliverSoon(QuarkusTransaction.requiringNew().call(() -> record(account.id, eventXml)));
        }
    }

    private List<Long> record(Long accountId, String eventXml) {
        SandboxAccount account = SandboxAccount.findById(accountId);
        Instant now = Instant.now();
        List<Long> ids = new ArrayList<>();
        if (account.faultDropPushes) {
            newPush(account, eventXml, SandboxPush.Status.DROPPED, now, "dropped by the fault switch");
            return ids;
        }
        if ((account.callbackUrl == null || account.callbackUrl.isBlank())
                && OpenPlatformGate.messageRoute(account.id, account.appid).isEmpty()) {
            newPush(account, eventXml, SandboxPush.Status.FAILED, now, "no callback URL");
            return ids;
        }
        int copies = account.faultDuplicatePushes ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            ids.add(newPush(account, eventXml, SandboxPush.Status.PENDING, now, null).id);
        }
        return ids;
    }

    private static SandboxPush newPush(SandboxAccount account, String xml, SandboxPush.Status status, Instant now,
            String reason) {
        SandboxPush push = new SandboxPush();
        push.accountId = account.id;
        push.eventType = SandboxEvents.eventType(xml);
        push.body = xml;
        push.status = status;
        push.createdAt = now;
        if (status == SandboxPush.Status.PENDING) {
            push.nextAttemptAt = now;
        } else {
            push.finishedAt = now;
            push.reply = reason;
        }
        push.persist();
        return push;
    }

    private void deliverSoon(List<Long> ids) {
        if (senders == null) {
            return;
        }
        for (Long id : ids) {
            try {
                senders.execute(() -> {
                    Claim claim = QuarkusTransaction.requiringNew().call(() -> claimById(id));
                    if (claim != null) {
                        deliver(claim);
                    }
                });
            } catch (RejectedExecutionException e) {
                Log.debugf("Sender pool full; push %d waits for the next tick", id);
            }
        }
    }

    // Claiming: a row lock taken with SKIP LOCKED, turned into a lease so that the HTTP call runs without one.

    private Claim claimById(Long id) {
        List<?> rows = em.createNativeQuery("select id from sbx_push where id = ?1 and status = 'PENDING' "
                + "and next_attempt_at <= ?2 for update skip locked").setParameter(1, id)
                .setParameter(2, Instant.now()).getResultList();
        return rows.isEmpty() ? null : lease(id);
    }

    private List<Claim> claimDue(int max) {
        Instant now = Instant.now();
        List<?> rows = em.createNativeQuery("select id from sbx_push where (status = 'PENDING' and next_attempt_at <= ?1) "
                + "or (status = 'SENDING' and lease_until < ?1) order by next_attempt_at limit ?2 for update skip locked")
                .setParameter(1, now).setParameter(2, max).getResultList();
        return rows.stream().map(id -> lease(((Number) id).longValue())).filter(Objects::nonNull).toList();
    }

    /** The push leased for sending; null when it has nowhere to go any more (it is then finished as failed). */
    private Claim lease(Long id) {
        SandboxPush push = em.find(SandboxPush.class, id);
        SandboxAccount account = SandboxAccount.findById(push.accountId);
        var platform = OpenPlatformGate.messageRoute(account.id, account.appid);
        if (platform.isEmpty() && (account.callbackUrl == null || account.callbackUrl.isBlank())) {
            // e.g. the platform's authorization was revoked after the push was recorded: never retried for ever
            push.status = SandboxPush.Status.FAILED;
            push.finishedAt = Instant.now();
            push.reply = "no callback URL";
            return null;
        }
        push.status = SandboxPush.Status.SENDING;
        push.attempts++;
        push.leaseUntil = Instant.now().plus(config.pushTimeout()).plusSeconds(30);
        if (platform.isPresent()) {
            // An authorizer's events go to its platform: the platform's URL and key, always encrypted (§6.1).
            var route = platform.get();
            return new Claim(push.id, push.attempts, push.body, route.url(), route.token(), route.encodingAesKey(),
                    route.componentAppid(), account.originalId, SandboxAccount.MessageMode.SAFE);
        }
        return new Claim(push.id, push.attempts, push.body, account.callbackUrl, account.callbackToken,
                account.encodingAesKey, account.appid, account.originalId, account.messageMode);
    }

    // Delivering

    void deliver(Claim claim) {
        Delivery delivery = send(claim);
        QuarkusTransaction.requiringNew().run(() -> finish(claim, delivery));
    }

    private Delivery send(Claim claim) {
        Instant startedAt = Instant.now();
        String openid = SandboxEvents.fromUser(claim.body());
        SignedPush signed = SignedPush.sign(SandboxCallbackUrls.target(claim.callbackUrl()), claim.callbackToken(),
                startedAt.getEpochSecond(),
                openid == null || openid.isEmpty() ? "" : "&openid=" + URLEncoder.encode(openid, StandardCharsets.UTF_8),
                claim.mode() == SandboxAccount.MessageMode.PLAIN ? null : claim.aesKey(), claim.appid(), claim.body());
        String url = signed.url();
        String body = claim.body();
        if (signed.encryptElement() != null) {
            String element = signed.encryptElement();
            body = claim.mode() == SandboxAccount.MessageMode.SAFE
                    ? "<xml>\n<ToUserName><![CDATA[" + claim.originalId() + "]]></ToUserName>\n" + element + "</xml>"
                    // Compatible mode: the plaintext fields and Encrypt side by side.
                    : withElement(claim.body(), element);
        }
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.pushTimeout())
                    .header("Content-Type", "text/xml").header("User-Agent", "Mozilla/4.0")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int latency = millisSince(start);
            String reply = response.body() == null ? "" : response.body();
            SandboxPushAttempt.Outcome outcome;
            if (response.statusCode() / 100 != 2) {
                outcome = SandboxPushAttempt.Outcome.HTTP_ERROR;
            } else if (reply.isBlank() || reply.strip().equals("success")) {
                outcome = SandboxPushAttempt.Outcome.OK;
            } else {
                outcome = SandboxPushAttempt.Outcome.BAD_REPLY;
            }
            return new Delivery(url, body, outcome, response.statusCode(), reply, null, latency, startedAt);
        } catch (HttpTimeoutException e) {
            return new Delivery(url, body, SandboxPushAttempt.Outcome.TIMEOUT, null, null,
                    "no answer within " + config.pushTimeout().toMillis() + " ms", millisSince(start), startedAt);
        } catch (IOException | IllegalArgumentException e) {
            return new Delivery(url, body, SandboxPushAttempt.Outcome.NO_ANSWER, null, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    millisSince(start), startedAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(url, body, SandboxPushAttempt.Outcome.NO_ANSWER, null, null,
                    "interrupted", millisSince(start), startedAt);
        }
    }

    private void finish(Claim claim, Delivery delivery) {
        Instant now = Instant.now();
        SandboxPush push = em.find(SandboxPush.class, claim.pushId(), LockModeType.PESSIMISTIC_WRITE);
        if (push == null) {
            return;
        }
        SandboxPushAttempt attempt = new SandboxPushAttempt();
        attempt.pushId = push.id;
        attempt.attempt = claim.attempt();
        attempt.url = delivery.url();
        attempt.request = clip(delivery.request());
        attempt.outcome = delivery.outcome();
        attempt.httpStatus = delivery.httpStatus();
        attempt.reply = clipReply(delivery.reply());
        attempt.error = delivery.error();
        attempt.latencyMs = delivery.latencyMs();
        attempt.startedAt = delivery.startedAt();
        boolean stillOurs = push.status == SandboxPush.Status.SENDING && push.attempts == claim.attempt();
        if (stillOurs) {
            push.httpStatus = delivery.httpStatus();
            push.reply = delivery.error() != null ? delivery.error() : clipReply(delivery.reply());
            push.latencyMs = delivery.latencyMs();
            push.leaseUntil = null;
            switch (delivery.outcome()) {
                case OK -> done(push, SandboxPush.Status.DELIVERED, now);
                case BAD_REPLY -> done(push, SandboxPush.Status.FAILED, now);
                default -> {
                    if (push.attempts < config.pushAttempts()) {
                        push.status = SandboxPush.Status.PENDING;
                        push.nextAttemptAt = now.plus(config.pushRetryDelay());
                        attempt.nextRetryAt = push.nextAttemptAt;
                    } else {
                        done(push, SandboxPush.Status.FAILED, now);
                    }
                }
            }
        }
        attempt.persist();
        Log.debugf("Push %d attempt %d: %s %s in %d ms", push.id, claim.attempt(), delivery.outcome(),
                delivery.httpStatus(), delivery.latencyMs());
    }

    private static void done(SandboxPush push, SandboxPush.Status status, Instant now) {
        push.status = status;
        push.finishedAt = now;
        push.nextAttemptAt = null;
    }

    // The tick: due retries, expired leases, the SandboxTick event, housekeeping

    void tick() {
        try {
            int room = senders.getMaximumPoolSize() * 2 - senders.getQueue().size() - senders.getActiveCount();
            if (room > 0) {
                for (Claim claim : QuarkusTransaction.requiringNew().call(() -> claimDue(room))) {
                    try {
                        senders.execute(() -> deliver(claim));
                    } catch (RejectedExecutionException e) {
                        // Its lease runs out and a later tick takes it again.
                    }
                }
            }
            if (tickCount.incrementAndGet() % 60 == 0) {
                QuarkusTransaction.requiringNew().run(usage::forgetOldMinutes);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Sandbox push tick failed");
        }
        try {
            ticks.fire(new SandboxTick(Instant.now()));
        } catch (RuntimeException e) {
            // An observer's failure must not stop the pushes.
            Log.warnf(e, "A SandboxTick observer failed");
        }
    }

    private static String withElement(String xml, String element) {
        int end = xml.lastIndexOf("</xml>");
        return end < 0 ? xml + element : xml.substring(0, end) + element + xml.substring(end);
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_STORED ? text : text.substring(0, MAX_STORED);
    }

    private static String clipReply(String text) {
        return text == null || text.length() <= MAX_REPLY_STORED ? text : text.substring(0, MAX_REPLY_STORED);
    }

    private static int millisSince(long startNanos) {
        return (int) Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
