package io.kaquan.stats;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.kaquan.wechat.WeChatStats;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One day of getcardmembercardinfo (member cards of one source). */
@Entity
@Table(name = "member_card_stats_daily")
public class MemberCardStatsDay extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "cond_source", nullable = false)
    public short condSource;

    @Column(name = "view_cnt", nullable = false)
    public long viewCnt;
    @Column(name = "view_user", nullable = false)
    public long viewUser;
    @Column(name = "receive_cnt", nullable = false)
    public long receiveCnt;
    @Column(name = "receive_user", nullable = false)
    public long receiveUser;
    @Column(name = "active_user", nullable = false)
    public long activeUser;
    @Column(name = "verify_cnt", nullable = false)
    public long verifyCnt;
    @Column(name = "verify_user", nullable = false)
    public long verifyUser;
    @Column(name = "total_user", nullable = false)
    public long totalUser;
    @Column(name = "total_receive_user", nullable = false)
    public long totalReceiveUser;

    /** Takes WeChat's values; Hibernate writes the row only if one of them changed. */
    void set(WeChatStats.MemberCardDay row) {
        viewCnt = row.viewCnt();
        viewUser = row.viewUser();
        receiveCnt = row.receiveCnt();
        receiveUser = row.receiveUser();
        activeUser = row.activeUser();
        verifyCnt = row.verifyCnt();
        verifyUser = row.verifyUser();
        totalUser = row.totalUser();
        totalReceiveUser = row.totalReceiveUser();
    }
}
