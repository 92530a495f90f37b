package io.kaquan.sandbox.open;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A simulated third-party platform (第三方平台, "component"): its credentials, its two push URLs and the knobs of its
 * credential lifetimes. Simulator data, secrets in plaintext like {@link io.kaquan.sandbox.SandboxAccount}.
 */
@Entity
@Table(name = "sbx_open_platform")
public class OpenPlatform extends PanacheEntityBase {

    /** The placeholder WeChat replaces with the authorizer's appid in the message URL. */
    public static final String APPID_PLACEHOLDER = "$APPID$";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String appid;

    @Column(nullable = false)
    public String secret;

    /** 消息校验Token: signs both push URLs and every authorizer's messages. */
    @Column(nullable = false)
    public String token;

    @Column(name = "encoding_aes_key", nullable = false)
    public String encodingAesKey;

    /** 授权事件接收URL: tickets and authorization changes. */
    @Column(name = "auth_event_url")
    public String authEventUrl;

    /** 消息与事件接收URL of all authorizers, usually with {@value #APPID_PLACEHOLDER}. */
    @Column(name = "message_url")
    public String messageUrl;

    @Column(name = "token_ttl_seconds", nullable = false)
    public int tokenTtlSeconds;

    @Column(name = "ticket_ttl_seconds", nullable = false)
    public int ticketTtlSeconds;

    /** When the next scheduled ticket push is due; null while pushes are paused. */
    @Column(name = "next_ticket_at")
    public Instant nextTicketAt;

    /** The user who created it; null: made through the admin API without a user, seen by platform admins only. */
    public String owner;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<OpenPlatform> byAppid(String appid) {
        return appid == null ? Optional.empty() : find("appid", appid).firstResultOptional();
    }

    public static List<OpenPlatform> newestFirst() {
        return list("order by id desc");
    }

    public static List<OpenPlatform> newestFirstOf(String owner) {
        return list("owner = ?1 order by id desc", owner);
    }

    /** The message URL for one authorizer. */
    public String messageUrlFor(String authorizerAppid) {
        return messageUrl == null ? null : messageUrl.replace(APPID_PLACEHOLDER, authorizerAppid);
    }
}
