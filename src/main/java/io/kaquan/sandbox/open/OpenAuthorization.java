package io.kaquan.sandbox.open;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A sandbox official account's authorization of a platform: the permission sets its administrator granted and the
 * refresh token, which stays the same until the account revokes and authorizes again.
 */
@Entity
@Table(name = "sbx_open_authorization")
public class OpenAuthorization extends PanacheEntityBase {

    /** 微信卡券: every /card/* API and the card datacube APIs. */
    public static final int CARD_SET = 8;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "platform_id", nullable = false)
    public Long platformId;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    /** Comma-separated ids, ascending. */
    @Column(name = "granted_sets", nullable = false)
    public String grantedSets;

    @Column(name = "refresh_token", nullable = false, unique = true)
    public String refreshToken;

    /** False after the administrator revoked it (unauthorized); the row stays for a later re-authorization. */
    @Column(nullable = false)
    public boolean active;

    @Column(name = "auth_time", nullable = false)
    public Instant authTime;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<OpenAuthorization> of(Long platformId, Long accountId) {
        return find("platformId = ?1 and accountId = ?2", platformId, accountId).firstResultOptional();
    }

    public static List<OpenAuthorization> activeOf(Long platformId) {
        return list("platformId = ?1 and active = true order by authTime, id", platformId);
    }

    /** A platform an account authorized, as the account's console page shows it. */
    public record AuthorizedPlatform(String appid, List<PermissionSet> sets, Instant authTime) {
    }

    /** The platforms the account authorized and has not revoked, oldest first. */
    public static List<AuthorizedPlatform> platformsOf(Long accountId) {
        return OpenAuthorization.<OpenAuthorization> list("accountId = ?1 and active = true order by authTime, id",
                accountId).stream().map(
                        a -> new AuthorizedPlatform(OpenPlatform.<OpenPlatform> findById(a.platformId).appid,
                                a.permissionSets(), a.authTime))
                .toList();
    }

    /** The granted sets the sandbox knows by name. */
    public List<PermissionSet> permissionSets() {
        return sets().stream().map(PermissionSet::of).flatMap(Optional::stream).toList();
    }

    public List<Integer> sets() {
        return grantedSets.isBlank() ? List.of()
                : Arrays.stream(grantedSets.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    public boolean grants(int set) {
        return sets().contains(set);
    }

    static String join(Collection<Integer> sets) {
        return sets.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
