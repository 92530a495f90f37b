package io.kaquan.card;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.kaquan.wechat.CardStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The tenant's cards that need the merchant: in review, refused (with WeChat's reason), running out, expiring soon.
 * Read from the mirror for the overview, each list short and on an index starting with tenant_id.
 */
@ApplicationScoped
public class CardAttention {

    /** How many cards of each kind the overview lists; the card list shows the rest. */
    public static final int SHOWN = 10;

    /** A card with what makes it worth a look. */
    public record Item(String cardId, String title, CardStatus status, String refusalReason, Integer quantity,
            Integer totalQuantity, Instant endsAt) {

        /** Remaining stock as a whole percentage of the total (0 when the total is unknown). */
        public int remainingPercent() {
            return totalQuantity == null || totalQuantity <= 0 || quantity == null ? 0
                    : (int) Math.floor(quantity * 100.0 / totalQuantity);
        }
    }

    /** What the overview shows of the cards, plus whether the tenant has any card at all (the first-run checklist). */
    public record Summary(List<Item> inReview, List<Item> refused, List<Item> lowStock, List<Item> expiring,
            boolean anyCard) {
    }

    /** How many cards of an account need a look, for the cross-account overview. */
    public record Counts(long inReview, long refused, long lowStock) {

        public static final Counts NONE = new Counts(0, 0, 0);

        public long total() {
            return inReview + refused + lowStock;
        }
    }

    @Inject
    EntityManager em;

    /**
     * The counts of each of the given accounts in one grouped read (accounts without any such card are absent).
     *
     * @param lowStockPercent a card is low below this share of its total stock
     */
    public Map<Long, Counts> countsByTenant(Collection<Long> tenantIds, int lowStockPercent) {
        Map<Long, Counts> counts = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return counts;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select tenant_id,
                           count(*) filter (where status = 'NOT_VERIFY'),
                           count(*) filter (where status = 'VERIFY_FAIL'),
                           count(*) filter (where status in ('VERIFY_OK', 'DISPATCH') and total_quantity > 0
                                            and quantity is not null
                                            and quantity::bigint * 100 < total_quantity::bigint * ?2)
                    from card where tenant_id = any(?1)
                    group by tenant_id""").setParameter(1, tenantIds.toArray(Long[]::new))
                    .setParameter(2, lowStockPercent).getResultList();
            for (Object[] row : rows) {
                Counts c = new Counts(((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                        ((Number) row[3]).longValue());
                if (c.total() > 0) {
                    counts.put(((Number) row[0]).longValue(), c);
                }
            }
        });
        return counts;
    }

    /**
     * @param lowStockPercent a card is low below this share of its total stock
     * @param expiringWithin a card with a fixed end date this close is expiring soon
     */
    public Summary summary(long tenantId, int lowStockPercent, Duration expiringWithin) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> new Summary(
                byStatus(tenantId, CardStatus.NOT_VERIFY),
                byStatus(tenantId, CardStatus.VERIFY_FAIL),
                lowStock(tenantId, lowStockPercent),
                expiring(tenantId, now, now.plus(expiringWithin)),
                !em.createNativeQuery("select 1 from card where tenant_id = ?1 limit 1").setParameter(1, tenantId)
                        .getResultList().isEmpty()));
    }

    private List<Item> byStatus(long tenantId, CardStatus status) {
        return items(Card.find("tenantId = ?1 and status = ?2 order by createdAt desc", tenantId, status)
                .page(0, SHOWN).list(), null);
    }

    private List<Item> lowStock(long tenantId, int percent) {
        // Cards that can still be handed out; quantity * 100 < total * percent keeps the arithmetic exact (in bigint:
        // stock goes up to 100,000,000, and times 100 leaves integer range).
        return items(Card.find("tenantId = ?1 and status in ?2 and totalQuantity > 0 and quantity is not null"
                + " and cast(quantity as long) * 100 < cast(totalQuantity as long) * ?3 order by quantity asc, id asc",
                tenantId,
                List.of(CardStatus.VERIFY_OK, CardStatus.DISPATCH), percent).page(0, SHOWN).list(), null);
    }

    @SuppressWarnings("unchecked")
    private List<Item> expiring(long tenantId, Instant now, Instant until) {
        // A fixed range's end_timestamp, from the last card/get answer (DATE_TYPE_FIX_TERM cards do not expire as a
        // whole); only cards that can still be handed out.
        List<Object[]> rows = em.createNativeQuery("""
                select card_id, ends from (
                    select card_id, to_timestamp((detail_json -> lower(card_type) -> 'base_info' -> 'date_info'
                               ->> 'end_timestamp')::bigint) as ends
                    from card
                    where tenant_id = ?1 and status in ('VERIFY_OK', 'DISPATCH')
                      and jsonb_typeof(detail_json -> lower(card_type) -> 'base_info' -> 'date_info'
                               -> 'end_timestamp') = 'number') c
                where ends > ?2 and ends <= ?3
                order by ends limit ?4""")
                .setParameter(1, tenantId).setParameter(2, now).setParameter(3, until).setParameter(4, SHOWN)
                .getResultList();
        return rows.stream().map(row -> {
            Card card = Card.of(tenantId, (String) row[0]).orElseThrow();
            return item(card, toInstant(row[1]));
        }).toList();
    }

    private static List<Item> items(List<Card> cards, Instant endsAt) {
        return cards.stream().map(card -> item(card, endsAt)).toList();
    }

    private static Item item(Card card, Instant endsAt) {
        return new Item(card.cardId, card.title, card.status, card.refusalReason, card.quantity, card.totalQuantity,
                endsAt);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return null;
    }
}
