package io.kaquan.sandbox.stats;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kaquan.sandbox.cards.CardIds;
import io.kaquan.sandbox.cards.CardTemplate;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One thing a simulated user did with a card; the datacube APIs count them per day (Asia/Shanghai). */
@Entity(name = "SandboxStatsEvent")
@Table(name = "sbx_stats_event")
public class StatsEvent extends PanacheEntityBase {

    public enum Kind {
        VIEW,
        RECEIVE,
        VERIFY,
        GIVEN,
        EXPIRE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "card_pk", nullable = false)
    public Long cardPk;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String openid;

    @Column(name = "ref_date", nullable = false)
    public LocalDate refDate;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static void record(CardTemplate card, Kind kind, String openid, Instant at) {
        StatsEvent event = new StatsEvent();
        event.accountId = card.accountId;
        event.cardPk = card.id;
        event.kind = kind;
        event.openid = openid;
        event.occurredAt = at;
        event.refDate = LocalDate.ofInstant(at, CardIds.SHANGHAI);
        event.persist();
    }
}
