package io.kaquan.wechat;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;

/**
 * One WeChat call on the wire: send, read the JSON answer, and send again after -1 (system busy) or no answer, with a
 * growing pause, but only for calls that are safe to repeat. A call that is not repeatable is sent exactly once: if
 * its outcome is unknown, the caller finds out by reading WeChat's state, never by sending it blindly again.
 */
@ApplicationScoped
class WeChatWire {

    @Inject
    WeChatConfig config;

    /**
     * @param counter told the errcode of every attempt (-1 also for no answer), to count calls
     * @return WeChat's answer, whatever its errcode (-1 only after the last attempt)
     * @throws WeChatException UNREACHABLE or NO_ANSWER after the last attempt
     */
    JsonNode exchange(WeChatApi api, URI base, IntConsumer counter, Supplier<RestResponse<byte[]>> send) {
        int attempts = api.repeatable() ? Math.max(1, config.safeAttempts()) : 1;
        for (int attempt = 1;; attempt++) {
            boolean last = attempt >= attempts;
            try {
                JsonNode reply = once(api, base, send);
                int errcode = WeChatJson.errcode(reply);
                counter.accept(errcode);
                if (errcode != -1 || last) {
                    return reply;
                }
                Log.debugf("%s answered -1, attempt %d of %d", api.path(), attempt, attempts);
            } catch (WeChatException e) {
                counter.accept(WeChatException.NO_ERRCODE);
                if (last) {
                    throw e;
                }
                Log.debugf("%s: %s, attempt %d of %d", api.path(), e.getMessage(), attempt, attempts);
            }
            pause(attempt);
        }
    }

    private static JsonNode once(WeChatApi api, URI base, Supplier<RestResponse<byte[]>> send) {
        RestResponse<byte[]> response;
        try {
            response = send.get();
        } catch (Exception e) { // also a checked exception a client may throw sneakily
            if (neverSent(e)) {
                throw WeChatException.unreachable(api, base.getHost(), e);
            }
            throw WeChatException.noAnswer(api, base.getHost(), e.getClass().getSimpleName(), e);
        }
        if (response.getStatus() != 200) {
            throw WeChatException.noAnswer(api, base.getHost(), "HTTP " + response.getStatus(), null);
        }
        JsonNode reply = WeChatJson.read(response.getEntity());
        if (reply == null) {
            throw WeChatException.noAnswer(api, base.getHost(), "an answer that is not JSON", null);
        }
        return reply;
    }

    /** The connection never opened, so WeChat cannot have done anything. */
    private static boolean neverSent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(config.retryBackoff().toMillis() << Math.min(attempt - 1, 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to call WeChat again", e);
        }
    }
}
