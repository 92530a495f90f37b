package io.kaquan.code;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kaquan.wechat.UserCardStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One lookup of a code at the counter, as WeChat answered it; listed as "recent lookups". */
@Entity
@Table(name = "code_lookup")
public class CodeLookup extends PanacheEntityBase {

    /** The outcome of a lookup that WeChat refused: ERR_ and the errcode. */
    static final String ERROR_PREFIX = "ERR_";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "actor_id")
    public Long actorId;

    @Column(nullable = false)
    public String who;

    @Column(nullable = false)
    public String code;

    @Column(name = "card_id")
    public String cardId;

    @Column(name = "check_consume", nullable = false)
    public boolean checkConsume;

    /** A user_card_status name, or ERR_ and WeChat's errcode. */
    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public Instant at;

    public static List<CodeLookup> recent(long tenantId, int count) {
        return find("tenantId = ?1 order by at desc, id desc", tenantId).page(0, count).list();
    }

    public boolean refused() {
        return outcome.startsWith(ERROR_PREFIX);
    }

    /** WeChat's errcode of a refused lookup. */
    public String errcode() {
        return refused() ? outcome.substring(ERROR_PREFIX.length()) : null;
    }

    /** The status WeChat answered; null for a refused lookup. */
    public UserCardStatus status() {
        return refused() ? null : UserCardStatus.of(outcome);
    }
}
