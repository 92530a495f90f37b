package io.kaquan.sandbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A simulated official account: WeChat's side of an account (its secrets in plaintext, they are simulator data),
 * its callback settings, permissions and the faults switched on for it.
 */
@Entity
@Table(name = "sbx_account")
public class SandboxAccount extends PanacheEntityBase {

    /** How the sandbox wraps pushes to the callback (消息加解密方式). */
    public enum MessageMode {
        /** 明文模式 */
        PLAIN,
        /** 兼容模式: plaintext fields and Encrypt side by side */
        COMPAT,
        /** 安全模式 */
        SAFE;

        public static Optional<MessageMode> parse(String value) {
            if (value == null) {
                return Optional.empty();
            }
            return Arrays.stream(values()).filter(m -> m.name().equals(value.strip().toUpperCase(Locale.ROOT)))
                    .findFirst();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String appid;

    @Column(nullable = false)
    public String appsecret;

    @Column(name = "original_id", nullable = false, unique = true)
    public String originalId;

    /** Comma-separated; null or blank allows every IP. */
    @Column(name = "allowed_ips")
    public String allowedIps;

    @Column(name = "callback_url")
    public String callbackUrl;

    @Column(name = "callback_token", nullable = false)
    public String callbackToken;

    @Column(name = "encoding_aes_key", nullable = false)
    public String encodingAesKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "message_mode", nullable = false)
    public MessageMode messageMode;

    @Column(name = "token_ttl_seconds", nullable = false)
    public int tokenTtlSeconds;

    @Column(name = "card_enabled", nullable = false)
    public boolean cardEnabled = true;

    @Column(name = "pay_enabled", nullable = false)
    public boolean payEnabled = true;

    @Column(name = "custom_code_enabled", nullable = false)
    public boolean customCodeEnabled = true;

    @Column(name = "fault_error_share", nullable = false)
    public double faultErrorShare;

    @Column(name = "fault_latency_ms", nullable = false)
    public int faultLatencyMs;

    /** Calls left before every call answers 45009; null: no budget. */
    @Column(name = "fault_call_budget")
    public Integer faultCallBudget;

    @Column(name = "fault_drop_pushes", nullable = false)
    public boolean faultDropPushes;

    @Column(name = "fault_duplicate_pushes", nullable = false)
    public boolean faultDuplicatePushes;

    /** The user who created the account (their sign-in name); null: made by an operator, seen by admins only. */
    public String owner;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<SandboxAccount> byAppid(String appid) {
        return appid == null ? Optional.empty() : find("appid", appid).firstResultOptional();
    }

    public static List<SandboxAccount> newestFirst() {
        return list("order by id desc");
    }

    public static List<SandboxAccount> newestFirstOf(String owner) {
        return list("owner = ?1 order by id desc", owner);
    }

    /** The whitelist as a list; empty when every IP may call. */
    public List<String> allowedIpList() {
        if (allowedIps == null || allowedIps.isBlank()) {
            return List.of();
        }
        return Arrays.stream(allowedIps.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean hasFaults() {
        return faultErrorShare > 0 || faultLatencyMs > 0 || faultCallBudget != null || faultDropPushes
                || faultDuplicatePushes;
    }
}
