package io.kaquan.sandbox.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxGate;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.SandboxUsage;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.tokens.SandboxTokens;

/** WeChat's token endpoints (§1): GET /cgi-bin/token and POST /cgi-bin/stable_token. */
@Path("/sandbox/wechat/cgi-bin")
public class SandboxTokenResource {

    @Inject
    SandboxGate gate;

    @Inject
    SandboxTokens tokens;

    @Inject
    SandboxUsage usage;

    @GET
    @Path("token")
    public Response token(@RestQuery("grant_type") String grantType, @RestQuery String appid,
            @RestQuery String secret) {
        SandboxAccount account = credentials(grantType, appid, secret, SandboxUsage.TOKEN_API);
        return issued(tokens.classic(account.id));
    }

    /** POST JSON only; no query parameters. */
    @POST
    @Path("stable_token")
    public Response stableToken(String body) {
        ObjectNode request = SandboxJson.parse(body);
        String grantType = SandboxJson.optionalText(request, "grant_type").orElse(null);
        String appid = SandboxJson.optionalText(request, "appid").orElse(null);
        String secret = SandboxJson.optionalText(request, "secret").orElse(null);
        boolean force = SandboxJson.booleanOr(request, "force_refresh", false);
        SandboxAccount account = credentials(grantType, appid, secret, SandboxUsage.STABLE_TOKEN_API);
        if (force) {
            usage.countExtra(account.id, SandboxUsage.FORCED_REFRESH);
        }
        return issued(tokens.stable(account.id, force));
    }

    /** The checks in WeChat's order: 40002, 41002, 41004, 40013, 40164, 40125, then faults and quota. */
    private SandboxAccount credentials(String grantType, String appid, String secret, String api) {
        if (!"client_credential".equals(grantType)) {
            throw new WeChatError(40002);
        }
        if (appid == null || appid.isEmpty()) {
            throw new WeChatError(41002);
        }
        if (secret == null || secret.isEmpty()) {
            throw new WeChatError(41004);
        }
        SandboxAccount account = SandboxAccount.byAppid(appid).orElseThrow(() -> new WeChatError(40013));
        gate.checkIp(account, gate.clientIp());
        if (!account.appsecret.equals(secret)) {
            throw new WeChatError(40125);
        }
        gate.admit(account, api);
        return account;
    }

    private static Response issued(SandboxTokens.Issued issued) {
        ObjectNode body = WeChatReply.object();
        body.put("access_token", issued.accessToken());
        body.put("expires_in", issued.expiresIn());
        return WeChatReply.raw(body);
    }
}
