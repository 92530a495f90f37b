package io.kaquan.sandbox.open;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kaquan.sandbox.AuthorizerTokens;
import io.kaquan.sandbox.SandboxToken;
import io.kaquan.sandbox.WeChatError;

/** What an authorizer token may call (§7): only while the authorization lasts, and only the granted permission sets. */
@ApplicationScoped
public class OpenPlatformGate implements AuthorizerTokens {

    /** Inside a transaction: 40001 once the account revoked the platform, 61007 for a card API without set 8. */
    @Override
    public void check(SandboxToken token, String api) {
        OpenAuthorization authorization = OpenAuthorization.of(token.platformId, token.accountId)
                .filter(a -> a.active).orElseThrow(() -> new WeChatError(40001));
        if (needsCardSet(api) && !authorization.grants(OpenAuthorization.CARD_SET)) {
            throw new WeChatError(61007);
        }
    }

    static boolean needsCardSet(String api) {
        return api != null && (api.startsWith("/card/") || api.startsWith("/datacube/getcard"));
    }

    /** Where a platform receives an authorizer's events: its message URL, token, key and appid (the trailer). */
    public record MessageRoute(String url, String token, String encodingAesKey, String componentAppid) {
    }

    /**
     * Inside a transaction: the route of the account's events when it authorized a platform with 微信卡券 and that
     * platform has a message URL (§6.3: card events then go to the platform, not to the account's own server).
     */
    public static Optional<MessageRoute> messageRoute(Long accountId, String authorizerAppid) {
        return OpenAuthorization.<OpenAuthorization> list("accountId = ?1 and active = true order by authTime desc",
                accountId).stream().filter(a -> a.grants(OpenAuthorization.CARD_SET))
                .map(a -> OpenPlatform.<OpenPlatform> findById(a.platformId))
                .filter(p -> p.messageUrl != null && !p.messageUrl.isBlank()).findFirst()
                .map(p -> new MessageRoute(p.messageUrlFor(authorizerAppid), p.token, p.encodingAesKey, p.appid));
    }
}
