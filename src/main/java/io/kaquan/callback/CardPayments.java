package io.kaquan.callback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.kaquan.tenant.CurrentTenant;

/**
 * The payments made through a card's pay cell (买单), as WeChat pushed them (user_pay_from_pay_cell, applied once each
 * by {@link CodeEvents}): the latest ones and the totals. Amounts are fen from WeChat, summed exactly and shown in yuan.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CardPayments {

    /** The newest payments shown on a card page; the totals count them all. */
    static final int LATEST = 50;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    EntityManager em;

    /** One payment; an amount WeChat sent as no number is null (shown as unknown, left out of the totals). */
    public record Payment(Instant paidAt, String code, String transId, long locationId, Long fee, Long originalFee) {

        public BigDecimal paid() {
            return yuan(fee);
        }

        public BigDecimal original() {
            return yuan(originalFee);
        }

        /** What the card took off (original − paid), when both are known. */
        public BigDecimal saved() {
            return fee == null || originalFee == null ? null : yuan(originalFee - fee);
        }
    }

    /** All payments of the card: how many, and the sums of what was paid, what was due and what the card took off. */
    public record Totals(long count, long feeFen, long originalFeeFen, long savedFen) {

        public BigDecimal paid() {
            return yuan(feeFen);
        }

        public BigDecimal original() {
            return yuan(originalFeeFen);
        }

        public BigDecimal saved() {
            return yuan(savedFen);
        }
    }

    public record View(String cardId, Totals totals, List<Payment> latest) {

        public boolean more() {
            return totals.count() > latest.size();
        }
    }

    public View of(String cardId) {
        Object[] sums = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(fee), 0), "
                + "coalesce(sum(original_fee), 0), coalesce(sum(original_fee - fee), 0) from card_payment "
                + "where tenant_id = ?1 and card_id = ?2").setParameter(1, currentTenant.id())
                .setParameter(2, cardId).getSingleResult();
        Totals totals = new Totals(number(sums[0]), number(sums[1]), number(sums[2]), number(sums[3]));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select paid_at, code, trans_id, location_id, fee, original_fee "
                + "from card_payment where tenant_id = ?1 and card_id = ?2 order by paid_at desc, id desc limit ?3")
                .setParameter(1, currentTenant.id()).setParameter(2, cardId).setParameter(3, LATEST).getResultList();
        List<Payment> latest = rows.stream().map(row -> new Payment(instant(row[0]), (String) row[1], (String) row[2],
                number(row[3]), row[4] == null ? null : number(row[4]), row[5] == null ? null : number(row[5])))
                .toList();
        return new View(cardId, totals, latest);
    }

    static BigDecimal yuan(Long fen) {
        return fen == null ? null : BigDecimal.valueOf(fen).movePointLeft(2).setScale(2);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
