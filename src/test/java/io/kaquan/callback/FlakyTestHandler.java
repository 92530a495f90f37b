package io.kaquan.callback;

import java.time.LocalDate;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * A handler for tests only (event type kaquan_test_flaky): it writes its effect (a counter row) and then fails while
 * the event has had fewer attempts than its FailTimes field, so that tests can see the effect rolled back, retried,
 * applied once, and events going DEAD.
 */
@ApplicationScoped
public class FlakyTestHandler implements CardEventHandler {

    static final String TYPE = "kaquan_test_flaky";

    @Inject
    EntityManager em;

    @Override
    public Set<String> eventTypes() {
        return Set.of(TYPE);
    }

    @Override
    public Outcome apply(WeChatEvent event) {
        countEffect(em, event);
        int failTimes = Integer.parseInt(CallbackXmlFields.of(event).getOrDefault("FailTimes", "0"));
        if (event.attempts < failTimes) {
            throw new IllegalStateException("flaky handler fails on attempt " + (event.attempts + 1));
        }
        return Outcome.processed("flaky handler succeeded");
    }

    /** The test handlers' effect: one more in the event's counter row (card_event_count, day 2000-01-01). */
    static void countEffect(EntityManager em, WeChatEvent event) {
        em.createNativeQuery("insert into card_event_count (tenant_id, card_id, day, event_type, count) "
                + "values (?1, ?2, ?3, ?4, 1) on conflict (tenant_id, card_id, day, event_type) "
                + "do update set count = card_event_count.count + 1")
                .setParameter(1, event.tenantId).setParameter(2, event.cardId).setParameter(3, LocalDate.of(2000, 1, 1))
                .setParameter(4, event.eventType).executeUpdate();
    }
}
