package io.kaquan.wechat;

import java.net.URI;
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

    /** An authorizer token from the platform; a refresh token WeChat replaced is stored at once. */
    private Grant authorized(WeChatAccount account, IntConsumer counter) {
        try {
            WeChatComponent.AuthorizerGrant grant = component.authorizerToken(account.appid(), account.appsecret());
            counter.accept(0);
            if (!grant.refreshToken().isBlank() && !grant.refreshToken().equals(account.appsecret())) {
                accounts.refreshTokenChanged(account.tenantId(), grant.refreshToken());
            }
            return new Grant(grant.accessToken(), grant.expiresIn(), TokenMode.AUTHORIZED);
        } catch (WeChatException e) {
            counter.accept(e.kind() == WeChatException.Kind.REFUSED ? e.errcode() : WeChatException.NO_ERRCODE);
            throw e;
        }
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
