package io.kaquan.callback;

import java.time.LocalDate;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import io.kaquan.wechat.WeChatTime;

/**
 * user_view_card and user_enter_session_from_card: counted per tenant, card and day (Asia/Shanghai), each event once
 * (card_event_seen). The counts show on the event log filtered by card ({@link EventLog#viewCounts}).
 */
@ApplicationScoped
public class CardViewCounter implements CardEventHandler {

    static final Set<String> TYPES = Set.of("user_view_card", "user_enter_session_from_card");

    @Inject
    EntityManager em;

    @Override
    public Set<String> eventTypes() {
        return TYPES;
    }

    @Override
    public Outcome apply(WeChatEvent event) {
        if (event.cardId == null) {
            return Outcome.ignored("no CardId");
        }
        // Once per event: the first application remembers the event id, any later one finds it and adds nothing.
        // The tables each statement writes (query spaces): without them Hibernate treats a native write as touching
        // every entity and walks them all per statement, the processor's hottest path in a profile.
        int first = em.createNativeQuery("insert into card_event_seen (event_id) values (?1) on conflict do nothing")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("card_event_seen")
                .setParameter(1, event.id).executeUpdate();
        if (first == 0) {
            return Outcome.processed("already counted");
        }
        LocalDate day = (event.createTime > 0 ? event.createdAt() : event.receivedAt).atZone(WeChatTime.ZONE)
                .toLocalDate();
        em.createNativeQuery("insert into card_event_count (tenant_id, card_id, day, event_type, count) "
                + "values (?1, ?2, ?3, ?4, 1) on conflict (tenant_id, card_id, day, event_type) "
                + "do update set count = card_event_count.count + 1")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("card_event_count")
                .setParameter(1, event.tenantId).setParameter(2, event.cardId).setParameter(3, day)
                .setParameter(4, event.eventType).executeUpdate();
        return Outcome.processed("counted for " + event.cardId + " on " + day);
    }
}
