package io.kaquan.sandbox.open;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One push to a platform's authorization-event URL (a ticket or an authorization change), with its outcome. */
@Entity
@Table(name = "sbx_open_push")
public class OpenPush extends PanacheEntityBase {

    public enum Status {
        PENDING,
        /** Answered "success". */
        DELIVERED,
        /** No answer, not 2xx, another reply, or no URL; WeChat does not retry these (the next ticket comes anyway). */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "platform_id", nullable = false)
    public Long platformId;

    /** component_verify_ticket, authorized, updateauthorized, unauthorized. */
    @Column(name = "info_type", nullable = false)
    public String infoType;

    /** The XML before encryption. */
    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "http_status")
    public Integer httpStatus;

    public String reply;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public static List<OpenPush> recentOf(Long platformId, int max) {
        return find("platformId = ?1 order by id desc", platformId).page(0, max).list();
    }
}
