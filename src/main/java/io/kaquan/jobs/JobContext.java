package io.kaquan.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import io.kaquan.wechat.WeChatTime;

/** One run of a {@link TenantJob} for one tenant. */
public final class JobContext {

    private final long tenantId;
    private final Instant dueAt;
    private final boolean manual;
    private final LocalDate today;
    private final AtomicInteger calls = new AtomicInteger();

    JobContext(long tenantId, Instant dueAt, boolean manual) {
        this.tenantId = tenantId;
        this.dueAt = dueAt;
        this.manual = manual;
        this.today = LocalDate.now(WeChatTime.ZONE);
    }

    public long tenantId() {
        return tenantId;
    }

    /** Today in Asia/Shanghai (WeChat's day), at the start of the run. */
    public LocalDate today() {
        return today;
    }

    /** When the run was due; the click time of a manual run. */
    public Instant dueAt() {
        return dueAt;
    }

    /** Started by a user ("sync now"). */
    public boolean manual() {
        return manual;
    }

    /** Counts WeChat calls as they go out, so that a run that throws still records them. */
    public void addCalls(int n) {
        calls.addAndGet(n);
    }

    public int calls() {
        return calls.get();
    }
}
