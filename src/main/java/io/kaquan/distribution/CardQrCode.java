package io.kaquan.distribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A QR code WeChat made for the tenant (card/qrcode/create): the url it encodes, its channel and its cards. */
@Entity
@Table(name = "card_qrcode")
public class CardQrCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "channel_id")
    public Channel channel;

    /** QR_CARD or QR_MULTIPLE_CARD. */
    @Column(name = "action_name", nullable = false)
    public String actionName;

    @Column(nullable = false)
    public String ticket;

    /** What the code encodes: a user scanning it in WeChat opens this. */
    @Column(nullable = false)
    public String url;

    @Column(name = "show_qrcode_url")
    public String showQrcodeUrl;

    /** Null: permanent (WeChat keeps it 365 days). */
    @Column(name = "expire_seconds")
    public Integer expireSeconds;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "is_unique_code", nullable = false)
    public boolean uniqueCode;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "card_qrcode_card", joinColumns = @JoinColumn(name = "qrcode_id"))
    @OrderColumn(name = "position")
    @Column(name = "card_id")
    public List<String> cardIds = new ArrayList<>();

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public static Optional<CardQrCode> of(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The tenant's QR codes that hand out the card, newest first. */
    public static List<CardQrCode> ofCard(long tenantId, String cardId) {
        return find("select distinct q from CardQrCode q join q.cardIds c where q.tenantId = ?1 and c = ?2"
                + " order by q.createdAt desc, q.id desc", tenantId, cardId).list();
    }
}
