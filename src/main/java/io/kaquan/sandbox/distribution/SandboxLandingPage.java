package io.kaquan.sandbox.distribution;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A landing page (货架) made by card/landingpage/create: its cards, scene and the number WeChat answered. */
@Entity(name = "SandboxLandingPage")
@Table(name = "sbx_landing_page")
public class SandboxLandingPage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(name = "page_id", nullable = false)
    public int pageId;

    @Column(name = "url_token", nullable = false)
    public String urlToken;

    @Column(nullable = false)
    public String banner;

    @Column(name = "page_title", nullable = false)
    public String pageTitle;

    @Column(name = "can_share", nullable = false)
    public boolean canShare;

    @Column(nullable = false)
    public String scene;

    /** [{"card_id","thumb_url"}…] as sent. */
    @Column(name = "cards_json", nullable = false)
    public String cardsJson;

    @Column(nullable = false)
    public int receipts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<SandboxLandingPage> byUrlToken(String token) {
        return find("urlToken", token).firstResultOptional();
    }

    public static Optional<SandboxLandingPage> of(long accountId, int pageId) {
        return find("accountId = ?1 and pageId = ?2", accountId, pageId).firstResultOptional();
    }

    static int nextPageId(long accountId) {
        Integer max = getEntityManager()
                .createQuery("select max(p.pageId) from SandboxLandingPage p where p.accountId = ?1", Integer.class)
                .setParameter(1, accountId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
