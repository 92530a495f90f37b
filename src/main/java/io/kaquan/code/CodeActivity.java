package io.kaquan.code;

import java.time.Instant;
import java.time.LocalDate;

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
