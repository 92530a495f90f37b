package io.kaquan.sandbox.open;

import java.util.function.BiFunction;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;

/**
 * The third-party platform's APIs (open-platform-protocol.md §3, §5) under WeChat's own paths: POST, JSON body,
 * the component token in the query as {@code component_access_token} (or {@code access_token}, the newer name).
 * Token successes carry no errcode.
 */
@Path("/sandbox/wechat/cgi-bin/component")
public class ComponentApiResource {

    @Inject
    OpenPlatforms platforms;

    @POST
    @Path("api_component_token")
    public Response componentToken(String body) {
        ObjectNode request = SandboxJson.parse(body);
        String appid = SandboxJson.optionalText(request, "component_appid").orElse(null);
        OpenCredential token = platforms.componentToken(appid,
                SandboxJson.optionalText(request, "component_appsecret").orElse(null),
                SandboxJson.optionalText(request, "component_verify_ticket").orElse(null));
        ObjectNode answer = WeChatReply.object();
        answer.put("component_access_token", token.value);
        answer.put("expires_in", token.expiresAt.getEpochSecond() - token.issuedAt.getEpochSecond());
        return WeChatReply.raw(answer);
    }

    /** Restarts the ticket pushes (or finds them running) and pushes one ticket now. */
    @POST
    @Path("api_start_push_ticket")
    public Response startPushTicket(String body) {
        ObjectNode request = SandboxJson.parse(body);
        OpenPlatform platform = OpenPlatform.byAppid(SandboxJson.optionalText(request, "component_appid").orElse(null))
                .orElseThrow(() -> new WeChatError(40013));
        if (!platform.secret.equals(SandboxJson.optionalText(request, "component_secret").orElse(""))) {
            throw new WeChatError(40125);
        }
        boolean running = platform.nextTicketAt != null;
        if (!running) {
            platforms.update(platform.appid, new OpenPlatforms.PlatformInput(null, null, null, null, null, null, null,
                    null, false));
        }
        platforms.pushTicket(platform.id);
        ObjectNode answer = WeChatReply.object();
        answer.put("errcode", 0);
        answer.put("errmsg", running ? "in a normal state" : "ok");
        return WeChatReply.raw(answer);
    }

    @POST
    @Path("api_create_preauthcode")
    public Response preAuthCode(@RestQuery("component_access_token") String token,
            @RestQuery("access_token") String newerName, String body) {
        return withPlatform(token, newerName, body, (platform, request) -> {
            OpenCredential code = platforms.preAuthCode(platform.id);
            ObjectNode answer = WeChatReply.object();
            answer.put("pre_auth_code", code.value);
            answer.put("expires_in", OpenPlatforms.PRE_AUTH_CODE_TTL.toSeconds());
            return answer;
        });
    }

    @POST
    @Path("api_query_auth")
    public Response queryAuth(@RestQuery("component_access_token") String token,
            @RestQuery("access_token") String newerName, String body) {
        return withPlatform(token, newerName, body, (platform, request) -> {
            String code = SandboxJson.optionalText(request, "authorization_code")
                    .orElseThrow(() -> new WeChatError(61009));
            OpenPlatforms.QueryAuth auth = platforms.queryAuth(platform, code);
            ObjectNode info = WeChatReply.object();
            info.put("authorizer_appid", auth.account().appid);
            info.put("authorizer_access_token", auth.token().token);
            info.put("expires_in", auth.account().tokenTtlSeconds);
            info.put("authorizer_refresh_token", auth.authorization().refreshToken);
            info.set("func_info", funcInfo(auth.authorization()));
            ObjectNode answer = WeChatReply.object();
            answer.set("authorization_info", info);
            return answer;
        });
    }

    @POST
    @Path("api_authorizer_token")
    public Response authorizerToken(@RestQuery("component_access_token") String token,
            @RestQuery("access_token") String newerName, String body) {
        return withPlatform(token, newerName, body, (platform, request) -> {
            OpenPlatforms.QueryAuth auth = platforms.refreshAuthorizerToken(platform,
                    SandboxJson.optionalText(request, "authorizer_appid").orElse(null),
                    SandboxJson.optionalText(request, "authorizer_refresh_token").orElse(null));
            ObjectNode answer = WeChatReply.object();
            answer.put("authorizer_access_token", auth.token().token);
            answer.put("expires_in", auth.account().tokenTtlSeconds);
            answer.put("authorizer_refresh_token", auth.authorization().refreshToken);
            return answer;
        });
    }

    @POST
    @Path("api_get_authorizer_info")
    public Response authorizerInfo(@RestQuery("component_access_token") String token,
            @RestQuery("access_token") String newerName, String body) {
        return withPlatform(token, newerName, body, (platform, request) -> authorizerInfo(platforms
                .authorizerInfo(platform, SandboxJson.optionalText(request, "authorizer_appid").orElse(null))));
    }

    private static ObjectNode authorizerInfo(OpenPlatforms.QueryAuth auth) {
        SandboxAccount account = auth.account();
        ObjectNode info = WeChatReply.object();
        info.put("nick_name", "沙箱公众号 " + account.originalId);
        info.put("head_img", "");
        info.putObject("service_type_info").put("id", 2);
        info.putObject("verify_type_info").put("id", 0);
        info.put("user_name", account.originalId);
        info.put("principal_name", "沙箱模拟主体");
        info.put("alias", "");
        ObjectNode business = info.putObject("business_info");
        business.put("open_store", 1);
        business.put("open_scan", 0);
        business.put("open_pay", account.payEnabled ? 1 : 0);
        business.put("open_card", account.cardEnabled ? 1 : 0);
        business.put("open_shake", 0);
        info.put("qrcode_url", "");
        info.put("account_status", 1);
        ObjectNode authorization = WeChatReply.object();
        authorization.put("authorizer_appid", account.appid);
        authorization.put("authorizer_refresh_token", auth.authorization().refreshToken);
        authorization.set("func_info", funcInfo(auth.authorization()));
        ObjectNode answer = WeChatReply.object();
        answer.set("authorizer_info", info);
        answer.set("authorization_info", authorization);
        return answer;
    }

    @POST
    @Path("api_get_authorizer_list")
    public Response authorizerList(@RestQuery("component_access_token") String token,
            @RestQuery("access_token") String newerName, String body) {
        return withPlatform(token, newerName, body, (platform, request) -> {
            int offset = SandboxJson.optionalInt(request, "offset").orElse(0);
            int count = SandboxJson.optionalInt(request, "count").orElse(500);
            if (offset < 0 || count < 1 || count > 500) {
                throw new WeChatError(40035, "invalid args");
            }
            var all = platforms.authorizers(platform);
            ArrayNode list = WeChatReply.object().arrayNode();
            all.stream().skip(offset).limit(count).forEach(auth -> {
                ObjectNode item = list.addObject();
                item.put("authorizer_appid", auth.account().appid);
                item.put("refresh_token", auth.authorization().refreshToken);
                item.put("auth_time", auth.authorization().authTime.getEpochSecond());
            });
            ObjectNode answer = WeChatReply.object();
            answer.put("total_count", all.size());
            answer.set("list", list);
            return answer;
        });
    }

    /**
     * The shape of every call made with the component token: parse the body, find the platform by its token (and
     * the body's component_appid), answer without errcode on success.
     */
    private Response withPlatform(String token, String newerName, String body,
            BiFunction<OpenPlatform, ObjectNode, ObjectNode> call) {
        ObjectNode request = SandboxJson.parse(body);
        String appid = SandboxJson.optionalText(request, "component_appid").orElse(null);
        OpenPlatform platform = platforms.byComponentToken(token != null && !token.isEmpty() ? token : newerName,
                appid);
        return WeChatReply.raw(call.apply(platform, request));
    }

    static ArrayNode funcInfo(OpenAuthorization authorization) {
        ArrayNode list = WeChatReply.object().arrayNode();
        authorization.sets().forEach(id -> list.addObject().putObject("funcscope_category").put("id", id));
        return list;
    }
}
