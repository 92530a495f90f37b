package io.kaquan.sandbox.tokens;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxConfig;
import io.kaquan.sandbox.SandboxToken;

/**
 * Issuing access tokens (§1): /cgi-bin/token rotates on every call and keeps the previous token working for the
 * overlap (300 s); /cgi-bin/stable_token returns the same token until its last 300 s, then a new one, and
 * force_refresh replaces it at once (at most 20 times a day, and not within 30 s of the last forced refresh). The two
 * kinds never affect each other. Issuing locks the account row, so concurrent calls on several nodes stay ordered.
 */
@ApplicationScoped
public class SandboxTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    /** What the token endpoints answer. */
    public record Issued(String accessToken, long expiresIn) {
    }

    @Inject
    SandboxConfig config;

    @Transactional
    public Issued classic(Long accountId) {
        SandboxAccount account = SandboxAccount.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        Instant overlapEnd = now.plus(config.tokenOverlap());
        for (SandboxToken old : working(account.id, SandboxToken.Kind.CLASSIC, now)) {
            old.revokedAt = earliest(old.revokedAt, overlapEnd, old.expiresAt);
        }
        SandboxToken token = issue(account, SandboxToken.Kind.CLASSIC, false, now);
        return new Issued(token.token, account.tokenTtlSeconds);
    }

    @Transactional
    public Issued stable(Long accountId, boolean forceRefresh) {
        SandboxAccount account = SandboxAccount.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        List<SandboxToken> working = working(account.id, SandboxToken.Kind.STABLE, now);
        SandboxToken current = working.stream().filter(t -> t.revokedAt == null).findFirst().orElse(null);
        if (forceRefresh) {
            SandboxToken lastForced = SandboxToken.find("accountId = ?1 and kind = ?2 and forced = true "
                    + "order by issuedAt desc", account.id, SandboxToken.Kind.STABLE).firstResult();
            boolean tooSoon = lastForced != null
                    && lastForced.issuedAt.plus(config.forcedRefreshSpacing()).isAfter(now);
            if (tooSoon && current != null) {
                // WeChat "will not refresh": the current token comes back unchanged.
                return answer(current, now);
            }
            Instant graceEnd = now.plus(config.forcedRefreshGrace());
            for (SandboxToken old : working) {
                old.revokedAt = earliest(old.revokedAt, graceEnd, old.expiresAt);
            }
            return answer(issue(account, SandboxToken.Kind.STABLE, true, now), now);
        }
        if (current != null && Duration.between(now, current.expiresAt).compareTo(refreshWindow(account)) > 0) {
            return answer(current, now);
        }
        if (current != null) {
            // Rotated in its last minutes; it keeps working until its own expiry, which is within the window.
            current.revokedAt = current.expiresAt;
        }
        return answer(issue(account, SandboxToken.Kind.STABLE, false, now), now);
    }

    /** The "invalidate the current token now" fault: every working token of the account stops at once. */
    @Transactional
    public int invalidateAll(Long accountId) {
        Instant now = Instant.now();
        int count = 0;
        for (SandboxToken.Kind kind : SandboxToken.Kind.values()) {
            for (SandboxToken token : working(accountId, kind, now)) {
                token.revokedAt = now;
                count++;
            }
        }
        return count;
    }

    /** The last 300 s of a stable token, shortened to half its life for accounts with very short tokens. */
    Duration refreshWindow(SandboxAccount account) {
        Duration half = Duration.ofSeconds(account.tokenTtlSeconds).dividedBy(2);
        return config.tokenOverlap().compareTo(half) < 0 ? config.tokenOverlap() : half;
    }

    private static List<SandboxToken> working(Long accountId, SandboxToken.Kind kind, Instant now) {
        return SandboxToken.<SandboxToken> list("accountId = ?1 and kind = ?2 and expiresAt > ?3 "
                + "and (revokedAt is null or revokedAt > ?3) order by issuedAt desc, id desc", accountId, kind, now);
    }

    private static Issued answer(SandboxToken token, Instant now) {
        long seconds = Duration.between(now, token.expiresAt).toSeconds();
        return new Issued(token.token, Math.max(seconds, 0));
    }

    private static SandboxToken issue(SandboxAccount account, SandboxToken.Kind kind, boolean forced, Instant now) {
        SandboxToken token = new SandboxToken();
        token.accountId = account.id;
        token.kind = kind;
        token.forced = forced;
        token.token = newToken();
        token.issuedAt = now;
        token.expiresAt = now.plusSeconds(account.tokenTtlSeconds);
        token.persist();
        return token;
    }

    private static Instant earliest(Instant a, Instant b, Instant c) {
        Instant min = b.isBefore(c) ? b : c;
        return a != null && a.isBefore(min) ? a : min;
    }

    /** 136 characters like WeChat's tokens, from the alphabet they use. */
    static String newToken() {
        StringBuilder token = new StringBuilder(136);
        for (int i = 0; i < 136; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}
