package io.kaquan.distribution;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kaquan.wechat.CallState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** At most 100 imported codes, recorded before card/code/deposit is sent; settled by its answer or by checkcode. */
@Entity
@Table(name = "code_deposit_batch")
public class DepositBatch extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(name = "card_id", nullable = false)
    public String cardId;

    /** One per line, as sent. */
    @Column(nullable = false)
    public String codes;

    @Column(nullable = false)
    public int size;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallState state;

    public Integer deposited;

    public Integer duplicates;

    public Integer failed;

    public Integer errcode;

    @Column(nullable = false)
    public String who;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "settled_at")
    public Instant settledAt;

    public List<String> codeList() {
        return Arrays.asList(codes.split("\n"));
    }

    public static List<DepositBatch> recentOf(long tenantId, String cardId, int limit) {
        return find("tenantId = ?1 and cardId = ?2 order by id desc", tenantId, cardId).page(0, limit).list();
    }

    public static List<DepositBatch> openOf(long tenantId, String cardId) {
        return list("tenantId = ?1 and cardId = ?2 and state in ?3 order by id", tenantId, cardId,
                List.of(CallState.PENDING, CallState.UNCERTAIN));
    }
}
