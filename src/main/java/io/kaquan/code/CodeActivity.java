package io.kaquan.code;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.kaquan.web.TimeTexts;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Codes received and redeemed per Beijing day, live from the code mirror (kept by WeChat's pushes and our own
 * redemptions), unlike WeChat's statistics which arrive the next day. Each count is one range scan of V25's indexes.
 */
@ApplicationScoped
public class CodeActivity {

    /** Receipts and redemptions of one day. */
    public record Day(LocalDate day, long received, long consumed) {
    }

    /** Today and yesterday, and whether a code was ever received or redeemed (the first-run checklist). */
    public record Recent(Day today, Day yesterday, boolean everReceived, boolean everConsumed) {
    }

    @Inject
    EntityManager em;

    /**
     * Today's receipts and redemptions of each of the given accounts (Beijing time), in one grouped read over the
     * partial indexes; accounts without any are absent.
     */
    public Map<Long, Day> todayByTenant(Collection<Long> tenantIds) {
        LocalDate today = LocalDate.now(TimeTexts.SHANGHAI);
        Map<Long, Day> days = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return days;
        }
        Instant from = today.atStartOfDay(TimeTexts.SHANGHAI).toInstant();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select tenant_id, sum(received), sum(consumed) from (
                        select tenant_id, count(*) as received, 0 as consumed from card_code
                        where tenant_id = any(?1) and received_at >= ?2 group by tenant_id
                        union all
                        select tenant_id, 0, count(*) from card_code
                        where tenant_id = any(?1) and consumed_at >= ?2 group by tenant_id) d
                    group by tenant_id""").setParameter(1, tenantIds.toArray(Long[]::new))
                    .setParameter(2, from).getResultList();
            for (Object[] row : rows) {
                days.put(((Number) row[0]).longValue(),
                        new Day(today, ((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
            }
        });
        return days;
    }

    public Recent recent(long tenantId) {
        LocalDate today = LocalDate.now(TimeTexts.SHANGHAI);
        return QuarkusTransaction.requiringNew().call(() -> {
            Day todays = day(tenantId, today);
            Day yesterdays = day(tenantId, today.minusDays(1));
            return new Recent(todays, yesterdays,
                    todays.received() + yesterdays.received() > 0 || exists(tenantId, "received_at"),
                    todays.consumed() + yesterdays.consumed() > 0 || exists(tenantId, "consumed_at"));
        });
    }

    private Day day(long tenantId, LocalDate day) {
        Instant from = day.atStartOfDay(TimeTexts.SHANGHAI).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(TimeTexts.SHANGHAI).toInstant();
        return new Day(day, count(tenantId, "received_at", from, to), count(tenantId, "consumed_at", from, to));
    }

    private long count(long tenantId, String column, Instant from, Instant to) {
        return ((Number) em.createNativeQuery("select count(*) from card_code where tenant_id = ?1 and " + column
                + " >= ?2 and " + column + " < ?3").setParameter(1, tenantId).setParameter(2, from)
                .setParameter(3, to).getSingleResult()).longValue();
    }

    private boolean exists(long tenantId, String column) {
        return !em.createNativeQuery("select 1 from card_code where tenant_id = ?1 and " + column
                + " is not null limit 1").setParameter(1, tenantId).getResultList().isEmpty();
    }
}
