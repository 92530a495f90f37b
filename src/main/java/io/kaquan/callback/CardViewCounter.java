package io.kaquan.callback;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

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

    /** One event: as a batch of one ({@link #applyAll}). */
    @Override
    public Outcome apply(WeChatEvent event) {
        return applyAll(List.of(event)).get(0);
    }

    /** Counts commute: a batch's view events are counted together. */
    @Override
    public boolean appliesTogether() {
        return true;
    }

    /**
     * Two statements for the whole batch (views are the most frequent pushes): the events seen for the first time, then
     * their counts added up per row. Once per event: the first application remembers the event id, any later one finds
     * it and adds nothing. Plain JDBC on the transaction's connection: a native write through Hibernate, unless told its
     * tables, makes it treat every entity it knows as touched.
     */
    @Override
    public List<Outcome> applyAll(List<WeChatEvent> events) {
        List<WeChatEvent> withCard = events.stream().filter(event -> event.cardId != null).toList();
        Set<Long> first = withCard.isEmpty() ? Set.of() : firstSeen(withCard);
        // Sorted, so that every node locks the count rows in the same order.
        Map<Count, Integer> counts = new TreeMap<>(Count.ORDER);
        for (WeChatEvent event : withCard) {
            if (first.contains(event.id)) {
                counts.merge(new Count(event.tenantId, event.cardId, day(event), event.eventType), 1, Integer::sum);
            }
        }
        if (!counts.isEmpty()) {
            add(counts);
        }
        return events.stream().map(event -> event.cardId == null ? Outcome.ignored("no CardId")
                : first.contains(event.id) ? counted(event, day(event)) : Outcome.processed("already counted")).toList();
    }

    /** One row of card_event_count. */
    private record Count(long tenantId, String cardId, LocalDate day, String eventType) {
        static final Comparator<Count> ORDER = Comparator.comparingLong(Count::tenantId).thenComparing(Count::cardId)
                .thenComparing(Count::day).thenComparing(Count::eventType);
    }

    private Set<Long> firstSeen(List<WeChatEvent> events) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into card_event_seen (event_id) "
                    + "select unnest(?::bigint[]) on conflict do nothing returning event_id")) {
                insert.setArray(1, connection.createArrayOf("bigint", events.stream().map(e -> e.id).toArray()));
                Set<Long> first = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        first.add(rows.getLong(1));
                    }
                }
                return first;
            }
        });
    }

    private void add(Map<Count, Integer> counts) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("insert into card_event_count "
                    + "(tenant_id, card_id, day, event_type, count) "
                    + "select * from unnest(?::bigint[], ?::text[], ?::date[], ?::text[], ?::integer[]) "
                    + "on conflict (tenant_id, card_id, day, event_type) "
                    + "do update set count = card_event_count.count + excluded.count")) {
                List<Count> rows = List.copyOf(counts.keySet());
                upsert.setArray(1, connection.createArrayOf("bigint", rows.stream().map(Count::tenantId).toArray()));
                upsert.setArray(2, connection.createArrayOf("text", rows.stream().map(Count::cardId).toArray()));
                upsert.setArray(3, connection.createArrayOf("text", rows.stream().map(c -> c.day().toString()).toArray()));
                upsert.setArray(4, connection.createArrayOf("text", rows.stream().map(Count::eventType).toArray()));
                upsert.setArray(5, connection.createArrayOf("integer", rows.stream().map(counts::get).toArray()));
                upsert.executeUpdate();
            }
        });
    }

    /** The day the view happened, in WeChat's zone (the push's CreateTime, else when we received it). */
    private static LocalDate day(WeChatEvent event) {
        return (event.createTime > 0 ? event.createdAt() : event.receivedAt).atZone(WeChatTime.ZONE).toLocalDate();
    }

    private static Outcome counted(WeChatEvent event, LocalDate day) {
        return Outcome.processed("counted for " + event.cardId + " on " + day);
    }
}
