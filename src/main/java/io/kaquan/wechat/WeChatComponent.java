package io.kaquan.wechat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The third-party platform's door to WeChat (open-platform-protocol.md §3, §5): pre-auth codes, the exchange of an
 * authorization code, the authorizer's info and list, and (for {@link TokenIssuer}) authorizer tokens. Every call
 * carries the component token of {@link ComponentTokens}; one refused as invalid or expired is renewed
 * (compare-then-expire) and the call sent once more.
 */
@ApplicationScoped
public class WeChatComponent {

    /** 微信卡券: the permission set of every card API. */
    public static final int CARD_SET = 8;

    private static final Set<Integer> TOKEN_REFUSALS = Set.of(40001, 40014, 42001);

    /** A pre-auth code for one authorization link. */
    public record PreAuth(String code, long expiresIn) {
    }

    /** What api_query_auth returns: the authorizer and its first token. */
    public record Authorization(String authorizerAppid, String accessToken, long expiresIn, String refreshToken,
            List<Integer> permissionSets) {
        @Override
        public String toString() {
            return "Authorization[" + authorizerAppid + ", sets=" + permissionSets + "]";
        }
    }

    /** What api_get_authorizer_info returns about an official account. */
    public record AuthorizerInfo(String authorizerAppid, String nickName, String originalId, int serviceType,
            int verifyType, String principalName, boolean cardFeature, String refreshToken,
            List<Integer> permissionSets) {
        @Override
        public String toString() {
            return "AuthorizerInfo[" + authorizerAppid + ", " + originalId + ", sets=" + permissionSets + "]";
        }

        public boolean grantsCards() {
            return permissionSets.contains(CARD_SET);
        }
    }

    /** A new authorizer token and the refresh token WeChat returned with it (persist it if it changed). */
    record AuthorizerGrant(String accessToken, long expiresIn, String refreshToken) {
        @Override
        public String toString() {
            return "AuthorizerGrant[expiresIn=" + expiresIn + "]";
        }
    }

    @Inject
    ComponentTokens tokens;

    @Inject
    ApiClients clients;

    @Inject
    WeChatWire wire;

    /** The configured platform's appid; refused when none is configured. */
    public String componentAppid() {
        return tokens.credentials().appid();
    }

    public PreAuth preAuthCode() {
        JsonNode reply = call(WeChatApi.COMPONENT_PREAUTHCODE, Map.of(),
                (client, token) -> client.preAuthCode(token, body(Map.of())));
        return new PreAuth(reply.path("pre_auth_code").asText(), reply.path("expires_in").asLong());
    }

    /** Exchanges the code of the redirect (single use: 61009 when used, 61010 when expired). */
    public Authorization queryAuth(String authorizationCode) {
        Map<String, Object> fields = Map.of("authorization_code", authorizationCode);
        JsonNode info = call(WeChatApi.COMPONENT_QUERY_AUTH, fields, (client, token) -> client.queryAuth(token,
                body(fields))).path("authorization_info");
        return new Authorization(text(info, "authorizer_appid", "appid"), info.path("authorizer_access_token").asText(),
                info.path("expires_in").asLong(), info.path("authorizer_refresh_token").asText(), sets(info));
    }

    /** 61003 when the account no longer authorizes the platform. */
    public AuthorizerInfo authorizerInfo(String authorizerAppid) {
        Map<String, Object> fields = Map.of("authorizer_appid", authorizerAppid);
        JsonNode reply = call(WeChatApi.COMPONENT_AUTHORIZER_INFO, fields,
                (client, token) -> client.authorizerInfo(token, body(fields)));
        JsonNode info = reply.path("authorizer_info");
        JsonNode authorization = reply.path("authorization_info");
        return new AuthorizerInfo(authorizerAppid, info.path("nick_name").asText(), info.path("user_name").asText(),
                info.path("service_type_info").path("id").asInt(-1), info.path("verify_type_info").path("id").asInt(-1),
                info.path("principal_name").asText(), info.path("business_info").path("open_card").asInt() == 1,
                authorization.path("authorizer_refresh_token").asText(null), sets(authorization));
    }

    /** The appids of every account that authorizes the platform now (pages of 500). */
    public List<String> authorizerAppids() {
        return authorizerList().stream().map(item -> item.path("authorizer_appid").asText()).toList();
    }

    /** The refresh token the authorizer list holds for an account, if it lists it. */
    public Optional<String> listedRefreshToken(String authorizerAppid) {
        return authorizerList().stream().filter(item -> authorizerAppid.equals(item.path("authorizer_appid").asText()))
                .map(item -> item.path("refresh_token").asText("")).filter(token -> !token.isBlank()).findFirst();
    }

    /** Every entry of api_get_authorizer_list ({authorizer_appid, refresh_token, auth_time}), pages of 500. */
    private List<JsonNode> authorizerList() {
        List<JsonNode> entries = new ArrayList<>();
        for (int offset = 0;; offset += 500) {
            Map<String, Object> fields = Map.of("offset", offset, "count", 500);
            JsonNode reply = call(WeChatApi.COMPONENT_AUTHORIZER_LIST, fields,
                    (client, token) -> client.authorizerList(token, body(fields)));
            reply.path("list").forEach(entries::add);
            if (reply.path("list").size() < 500 || entries.size() >= reply.path("total_count").asInt()) {
                return entries;
            }
        }
    }

    /** api_authorizer_token: 61003 no longer authorized, 61023 wrong refresh token. */
    AuthorizerGrant authorizerToken(String authorizerAppid, String refreshToken) {
        Map<String, Object> fields = Map.of("authorizer_appid", authorizerAppid, "authorizer_refresh_token",
                refreshToken);
        JsonNode reply = call(WeChatApi.COMPONENT_AUTHORIZER_TOKEN, fields,
                (client, token) -> client.authorizerToken(token, body(fields)));
        String accessToken = reply.path("authorizer_access_token").asText("");
        if (accessToken.isBlank() || reply.path("expires_in").asLong() <= 0) {
            throw WeChatException.noAnswer(WeChatApi.COMPONENT_AUTHORIZER_TOKEN, "api.weixin.qq.com",
                    "a token answer without a token", null);
        }
        return new AuthorizerGrant(accessToken, reply.path("expires_in").asLong(),
                reply.path("authorizer_refresh_token").asText(refreshToken));
    }

    private JsonNode call(WeChatApi api, Map<String, Object> fields,
            BiFunction<ComponentRestClient, String, RestResponse<byte[]>> send) {
        ComponentTokens.Lease lease = tokens.lease();
        JsonNode reply = once(api, lease, send);
        int errcode = WeChatJson.errcode(reply);
        if (TOKEN_REFUSALS.contains(errcode)) {
            lease = tokens.renewAfterRefusal(lease.token());
            reply = once(api, lease, send);
            errcode = WeChatJson.errcode(reply);
        }
        if (errcode != 0) {
            throw WeChatException.refused(api, errcode, WeChatJson.errmsg(reply));
        }
        return reply;
    }

    private JsonNode once(WeChatApi api, ComponentTokens.Lease lease,
            BiFunction<ComponentRestClient, String, RestResponse<byte[]>> send) {
        ComponentRestClient client = clients.client(lease.apiBase(), ComponentRestClient.class);
        return wire.exchange(api, lease.apiBase(), errcode -> {
        }, () -> send.apply(client, lease.token()));
    }

    /** The request body: the component appid first, as WeChat's examples have it, then the fields. */
    private byte[] body(Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("component_appid", componentAppid());
        body.putAll(fields);
        return WeChatJson.write(body);
    }

    private static List<Integer> sets(JsonNode authorization) {
        List<Integer> sets = new ArrayList<>();
        authorization.path("func_info").forEach(item -> sets.add(item.path("funcscope_category").path("id").asInt()));
        return sets.stream().distinct().sorted().toList();
    }

    /** The current field name, or the older one some answers still carry. */
    private static String text(JsonNode node, String name, String older) {
        return node.hasNonNull(name) ? node.path(name).asText() : node.path(older).asText();
    }
}
