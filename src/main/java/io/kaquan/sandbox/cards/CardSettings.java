package io.kaquan.sandbox.cards;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How the cards of one account are reviewed, when it differs from kaquan.sandbox.review-delay and "pass". */
@Entity(name = "SandboxCardSettings")
@Table(name = "sbx_card_settings")
public class CardSettings extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "review_delay_seconds", nullable = false)
    public int reviewDelaySeconds;

    @Column(name = "review_pass", nullable = false)
    public boolean reviewPass = true;

    @Column(name = "refuse_reason")
    public String refuseReason;
}
