package io.kaquan.sandbox.open;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.kaquan.sandbox.SandboxConfig;
import io.kaquan.sandbox.SandboxTick;
import io.kaquan.sandbox.SignedPush;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Pushes to a platform's authorization-event URL (§2.1): envelope {@code <AppId>} + {@code <Encrypt>}, encrypted
 * with the platform's EncodingAESKey and its own appid as trailer, signature and msg_signature with the platform
 * token, {@code timestamp} equal to the plaintext's CreateTime. One attempt with WeChat's 5-second timeout: WeChat
 * documents no retry for these, and a lost ticket is followed by the next one. Delivery starts after the recording
 * transaction commits. The tick pushes due tickets (every kaquan.sandbox.open-ticket-interval).
 */
@ApplicationScoped
public class PlatformPushes {

    @Inject
    SandboxConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OpenPlatforms platforms;

    /** Bounded like PushSender's: a flood of pushes waits as rows, not as tasks in memory. */
    private static final int QUEUED = 1000;

    private final ExecutorService senders = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUED), r -> {
                Thread thread = new Thread(r, "sandbox-open-push");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.AbortPolicy());
    private volatile HttpClient http;

    /** Records the push in the current transaction; it is sent once that commits. */
    OpenPush push(OpenPlatform platform, String infoType, String xml) {
        OpenPush push = new OpenPush();
        push.platformId = platform.id;
        push.infoType = infoType;
        push.body = xml;
        push.createdAt = Instant.now();
        if (platform.authEventUrl == null || platform.authEventUrl.isBlank()) {
            push.status = OpenPush.Status.FAILED;
            push.reply = "no authorization-event URL";
            push.finishedAt = push.createdAt;
            push.persist();
            return push;
        }
        push.status = OpenPush.Status.PENDING;
        push.persist();
        Long id = push.id;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        senders.execute(() -> deliver(id));
                    } catch (RejectedExecutionException e) {
                        Log.debugf("Open platform push %d not queued: the senders are full; it ends as not sent", id);
                    }
                }
            }
        });
        return push;
    }

    void pushDueTickets(@Observes SandboxTick tick) {
        if (config.enabled()) {
            platforms.pushDueTickets(20);
            endUnsent();
        }
    }

    /**
     * A push still pending well after its timeout was never sent (its node stopped after the commit, or the queue was
     * full): it ends as failed, so that the console does not show it waiting for ever. Like WeChat, a ticket push is not
     * repeated; the next one comes at its time.
     */
    private void endUnsent() {
        Instant before = Instant.now().minus(config.pushTimeout()).minusSeconds(60);
        QuarkusTransaction.requiringNew().run(() -> OpenPush.update(
                "status = ?1, reply = ?2, finishedAt = ?3 where status = ?4 and createdAt < ?5", OpenPush.Status.FAILED,
                "not sent", Instant.now(), OpenPush.Status.PENDING, before));
    }

    void stop(@Observes ShutdownEvent event) {
        senders.shutdownNow();
    }

    private void deliver(Long pushId) {
        record Target(String url, String token, String aesKey, String appid, String body, long timestamp) {
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            OpenPush push = OpenPush.findById(pushId);
            OpenPlatform platform = OpenPlatform.findById(push.platformId);
            if (platform.authEventUrl == null || platform.authEventUrl.isBlank()) {
                return null; // the URL was removed after the push was recorded
            }
            return new Target(OpenPlatforms.target(platform.authEventUrl), platform.token, platform.encodingAesKey,
                    platform.appid, push.body, createTime(push.body, push.createdAt));
        });
        if (target == null) {
            QuarkusTransaction.requiringNew().run(() -> {
                OpenPush push = OpenPush.findById(pushId);
                push.status = OpenPush.Status.FAILED;
                push.reply = "no authorization-event URL";
                push.finishedAt = Instant.now();
            });
            return;
        }
        SignedPush signed = SignedPush.sign(target.url(), target.token(), target.timestamp(), "", target.aesKey(),
                target.appid(), target.body());
        String url = signed.url();
        String body = "<xml>\n<AppId><![CDATA[" + target.appid() + "]]></AppId>\n" + signed.encryptElement() + "</xml>";
        Integer status = null;
        String reply;
        boolean delivered = false;
        try {
            HttpResponse<String> response = http().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.pushTimeout()).header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = response.statusCode();
            reply = response.body() == null ? "" : response.body();
            delivered = status / 100 == 2 && reply.strip().equals("success");
        } catch (IOException | IllegalArgumentException e) {
            reply = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = "interrupted";
        }
        Integer httpStatus = status;
        String kept = reply.length() > 64 ? reply.substring(0, 64) : reply;
        OpenPush.Status outcome = delivered ? OpenPush.Status.DELIVERED : OpenPush.Status.FAILED;
        QuarkusTransaction.requiringNew().run(() -> {
            OpenPush push = OpenPush.findById(pushId);
            push.status = outcome;
            push.httpStatus = httpStatus;
            push.reply = kept;
            push.finishedAt = Instant.now();
        });
        Log.debugf("Open platform push %d: %s %s", pushId, outcome, httpStatus);
    }

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.pushTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    private static long createTime(String xml, Instant fallback) {
        var m = java.util.regex.Pattern.compile("<CreateTime>(\\d+)</CreateTime>").matcher(xml);
        return m.find() ? Long.parseLong(m.group(1)) : fallback.getEpochSecond();
    }

    /** Starts a platform event: AppId and CreateTime. */
    static Xml xml(String componentAppid, Instant at) {
        return new Xml().text("AppId", componentAppid).number("CreateTime", at.getEpochSecond());
    }

    /** A push's plaintext XML, CDATA-wrapped texts like real pushes. */
    static final class Xml {
        private final StringBuilder xml = new StringBuilder("<xml>");

        Xml text(String name, String value) {
            xml.append('<').append(name).append("><![CDATA[").append(value == null ? "" : value).append("]]></")
                    .append(name).append(">\n");
            return this;
        }

        Xml number(String name, long value) {
            xml.append('<').append(name).append('>').append(value).append("</").append(name).append(">\n");
            return this;
        }

        String build() {
            return xml + "</xml>";
        }
    }
}
