package io.kaquan.distribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import io.kaquan.wechat.CallState;
import io.kaquan.wechat.LandingPageScene;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A landing page (货架) of the tenant, recorded before card/landingpage/create is sent: APPLIED with WeChat's url and
 * page_id, NOT_APPLIED when refused, UNCERTAIN when the answer was lost (WeChat cannot be asked for its pages, so only
 * the merchant may decide to send it again).
 */
@Entity
@Table(name = "landing_page")
public class LandingPage extends PanacheEntityBase {

    /** One card on the page and the picture shown for it. */
    @Embeddable
    public static class PageCard {
        @Column(name = "card_id", nullable = false)
        public String cardId;

        @Column(name = "thumb_url", nullable = false)
        public String thumbUrl;

        public PageCard() {
        }

        PageCard(String cardId, String thumbUrl) {
            this.cardId = cardId;
            this.thumbUrl = thumbUrl;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false)
    public Long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallState state;

    @Column(name = "page_title", nullable = false)
    public String pageTitle;

    /** The banner's URL at WeChat (media/uploadimg). */
    @Column(name = "banner_url", nullable = false)
    public String bannerUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LandingPageScene scene;

    @Column(name = "can_share", nullable = false)
    public boolean canShare;

    @Column(name = "page_id")
    public Integer pageId;

    /** What the page's QR code encodes; null until WeChat answered. */
    public String url;

    /** WeChat's refusal in words. */
    public String problem;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "settled_at")
    public Instant settledAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "landing_page_card", joinColumns = @JoinColumn(name = "landing_page_id"))
    @OrderColumn(name = "position")
    public List<PageCard> cards = new ArrayList<>();

    public static Optional<LandingPage> of(long tenantId, long id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public static List<LandingPage> ofTenant(long tenantId, int limit) {
        return find("tenantId = ?1 order by id desc", tenantId).page(0, limit).list();
    }
}
