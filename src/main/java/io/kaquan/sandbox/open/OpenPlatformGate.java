package io.kaquan.sandbox.open;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.kaquan.sandbox.OpenPlatformTokens;
import io.kaquan.sandbox.SandboxToken;
import io.kaquan.sandbox.WeChatError;

/** What an authorizer token may call (§7): only while the authorization lasts, and only the granted permission sets. */
@ApplicationScoped
public class OpenPlatformGate implements OpenPlatformTokens {

    /**
     * Inside a transaction: 40001 once the account revoked the platform, 61007 for a card API without set 8 or a
     * store API without set 13.
     */
    @Override
    public void checkAuthorizer(SandboxToken token, String api) {
        OpenAuthorization authorization = OpenAuthorization.of(token.platformId, token.accountId)
                .filter(a -> a.active).orElseThrow(() -> new WeChatError(40001));
        if (requiredSet(api).filter(set -> !authorization.grants(set.id)).isPresent()) {
            throw new WeChatError(61007);
        }
    }

    @Override
    public boolean isComponentToken(String token) {
        Instant now = Instant.now();
        return OpenCredential.find(OpenCredential.Kind.COMPONENT_TOKEN, token)
                .filter(credential -> !credential.endedBy(now) && !credential.expiredAt(now)).isPresent();
    }

    /** The permission set an API belongs to, where the sandbox checks one (§7). */
    static Optional<PermissionSet> requiredSet(String api) {
        if (api == null) {
            return Optional.empty();
        }
        if (api.startsWith("/card/") || api.startsWith("/datacube/getcard")) {
            return Optional.of(PermissionSet.CARDS);
        }
        return api.startsWith("/cgi-bin/poi/") ? Optional.of(PermissionSet.STORES) : Optional.empty();
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
