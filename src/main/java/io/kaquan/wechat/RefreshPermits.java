package io.kaquan.wechat;

import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bounds the token refreshes in flight in this JVM. A refresh holds a database connection (its advisory lock) while it
 * waits for WeChat; without a bound, many tenants refreshing at once (a restart under traffic) would take every
 * connection of the pool, and everything else, the refreshes' own bookkeeping included, would wait for one.
 */
@ApplicationScoped
class RefreshPermits {

    @Inject
    WeChatConfig config;

    private volatile Semaphore permits;

    void acquire() {
        try {
            semaphore().acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to refresh a token", e);
        }
    }

    void release() {
        semaphore().release();
    }

    private Semaphore semaphore() {
        Semaphore semaphore = permits;
        if (semaphore == null) {
            synchronized (this) {
                if (permits == null) {
                    permits = new Semaphore(Math.max(1, config.concurrentRefreshes()), true);
                }
                semaphore = permits;
            }
        }
        return semaphore;
    }
}
