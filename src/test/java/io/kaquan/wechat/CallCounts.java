package io.kaquan.wechat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Kaquan's api_usage as tests must read it. Calls are counted in memory and added to the table in batches (every
 * kaquan.wechat.usage-flush-interval); reading the table without storing this node's counts first sees some calls
 * made before the read and not others. {@link #today(long)} stores them first (waiting for a batch under way), so a
 * "before" snapshot includes every call that returned before it.
 */
public final class CallCounts {

    private CallCounts() {
    }

    /** Adds this node's pending counts to api_usage now; returns when every call counted so far is in the table. */
    public static void flush() {
        Arc.container().instance(ApiQuotas.class).get().flush();
    }

    /** The tenant's calls today per API path, after {@link #flush()}. */
    public static Map<String, Integer> today(long tenantId) {
        flush();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ApiUsage> rows = ApiUsage.ofDay(tenantId, ApiUsage.today());
            Map<String, Integer> usage = new TreeMap<>();
            rows.forEach(row -> usage.put(row.api, row.calls));
            return usage;
        });
    }
}
