package io.kaquan.stats;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One day of getcardcardinfo for one free coupon; cardType in datacube numbering (0 discount … 4 groupon). */
@Entity
@Table(name = "card_stats_daily")
public class CardStatsDay extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "card_id", nullable = false)
    public String cardId;

    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "cond_source", nullable = false)
    public short condSource;

    @Column(name = "card_type")
    public Integer cardType;

    @Column(name = "is_pay")
    public Integer isPay;

    @Embedded
    public Counts counts = new Counts();
}
