package io.kaquan.sandbox.open;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxAccounts;
import io.kaquan.sandbox.SandboxCallbackUrls;
import io.kaquan.sandbox.SandboxConfig;
import io.kaquan.sandbox.SandboxInvalid;
import io.kaquan.sandbox.SandboxToken;
import io.kaquan.sandbox.WeChatError;

/**
 * The simulated open platform's rules (open-platform-protocol.md §1–§5): the credential chain ticket → component
 * token → pre-auth code → authorization code → authorizer tokens, with WeChat's lifetimes and errors. Every method
 * runs in one transaction and locks the platform row where values are issued, so several nodes stay ordered. Long
 * because the chain is one rule book over one platform row; split, each link would re-read and re-lock the row.
 */
@ApplicationScoped
public class OpenPlatforms {

    /** Pre-auth codes live 1800 s (the doc's text; its example says 600), authorization codes 3600 s (observed). */
    static final Duration PRE_AUTH_CODE_TTL = Duration.ofSeconds(1800);
    static final Duration AUTH_CODE_TTL = Duration.ofSeconds(3600);
    /** The permission sets the sandbox offers: 消息管理, 账号服务, 微信卡券, 素材管理, 微信门店. */
    public static final List<Integer> OFFERED_SETS = List.of(1, 3, 8, 11, 13);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String URL_SAFE = ALPHANUMERIC + "_-";

    /** A platform's settings as given; null keeps the current value (or generates one); an empty URL clears it. */
    public record PlatformInput(String appid, String secret, String token, String encodingAesKey, String authEventUrl,
            String messageUrl, Integer tokenTtlSeconds, Integer ticketTtlSeconds, Boolean ticketsPaused) {
    }

    /** What api_query_auth answers. */
    public record QueryAuth(SandboxAccount account, OpenAuthorization authorization, SandboxToken token) {
    }

    /** The outcome of the administrator's confirmation on the authorization page. */
    public record Authorized(String authCode, long expiresIn, OpenAuthorization authorization, boolean firstTime) {
    }

    @Inject
    SandboxConfig config;

    @Inject
    PlatformPushes pushes;

    // Platforms

    @Transactional
    public OpenPlatform create(PlatformInput input, String owner) {
        Map<String, String> errors = new LinkedHashMap<>();
        OpenPlatform platform = new OpenPlatform();
        platform.appid = given(input.appid()).orElseGet(() -> "wxsbxc" + random("0123456789abcdef", 12));
        platform.secret = given(input.secret()).orElseGet(() -> random(ALPHANUMERIC, 32));
        platform.token = given(input.token()).orElseGet(() -> random(ALPHANUMERIC, 32));
        platform.encodingAesKey = given(input.encodingAesKey()).orElseGet(SandboxAccounts::newAesKey);
        platform.tokenTtlSeconds = 7200;
        platform.ticketTtlSeconds = 43200;
        platform.owner = owner;
        if (!SandboxAccounts.APPID.matcher(platform.appid).matches()) {
            errors.put("appid", "appid: 3 to 32 letters, digits or _");
        } else if (!config.standsForWechat() && !platform.appid.startsWith("wxsbx")) {
            errors.put("appid", "sandbox appids start with wxsbx");
        }
        if (!SandboxAccounts.SECRET.matcher(platform.secret).matches()) {
            errors.put("secret", "secret: 1 to 64 letters or digits");
        }
        apply(platform, input, errors);
        if (!errors.isEmpty()) {
            throw new SandboxInvalid(errors);
        }
        if (OpenPlatform.byAppid(platform.appid).isPresent() || SandboxAccount.byAppid(platform.appid).isPresent()) {
            throw new SandboxInvalid(Map.of("appid", "this appid is taken"), true);
        }
        platform.createdAt = Instant.now();
        platform.updatedAt = platform.createdAt;
        // The first ticket comes at once, like the one WeChat sends when a platform is approved.
        platform.nextTicketAt = Boolean.TRUE.equals(input.ticketsPaused()) ? null : platform.createdAt;
        platform.persist();
        return platform;
    }

    @Transactional
    public OpenPlatform update(String appid, PlatformInput input) {
        OpenPlatform platform = platform(appid);
        Map<String, String> errors = new LinkedHashMap<>();
        given(input.token()).ifPresent(token -> platform.token = token);
        given(input.encodingAesKey()).ifPresent(key -> platform.encodingAesKey = key);
        apply(platform, input, errors);
        if (!errors.isEmpty()) {
            throw new SandboxInvalid(errors);
        }
        if (input.ticketsPaused() != null) {
            platform.nextTicketAt = input.ticketsPaused() ? null
                    : platform.nextTicketAt != null ? platform.nextTicketAt : Instant.now();
        }
        platform.updatedAt = Instant.now();
        return platform;
    }

    private void apply(OpenPlatform platform, PlatformInput input, Map<String, String> errors) {
        if (!SandboxAccounts.CALLBACK_TOKEN.matcher(platform.token).matches()) {
            errors.put("token", "token: 3 to 32 letters or digits");
        }
        if (!SandboxAccounts.AES_KEY.matcher(platform.encodingAesKey).matches()
                || !SandboxAccounts.decodes(platform.encodingAesKey)) {
            errors.put("encodingAesKey", "encodingAesKey: 43 letters or digits");
        }
        if (input.authEventUrl() != null) {
            url(input.authEventUrl(), config.openEventsPath()).ifPresentOrElse(url -> platform.authEventUrl = url,
                    () -> errors.put("authEventUrl", "authEventUrl: this application's " + config.openEventsPath()));
            if (input.authEventUrl().isBlank()) {
                platform.authEventUrl = null;
            }
        }
        if (input.messageUrl() != null) {
            url(input.messageUrl(), config.openMessagePath()).ifPresentOrElse(url -> platform.messageUrl = url,
                    () -> errors.put("messageUrl", "messageUrl: this application's " + config.openMessagePath()));
            if (input.messageUrl().isBlank()) {
                platform.messageUrl = null;
            }
        }
        if (input.tokenTtlSeconds() != null) {
            if (input.tokenTtlSeconds() < 1 || input.tokenTtlSeconds() > 7200) {
                errors.put("tokenTtlSeconds", "tokenTtlSeconds: 1 to 7200");
            } else {
                platform.tokenTtlSeconds = input.tokenTtlSeconds();
            }
        }
        if (input.ticketTtlSeconds() != null) {
            if (input.ticketTtlSeconds() < 1 || input.ticketTtlSeconds() > 43200) {
                errors.put("ticketTtlSeconds", "ticketTtlSeconds: 1 to 43200");
            } else {
                platform.ticketTtlSeconds = input.ticketTtlSeconds();
            }
        }
    }

    /** A push URL as stored, like an account's callback: only this application's own path outside tests. */
    private Optional<String> url(String given, String ownPath) {
        String url = given.strip();
        if (url.isEmpty()) {
            return Optional.of("");
        }
        if (url.equals(ownPath)) {
            return Optional.of(url); // this application's own endpoint, as the console sets it
        }
        if (config.standsForWechat()) {
            try {
                URI uri = URI.create(url.replace(OpenPlatform.APPID_PLACEHOLDER, "APPID"));
                return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) ? Optional.of(url)
                        : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String path = url.replaceFirst("^https?://[^/]+", "");
        return path.equals(ownPath) ? Optional.of(path) : Optional.empty();
    }

    public OpenPlatform platform(String appid) {
        return OpenPlatform.byAppid(appid).orElseThrow(() -> new NotFound("no such platform"));
    }

    /** No platform, or no sandbox account, with that appid. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message, null, false, false);
        }
    }

    // Tickets (§2.2)

    /** Issues a new ticket and pushes it to the authorization-event URL (delivered after commit). */
    @Transactional
    public OpenPush pushTicket(Long platformId) {
        OpenPlatform platform = OpenPlatform.findById(platformId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        OpenCredential ticket = issue(platform, OpenCredential.Kind.TICKET, "ticket@@@", 86,
                now.plusSeconds(platform.ticketTtlSeconds), null, now);
        if (platform.nextTicketAt != null) {
            platform.nextTicketAt = now.plus(config.openTicketInterval());
        }
        return pushes.push(platform, "component_verify_ticket",
                PlatformPushes.xml(platform.appid, now).text("InfoType", "component_verify_ticket")
                        .text("ComponentVerifyTicket", ticket.value).build());
    }

    /** Ticket pushes that are due (any node may run this; the rows are claimed with SKIP LOCKED). */
    @Transactional
    public List<OpenPush> pushDueTickets(int max) {
        List<OpenPlatform> due = OpenPlatform.getEntityManager().createQuery(
                "from OpenPlatform where nextTicketAt <= :now order by nextTicketAt", OpenPlatform.class)
                .setParameter("now", Instant.now()).setMaxResults(max).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2).getResultList();
        List<OpenPush> pushed = new ArrayList<>();
        for (OpenPlatform platform : due) {
            pushed.add(pushTicket(platform.id));
        }
        return pushed;
    }

    // Component token (§3.1)

    /** 61011 unknown platform, 41004/40125 secret, 61006 unknown or foreign ticket, 61005 expired ticket. */
    @Transactional
    public OpenCredential componentToken(String appid, String secret, String ticket) {
        OpenPlatform platform = OpenPlatform.byAppid(appid).orElseThrow(() -> new WeChatError(61011));
        if (secret == null || secret.isEmpty()) {
            throw new WeChatError(41004);
        }
        if (!platform.secret.equals(secret)) {
            throw new WeChatError(40125);
        }
        OpenCredential known = OpenCredential.find(OpenCredential.Kind.TICKET, ticket)
                .filter(t -> t.platformId.equals(platform.id)).orElseThrow(() -> new WeChatError(61006));
        Instant now = Instant.now();
        if (known.expiredAt(now)) {
            throw new WeChatError(61005);
        }
        OpenPlatform.findById(platform.id, LockModeType.PESSIMISTIC_WRITE);
        // Like /cgi-bin/token: a new token each call, the previous one keeps working for the overlap.
        Instant overlapEnd = now.plus(config.tokenOverlap());
        for (OpenCredential old : working(platform.id, OpenCredential.Kind.COMPONENT_TOKEN, now)) {
            old.endedAt = old.endedAt != null && old.endedAt.isBefore(overlapEnd) ? old.endedAt : overlapEnd;
        }
        return issue(platform, OpenCredential.Kind.COMPONENT_TOKEN, "", 136,
                now.plusSeconds(platform.tokenTtlSeconds), null, now);
    }

    /**
     * The platform of a component token (either query name), checked like an account token: 41001 missing, 40001
     * unknown or replaced (an authorizer token too), 42001 expired; 40013 when the body names another platform.
     */
    @Transactional
    public OpenPlatform byComponentToken(String token, String bodyAppid) {
        if (token == null || token.isEmpty()) {
            throw new WeChatError(41001);
        }
        OpenCredential credential = OpenCredential.find(OpenCredential.Kind.COMPONENT_TOKEN, token)
                .orElseThrow(() -> new WeChatError(40001));
        Instant now = Instant.now();
        if (credential.endedBy(now)) {
            throw new WeChatError(40001);
        }
        if (credential.expiredAt(now)) {
            throw new WeChatError(42001);
        }
        OpenPlatform platform = OpenPlatform.findById(credential.platformId);
        if (bodyAppid == null || !bodyAppid.equals(platform.appid)) {
            throw new WeChatError(40013);
        }
        return platform;
    }

    // Pre-auth code and the authorization page (§3.3, §4)

    @Transactional
    public OpenCredential preAuthCode(Long platformId) {
        OpenPlatform platform = OpenPlatform.findById(platformId);
        Instant now = Instant.now();
        return issue(platform, OpenCredential.Kind.PRE_AUTH_CODE, "preauthcode@@@", 86, now.plus(PRE_AUTH_CODE_TTL),
                null, now);
    }

    /** The pre-auth code if it may still be used on the platform's page; empty otherwise (the page says so). */
    @Transactional
    public Optional<OpenCredential> usablePreAuthCode(String componentAppid, String code) {
        Instant now = Instant.now();
        return OpenPlatform.byAppid(componentAppid).flatMap(platform -> OpenCredential
                .find(OpenCredential.Kind.PRE_AUTH_CODE, code)
                .filter(c -> c.platformId.equals(platform.id) && c.endedAt == null && !c.expiredAt(now)));
    }

    /**
     * The administrator of {@code account} confirms with the given permission sets: consumes the pre-auth code,
     * creates or renews the authorization (a new refresh token after a revocation), issues the authorization code and
     * pushes authorized (first time or after a revocation) or updateauthorized (already authorized).
     */
    @Transactional
    public Authorized authorize(String componentAppid, String preAuthCode, SandboxAccount account,
            Collection<Integer> sets) {
        OpenCredential code = usablePreAuthCode(componentAppid, preAuthCode)
                .orElseThrow(() -> new SandboxInvalid(Map.of("preAuthCode", "the pre-auth code is unknown, used or expired")));
        OpenPlatform platform = OpenPlatform.findById(code.platformId, LockModeType.PESSIMISTIC_WRITE);
        OpenCredential locked = OpenCredential.findById(code.id, LockModeType.PESSIMISTIC_WRITE);
        if (locked.endedAt != null) {
            throw new SandboxInvalid(Map.of("preAuthCode", "the pre-auth code is unknown, used or expired"));
        }
        Instant now = Instant.now();
        locked.endedAt = now;
        return grant(platform, account, sets, locked.value, now);
    }

    /** The administrator changes the granted sets in the MP console (更新授权): updateauthorized with a new code. */
    @Transactional
    public Authorized updateAuthorization(String componentAppid, String authorizerAppid, Collection<Integer> sets) {
        OpenPlatform platform = OpenPlatform.findById(platform(componentAppid).id, LockModeType.PESSIMISTIC_WRITE);
        SandboxAccount account = account(authorizerAppid);
        OpenAuthorization.of(platform.id, account.id).filter(a -> a.active)
                .orElseThrow(() -> new SandboxInvalid(Map.of("authorizerAppid", "not authorized"), true));
        return grant(platform, account, sets, "", Instant.now());
    }

    private Authorized grant(OpenPlatform platform, SandboxAccount account, Collection<Integer> sets, String preAuthCode,
            Instant now) {
        List<Integer> granted = sets.stream().filter(OFFERED_SETS::contains).distinct().sorted().toList();
        OpenAuthorization authorization = OpenAuthorization.of(platform.id, account.id).orElse(null);
        boolean firstTime = authorization == null || !authorization.active;
        if (authorization == null) {
            authorization = new OpenAuthorization();
            authorization.platformId = platform.id;
            authorization.accountId = account.id;
        }
        if (firstTime) {
            // The refresh token changes only through a revocation and a new authorization.
            authorization.refreshToken = "refreshtoken@@@" + random(URL_SAFE, 43);
            authorization.authTime = now;
        }
        authorization.active = true;
        authorization.grantedSets = OpenAuthorization.join(granted);
        authorization.updatedAt = now;
        authorization.persist();
        OpenCredential authCode = issue(platform, OpenCredential.Kind.AUTH_CODE, "queryauthcode@@@", 86,
                now.plus(AUTH_CODE_TTL), authorization.id, now);
        String infoType = firstTime ? "authorized" : "updateauthorized";
        pushes.push(platform, infoType, PlatformPushes.xml(platform.appid, now).text("InfoType", infoType)
                .text("AuthorizerAppid", account.appid).text("AuthorizationCode", authCode.value)
                .number("AuthorizationCodeExpiredTime", authCode.expiresAt.getEpochSecond())
                .text("PreAuthCode", preAuthCode).build());
        return new Authorized(authCode.value, AUTH_CODE_TTL.toSeconds(), authorization, firstTime);
    }

    /**
     * The administrator revokes the platform (取消授权): tokens stop at once, unauthorized is pushed (unless
     * {@code push} is false: a lost push, a fault).
     */
    @Transactional
    public OpenAuthorization unauthorize(String componentAppid, String authorizerAppid, boolean push) {
        OpenPlatform platform = platform(componentAppid);
        SandboxAccount account = account(authorizerAppid);
        OpenAuthorization authorization = OpenAuthorization.of(platform.id, account.id).filter(a -> a.active)
                .orElseThrow(() -> new SandboxInvalid(Map.of("authorizerAppid", "not authorized"), true));
        Instant now = Instant.now();
        authorization.active = false;
        authorization.updatedAt = now;
        SandboxToken.update("revokedAt = ?1 where kind = ?2 and platformId = ?3 and accountId = ?4 "
                + "and (revokedAt is null or revokedAt > ?1)", now, SandboxToken.Kind.AUTHORIZER, platform.id,
                account.id);
        if (push) {
            pushes.push(platform, "unauthorized", PlatformPushes.xml(platform.appid, now)
                    .text("InfoType", "unauthorized").text("AuthorizerAppid", account.appid).build());
        }
        return authorization;
    }

    /** A fault: the refresh token the platform holds stops working (61023), as if it had been lost and replaced. */
    @Transactional
    public OpenAuthorization replaceRefreshToken(String componentAppid, String authorizerAppid) {
        OpenPlatform platform = platform(componentAppid);
        SandboxAccount account = account(authorizerAppid);
        OpenAuthorization authorization = OpenAuthorization.of(platform.id, account.id)
                .orElseThrow(() -> new SandboxInvalid(Map.of("authorizerAppid", "not authorized"), true));
        authorization.refreshToken = "refreshtoken@@@" + random(URL_SAFE, 43);
        authorization.updatedAt = Instant.now();
        return authorization;
    }

    // Authorizer APIs (§5)

    /** api_query_auth: 61009 unknown, foreign or used code; 61010 expired. Issues an authorizer token. */
    @Transactional
    public QueryAuth queryAuth(OpenPlatform platform, String authorizationCode) {
        OpenCredential code = OpenCredential.find(OpenCredential.Kind.AUTH_CODE, authorizationCode)
                .filter(c -> c.platformId.equals(platform.id)).orElseThrow(() -> new WeChatError(61009));
        OpenCredential locked = OpenCredential.findById(code.id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (locked.endedAt != null) {
            throw new WeChatError(61009);
        }
        if (locked.expiredAt(now)) {
            throw new WeChatError(61010);
        }
        locked.endedAt = now;
        OpenAuthorization authorization = OpenAuthorization.findById(locked.authorizationId);
        if (!authorization.active) {
            throw new WeChatError(61003);
        }
        SandboxAccount account = SandboxAccount.findById(authorization.accountId);
        return new QueryAuth(account, authorization, authorizerToken(platform, account, now));
    }

    /** api_authorizer_token: 61003 not (or no longer) authorized; 61023 wrong refresh token. */
    @Transactional
    public QueryAuth refreshAuthorizerToken(OpenPlatform platform, String authorizerAppid, String refreshToken) {
        OpenAuthorization authorization = activeAuthorization(platform, authorizerAppid);
        if (refreshToken == null || !authorization.refreshToken.equals(refreshToken)) {
            throw new WeChatError(61023);
        }
        SandboxAccount account = SandboxAccount.findById(authorization.accountId, LockModeType.PESSIMISTIC_WRITE);
        return new QueryAuth(account, authorization, authorizerToken(platform, account, Instant.now()));
    }

    /** api_get_authorizer_info: 61003 when not authorized. */
    @Transactional
    public QueryAuth authorizerInfo(OpenPlatform platform, String authorizerAppid) {
        OpenAuthorization authorization = activeAuthorization(platform, authorizerAppid);
        return new QueryAuth(SandboxAccount.findById(authorization.accountId), authorization, null);
    }

    /** api_get_authorizer_list: the active authorizations, oldest first, with their accounts. */
    @Transactional
    public List<QueryAuth> authorizers(OpenPlatform platform) {
        return OpenAuthorization.activeOf(platform.id).stream()
                .map(a -> new QueryAuth(SandboxAccount.findById(a.accountId), a, null)).toList();
    }

    private static OpenAuthorization activeAuthorization(OpenPlatform platform, String authorizerAppid) {
        return SandboxAccount.byAppid(authorizerAppid)
                .flatMap(account -> OpenAuthorization.of(platform.id, account.id)).filter(a -> a.active)
                .orElseThrow(() -> new WeChatError(61003));
    }

    /** A new authorizer token; the previous ones stop at once (staff: the superseded one answers 40001). */
    private static SandboxToken authorizerToken(OpenPlatform platform, SandboxAccount account, Instant now) {
        SandboxToken.update("revokedAt = ?1 where kind = ?2 and platformId = ?3 and accountId = ?4 "
                + "and (revokedAt is null or revokedAt > ?1)", now, SandboxToken.Kind.AUTHORIZER, platform.id,
                account.id);
        SandboxToken token = new SandboxToken();
        token.accountId = account.id;
        token.platformId = platform.id;
        token.kind = SandboxToken.Kind.AUTHORIZER;
        token.token = random(URL_SAFE, 136);
        token.issuedAt = now;
        token.expiresAt = now.plusSeconds(account.tokenTtlSeconds);
        token.persist();
        return token;
    }

    private static SandboxAccount account(String appid) {
        return SandboxAccount.byAppid(appid).orElseThrow(() -> new NotFound("no such sandbox account"));
    }

    private static List<OpenCredential> working(Long platformId, OpenCredential.Kind kind, Instant now) {
        return OpenCredential.list("platformId = ?1 and kind = ?2 and expiresAt > ?3 and (endedAt is null or endedAt > ?3)",
                platformId, kind, now);
    }

    private static OpenCredential issue(OpenPlatform platform, OpenCredential.Kind kind, String prefix, int length,
            Instant expiresAt, Long authorizationId, Instant now) {
        OpenCredential credential = new OpenCredential();
        credential.platformId = platform.id;
        credential.kind = kind;
        credential.value = prefix + random(URL_SAFE, length);
        credential.authorizationId = authorizationId;
        credential.issuedAt = now;
        credential.expiresAt = expiresAt;
        credential.persist();
        return credential;
    }

    private static Optional<String> given(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** The URL a push goes to (a stored path goes to this server). */
    static String target(String stored) {
        return SandboxCallbackUrls.target(stored);
    }
}
