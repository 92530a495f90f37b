package io.kaquan.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;

/**
 * The door of every sandbox WeChat API: the access token (§1.4), the IP whitelist, the account's faults, the daily
 * and per-minute quotas, and the call count. Usage in a business API resource (sandbox-cards):
 *
 * <pre>
 * &#64;POST &#64;Path("card/get")
 * public Response get(&#64;RestQuery("access_token") String accessToken, String body) {
 *     SandboxAccount account = gate.authorize(accessToken, "/card/get");
 *     ObjectNode request = SandboxJson.parse(body);
 *     …
 * }
 * </pre>
 *
 * Call it outside your own transaction (in the resource, before the service): it sleeps for the latency fault and
 * counts the call in a transaction of its own, so the count stays even when the business call then fails. The
 * returned account is a detached snapshot; re-read it ({@code SandboxAccount.findById(account.id)}) to change it.
 */
@ApplicationScoped
public class SandboxGate {

    /** What a sandbox token looks like; anything else is 40014. Real tokens use the same alphabet. */
    static final Pattern TOKEN_FORMAT = Pattern.compile("[0-9A-Za-z_-]{32,512}");

    @Inject
    SandboxUsage usage;

    @Inject
    HttpServerRequest request;

    @Inject
    OpenPlatformTokens platformTokens;

    /** {@link #authorize(String, String)} for the card and card statistics APIs: 48001 when the account has no cards. */
    public SandboxAccount authorizeCards(String accessToken, String api) {
        SandboxAccount account = authorize(accessToken, api);
        if (!account.cardEnabled) {
            throw new WeChatError(48001);
        }
        return account;
    }

    /** {@link #authorize(String, String, String)} with the IP of the current request. */
    public SandboxAccount authorize(String accessToken, String api) {
        return authorize(accessToken, api, clientIp());
    }

    /**
     * Checks the token and admits the call, or throws the WeChatError WeChat would answer: 41001 missing, 40014
     * malformed, 48001 a component token, 40001 unknown/replaced/invalidated, 42001 expired; for an authorizer token
     * 40001 once revoked and 61007 without the API's permission set; then 40164, -1, 45009, 45011.
     *
     * @param api the WeChat path of the API without the sandbox prefix, e.g. "/card/create"
     */
    public SandboxAccount authorize(String accessToken, String api, String clientIp) {
        if (accessToken == null || accessToken.isEmpty()) {
            throw new WeChatError(41001);
        }
        if (!TOKEN_FORMAT.matcher(accessToken).matches()) {
            throw new WeChatError(40014);
        }
        SandboxAccount account = QuarkusTransaction.requiringNew().call(() -> {
            SandboxToken token = SandboxToken.find("token", accessToken).firstResult();
            Instant now = Instant.now();
            if (token == null && platformTokens.isComponentToken(accessToken)) {
                throw new WeChatError(48001); // a platform's own token is not an account's (§7)
            }
            if (token == null || token.revokedAt(now)) {
                throw new WeChatError(40001);
            }
            if (!token.validAt(now)) {
                throw new WeChatError(42001);
            }
            if (token.kind == SandboxToken.Kind.AUTHORIZER) {
                platformTokens.checkAuthorizer(token, api);
            }
            return SandboxAccount.<SandboxAccount> findById(token.accountId);
        });
        admit(account, api, clientIp);
        return account;
    }

    /**
     * For APIs that check credentials themselves (the token endpoints): the IP whitelist (40164), then
     * {@link #admit(SandboxAccount, String)}.
     */
    public void admit(SandboxAccount account, String api, String clientIp) {
        checkIp(account, clientIp);
        admit(account, api);
    }

    /** The faults (latency, share of -1, call budget → 45009), then the quotas (45009, 45011); counts the call. */
    public void admit(SandboxAccount account, String api) {
        if (account.faultLatencyMs > 0) {
            try {
                Thread.sleep(account.faultLatencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw WeChatError.systemError();
            }
        }
        if (account.faultErrorShare > 0 && ThreadLocalRandom.current().nextDouble() < account.faultErrorShare) {
            throw WeChatError.systemError();
        }
        usage.count(account.id, api);
    }

    /** 40164 unless the account has no whitelist or the IP is on it. */
    public void checkIp(SandboxAccount account, String clientIp) {
        var allowed = account.allowedIpList();
        if (allowed.isEmpty()) {
            return;
        }
        String ip = normalize(clientIp);
        for (String entry : allowed) {
            if (normalize(entry).equals(ip)) {
                return;
            }
        }
        String ipv6 = ip.contains(":") ? ip : "::ffff:" + ip;
        throw new WeChatError(40164, "invalid ip " + ip + " ipv6 " + ipv6 + ", not in whitelist");
    }

    /** The caller's IP as WeChat would see it. */
    public String clientIp() {
        return normalize(request.remoteAddress().hostAddress());
    }

    /** 43001 unless the request is a GET (for handlers that accept several methods). */
    public static void requireGet(String method) {
        if (!"GET".equalsIgnoreCase(method)) {
            throw new WeChatError(43001);
        }
    }

    /** 43002 unless the request is a POST (for handlers that accept several methods). */
    public static void requirePost(String method) {
        if (!"POST".equalsIgnoreCase(method)) {
            throw new WeChatError(43002);
        }
    }

    /** Canonical text of an IP: IPv4-mapped IPv6 as plain IPv4, IPv6 compressed by the JDK's rules. */
    static String normalize(String ip) {
        if (ip == null) {
            return "";
        }
        String text = ip.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.toLowerCase().startsWith("::ffff:") && text.indexOf('.') > 0) {
            return text.substring(7);
        }
        if (text.matches("[0-9a-fA-F:]+") && text.contains(":")) {
            try {
                return InetAddress.getByName(text).getHostAddress();
            } catch (UnknownHostException e) {
                return text;
            }
        }
        return text;
    }
}
