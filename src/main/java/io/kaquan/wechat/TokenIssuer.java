package io.kaquan.wechat;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Fetches access tokens from WeChat's token endpoints (§1.1, §1.2); {@link TokenBroker} decides when. */
@ApplicationScoped
class TokenIssuer {

    /** A token as WeChat issued it. */
    record Grant(String accessToken, long expiresIn, TokenMode kind) {
        @Override
        public String toString() {
            return "Grant[" + kind + ", expiresIn=" + expiresIn + "]";
        }
    }

    @RegisterForReflection
    record StableTokenRequest(String grantType, String appid, String secret, boolean forceRefresh) {
        @Override
        public String toString() {
            return "StableTokenRequest[" + appid + ", force=" + forceRefresh + "]";
        }
    }

    @RegisterForReflection
    record TokenReply(String accessToken, Long expiresIn) {
    }

    /** api_authorizer_token's refusals of the refresh token: 61023 wrong or stale, 61003 no longer authorized. */
    private static final Set<Integer> REFRESH_REFUSALS = Set.of(61023, 61003);
    private static final int NOT_AUTHORIZED = 61003;

    @Inject
    ApiClients clients;

    @Inject
    WeChatWire wire;

    @Inject
    WeChatComponent component;

    @Inject
    WeChatAccounts accounts;

    /**
     * A token of the account's mode. With a refused token given and stable tokens, WeChat may hand the same token back
     * (it still thinks it valid): then one forced refresh replaces it (WeChat allows 20 a day).
     *
     * @param counter told the errcode of every call, to count it
     */
    Grant fetch(WeChatAccount account, URI base, String refusedToken, IntConsumer counter) {
        if (account.tokenMode() == TokenMode.AUTHORIZED) {
            return authorized(account, counter);
        }
        Grant grant = fetch(account.appid(), account.appsecret(), base, account.tokenMode(), false, counter);
        if (refusedToken != null && account.tokenMode() == TokenMode.STABLE
                && grant.accessToken().equals(refusedToken)) {
            Log.infof("WeChat handed back the refused stable token of %s; forcing a new one", account.appid());
            grant = fetch(account.appid(), account.appsecret(), base, TokenMode.STABLE, true, counter);
        }
        return grant;
    }

    /**
     * An authorizer token from the platform; a refresh token WeChat replaced is stored at once, committed on its own
     * (the refresh transaction may still fail to commit; {@link WeChatAccounts#refreshTokenChanged}). A refused refresh token
     * (61023 wrong or lost, 61003 no longer authorized) is looked up again in the authorizer's info, then in the
     * authorizer list; when neither holds a working one the tenant is marked as needing a new authorization.
     */
    private Grant authorized(WeChatAccount account, IntConsumer counter) {
        String held = account.appsecret();
        try {
            WeChatComponent.AuthorizerGrant grant = authorizerGrant(account, held, counter);
            if (!grant.refreshToken().isBlank() && !grant.refreshToken().equals(held)) {
                accounts.refreshTokenChanged(account.tenantId(), grant.refreshToken());
            }
            return new Grant(grant.accessToken(), grant.expiresIn(), TokenMode.AUTHORIZED);
        } catch (WeChatException refused) {
            if (refused.kind() != WeChatException.Kind.REFUSED || !REFRESH_REFUSALS.contains(refused.errcode())) {
                throw refused;
            }
            Optional<String> found;
            try {
                found = recoverRefreshToken(account.appid(), held);
            } catch (WeChatException unknown) {
                // WeChat did not answer the lookups: nothing is known yet, the next refresh tries again.
                refused.addSuppressed(unknown);
                throw refused;
            }
            if (found.isPresent()) {
                try {
                    WeChatComponent.AuthorizerGrant grant = authorizerGrant(account, found.get(), counter);
                    // The newest one WeChat handed out is the one to keep.
                    accounts.refreshTokenRecovered(account.tenantId(),
                            grant.refreshToken().isBlank() ? found.get() : grant.refreshToken());
                    Log.infof("Tenant %d: the refresh token WeChat refused (%d) was recovered", account.tenantId(),
                            refused.errcode());
                    return new Grant(grant.accessToken(), grant.expiresIn(), TokenMode.AUTHORIZED);
                } catch (WeChatException again) {
                    if (again.kind() != WeChatException.Kind.REFUSED) {
                        throw again;
                    }
                    refused.addSuppressed(again);
                }
            }
            accounts.authorizationLost(account.tenantId(), refused.errcode());
            throw refused;
        }
    }

    /** One api_authorizer_token call, counted. */
    private WeChatComponent.AuthorizerGrant authorizerGrant(WeChatAccount account, String refreshToken,
            IntConsumer counter) {
        try {
            WeChatComponent.AuthorizerGrant grant = component.authorizerToken(account.appid(), refreshToken);
            counter.accept(0);
            return grant;
        } catch (WeChatException e) {
            counter.accept(e.kind() == WeChatException.Kind.REFUSED ? e.errcode() : WeChatException.NO_ERRCODE);
            throw e;
        }
    }

    /**
     * The current refresh token of an authorizer when WeChat holds another than ours: from api_get_authorizer_info,
     * else from api_get_authorizer_list. Empty when the account no longer authorizes the platform (61003) or both
     * answer the refused one.
     */
    private Optional<String> recoverRefreshToken(String appid, String refused) {
        try {
            String fromInfo = component.authorizerInfo(appid).refreshToken();
            if (fromInfo != null && !fromInfo.isBlank() && !fromInfo.equals(refused)) {
                return Optional.of(fromInfo);
            }
        } catch (WeChatException e) {
            if (e.kind() == WeChatException.Kind.REFUSED && e.errcode() == NOT_AUTHORIZED) {
                return Optional.empty();
            }
            if (e.kind() != WeChatException.Kind.REFUSED) {
                throw e;
            }
            Log.infof("api_get_authorizer_info refused (%d); looking in the authorizer list", e.errcode());
        }
        return component.listedRefreshToken(appid).filter(token -> !token.equals(refused));
    }

    Grant fetch(String appid, String secret, URI base, TokenMode mode, boolean force, IntConsumer counter) {
        WeChatApi api = mode.api();
        TokenRestClient client = clients.client(base, TokenRestClient.class);
        JsonNode reply = wire.exchange(api, base, counter, mode == TokenMode.STABLE
                ? () -> client.stableToken(WeChatJson.write(new StableTokenRequest("client_credential", appid, secret,
                        force)))
                : () -> client.token("client_credential", appid, secret));
        int errcode = WeChatJson.errcode(reply);
        if (errcode != 0) {
            throw WeChatException.refused(api, errcode, WeChatJson.errmsg(reply));
        }
        TokenReply token = WeChatJson.convert(reply, TokenReply.class);
        if (token.accessToken() == null || token.accessToken().isBlank() || token.expiresIn() == null
                || token.expiresIn() <= 0) {
            throw WeChatException.noAnswer(api, base.getHost(), "a token answer without a token", null);
        }
        return new Grant(token.accessToken(), token.expiresIn(), mode);
    }
}
