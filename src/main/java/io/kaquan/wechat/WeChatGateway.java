package io.kaquan.wechat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The only door to WeChat. {@code gateway.forTenant(id).cardGet(cardId)}: picks the tenant's API host (WeChat or the
 * sandbox), adds its token ({@link TokenBroker}), counts the call, applies the retry rules ({@link WeChatWire}),
 * renews a refused token and retries once, stops an API after 45009/45011, pauses the tenant on credential problems
 * ({@link CredentialGuard}), and turns every failure into a {@link WeChatException}.
 */
@ApplicationScoped
public class WeChatGateway {

    /** Sends one request with the given token to the given API host. */
    @FunctionalInterface
    interface Request {
        RestResponse<byte[]> send(URI apiBase, String accessToken);
    }

    /** The appid and secret WeChat accepted at registration, with the token it issued (kept to be stored). */
    public static final class Verified {
        final TokenIssuer.Grant grant;
        final Instant obtainedAt;

        Verified(TokenIssuer.Grant grant, Instant obtainedAt) {
            this.grant = grant;
            this.obtainedAt = obtainedAt;
        }
    }

    @Inject
    TokenBroker broker;

    @Inject
    TokenIssuer issuer;

    @Inject
    ApiClients clients;

    @Inject
    WeChatWire wire;

    @Inject
    ApiQuotas quotas;

    @Inject
    CredentialGuard guard;

    @Inject
    WeChatAccounts accounts;

    @Inject
    TokenSeal seal;

    /** The WeChat APIs of one tenant. Cheap: create one per use. */
    public WeChatClient forTenant(long tenantId) {
        return new WeChatClient(this, tenantId);
    }

    /**
     * Checks an appid and secret by fetching a token, before a tenant is saved. Not counted (there is no tenant yet):
     * {@link #adopt(long, Verified)} stores the token and counts the call once the tenant exists.
     *
     * @throws WeChatException what WeChat said (40013 appid, 40125 secret, 40164 IP…) or why it could not be asked
     */
    public Verified verify(String appid, String appsecret, boolean sandbox, TokenMode mode) {
        URI base = clients.apiBase(sandbox, null);
        TokenIssuer.Grant grant = issuer.fetch(appid, appsecret, base, mode, false, errcode -> {
        });
        return new Verified(grant, Instant.now());
    }

    /** Stores the token of a verification for the tenant just saved, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void adopt(long tenantId, Verified verified) {
        AccessToken.store(seal, tenantId, verified.grant.kind(), verified.grant.accessToken(), verified.obtainedAt,
                verified.grant.expiresIn(), false);
        quotas.countHere(tenantId, verified.grant.kind().api(), 0);
    }

    /**
     * The tenant's appid, secret or token mode changed: forget its token (this node and the shared one) and its
     * credential problem, in the caller's transaction. Other nodes keep their (still valid) token until it expires.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void credentialsChanged(long tenantId) {
        AccessToken.delete("tenantId", tenantId);
        guard.clear(tenantId);
        broker.forget(tenantId);
    }

    /**
     * The account revoked the third-party platform's authorization: its token is forgotten and a credential problem
     * (61003) stops every call and job until it authorizes again ({@link #credentialsChanged}), in the caller's
     * transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void authorizationRevoked(long tenantId) {
        AccessToken.delete("tenantId", tenantId);
        broker.forget(tenantId);
        guard.record(tenantId, WeChatException.refused(WeChatApi.COMPONENT_AUTHORIZER_TOKEN, 61003,
                "component is not authorized by this account"), true);
    }

    /**
     * A user asks to try again after a credential problem: lets calls go out, then asks WeChat at once, so that the
     * answer is known now: a new token (appid, secret, IP whitelist) and the card palette, the cheapest card call
     * (card permission, account restrictions).
     *
     * @throws WeChatException when WeChat still refuses (the problem is recorded again)
     */
    public void retry(long tenantId) {
        QuarkusTransaction.requiringNew().run(() -> guard.clear(tenantId));
        quotas.forgetMinuteStops(tenantId);
        broker.fetchNow(tenantId);
        forTenant(tenantId).cardColors();
    }

    /** What the tenant page shows: token, credential problem, calls today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TokenHealth health(long tenantId, WeChatMsg msg) {
        quotas.flush(); // this node's latest counts
        TokenMode mode = accounts.find(tenantId).map(WeChatAccount::tokenMode).orElse(TokenMode.STABLE);
        Optional<AccessToken> token = AccessToken.ofTenant(tenantId);
        TokenHealth.Problem problem = CredentialProblem.ofTenant(tenantId).map(p -> {
            WeChatApi api = WeChatApi.byPath(p.api);
            return new TokenHealth.Problem(p.errcode, WeChatErrors.message(msg, api, p.errcode, p.errmsg),
                    WeChatErrors.advice(msg, p.errcode, p.seenIp), p.seenIp, p.api, p.detectedAt);
        }).orElse(null);
        List<TokenHealth.Usage> usage = ApiUsage.ofDay(tenantId, ApiUsage.today()).stream().map(u -> {
            WeChatApi api = WeChatApi.byPath(u.api);
            return new TokenHealth.Usage(u.api, u.calls, u.failures, u.lastErrcode,
                    u.lastErrcode == null ? null : WeChatErrors.message(msg, api, u.lastErrcode, null),
                    u.lastErrorAt, u.quotaExhaustedAt, api == null ? -1 : api.publishedDailyQuota());
        }).toList();
        return new TokenHealth(mode, token.map(t -> t.kind).orElse(null), token.map(t -> t.obtainedAt).orElse(null),
                token.map(t -> t.expiresAt).orElse(null), problem, usage);
    }

    /** One business call: stops, token, the wire, and what to do about the answer. */
    JsonNode call(long tenantId, WeChatApi api, Request request) {
        guard.checkOpen(tenantId, api);
        quotas.checkOpen(tenantId, api);
        TokenBroker.Lease lease = broker.lease(tenantId);
        boolean renewed = false;
        while (true) {
            TokenBroker.Lease used = lease;
            JsonNode reply = wire.exchange(api, used.apiBase(), errcode -> quotas.count(tenantId, api, errcode),
                    () -> request.send(used.apiBase(), used.token()));
            int errcode = WeChatJson.errcode(reply);
            if (errcode == 0) {
                return reply;
            }
            String errmsg = WeChatJson.errmsg(reply);
            if (WeChatErrors.TOKEN_REFUSED.contains(errcode) && !renewed) {
                // The call was refused before it ran, so even a call that is not repeatable may go again, once.
                lease = broker.renewAfterRefusal(tenantId, new TokenBroker.Refusal(used.token(), api, errcode, errmsg));
                renewed = true;
                continue;
            }
            WeChatException failure = WeChatException.refused(api, errcode, errmsg);
            if (failure.credentialProblem()) {
                guard.record(tenantId, failure, false);
            } else {
                quotas.refused(tenantId, api, errcode, errmsg, false);
            }
            Log.debugf("Tenant %d: %s", tenantId, failure.getMessage());
            throw failure;
        }
    }

    <T> T client(URI base, Class<T> type) {
        return clients.client(base, type);
    }
}
