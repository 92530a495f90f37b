package io.kaquan.wechat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Calls of one tenant to one API on one day (Asia/Shanghai, WeChat's quota day). */
@Entity
@Table(name = "api_usage")
public class ApiUsage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    /** The API's path, e.g. /card/create. */
    @Column(nullable = false)
    public String api;

    @Column(nullable = false)
    public LocalDate day;

    /** Every attempt sent, answered or not. */
    @Column(nullable = false)
    public int calls;

    /** Attempts that did not succeed (an errcode, or no answer). */
    @Column(nullable = false)
    public int failures;

    @Column(name = "last_errcode")
    public Integer lastErrcode;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;

    @Column(name = "last_call_at", nullable = false)
    public Instant lastCallAt;

    /** WeChat answered 45009: this API is used up for the day. */
    @Column(name = "quota_exhausted_at")
    public Instant quotaExhaustedAt;

    static LocalDate today() {
        return WeChatTime.today();
    }

    /** The start of the next quota day. */
    static Instant tomorrow() {
        return today().plusDays(1).atStartOfDay(WeChatTime.ZONE).toInstant();
    }

    static List<ApiUsage> ofDay(long tenantId, LocalDate day) {
        return list("tenantId = ?1 and day = ?2 order by api", tenantId, day);
    }
}
