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
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * WeChat's platform APIs around quotas (§6) that a client needs next to the card APIs: callback IPs, the quota of an
 * API, and clearing the day's quota (10 times a month, with or without a token).
 */
@Path("/sandbox/wechat/cgi-bin")
public class SandboxPlatformResource {

    static final String CALLBACK_IP_API = "/cgi-bin/getcallbackip";
    static final String QUOTA_GET_API = "/cgi-bin/openapi/quota/get";
    static final String CLEAR_QUOTA_API = "/cgi-bin/clear_quota";
    /** The monthly budget of clear_quota and clear_quota/v2 together. */
    static final String CLEAR_QUOTA_MONTH = "/cgi-bin/clear_quota#month";
    static final int CLEARS_PER_MONTH = 10;

    @Inject
    SandboxGate gate;

    @Inject
    SandboxUsage usage;

    /** The addresses pushes come from: this sandbox. */
    @GET
    @Path("getcallbackip")
    public Response callbackIps(@RestQuery("access_token") String accessToken) {
        gate.authorize(accessToken, CALLBACK_IP_API);
        ObjectNode body = WeChatReply.object();
        body.putArray("ip_list").add("127.0.0.1");
        return WeChatReply.raw(body);
    }

    /** {"cgi_path":"/card/create"} → today's quota and the per-minute limit of that API. */
    @POST
    @Path("openapi/quota/get")
    public Response quota(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorize(accessToken, QUOTA_GET_API);
        ObjectNode request = SandboxJson.parse(body);
        String path = SandboxJson.requiredText(request, "cgi_path");
        if (!path.startsWith("/") || path.contains("#")) {
            throw new WeChatError(76003, "invalid cgi_path");
        }
        SandboxUsage.Limits limits = QuarkusTransaction.requiringNew().call(() -> usage.limits(account.id, path));
        int used = QuarkusTransaction.requiringNew().call(() -> usage.usedToday(account.id, path));
        ObjectNode answer = WeChatReply.object();
        ObjectNode quota = answer.putObject("quota");
        quota.put("daily_limit", limits.daily());
        quota.put("used", used);
        quota.put("remain", Math.max(0, limits.daily() - used));
        if (limits.perMinute() != null) {
            ObjectNode rate = answer.putObject("rate_limit");
            rate.put("call_count", limits.perMinute());
            rate.put("refresh_second", 60);
        }
        return WeChatReply.ok(answer);
    }

    /** {"appid":"…"} with the account's token. */
    @POST
    @Path("clear_quota")
    public Response clearQuota(@RestQuery("access_token") String accessToken, String body) {
        SandboxAccount account = gate.authorize(accessToken, CLEAR_QUOTA_API);
        ObjectNode request = SandboxJson.parse(body);
        String appid = SandboxJson.optionalText(request, "appid").orElse("");
        if (appid.isEmpty()) {
            throw new WeChatError(41002);
        }
        if (!appid.equals(account.appid)) {
            throw new WeChatError(40013);
        }
        return clear(account);
    }

    /** {"appid":"…","appsecret":"…"} without a token, for when the token API itself is at 45009. */
    @POST
    @Path("clear_quota/v2")
    public Response clearQuotaBySecret(String body) {
        ObjectNode request = SandboxJson.parse(body);
        String appid = SandboxJson.optionalText(request, "appid").orElse("");
        String secret = SandboxJson.optionalText(request, "appsecret").orElse("");
        if (appid.isEmpty()) {
            throw new WeChatError(41002);
        }
        if (secret.isEmpty()) {
            throw new WeChatError(41004);
        }
        SandboxAccount account = SandboxAccount.byAppid(appid).orElseThrow(() -> new WeChatError(40013));
        gate.checkIp(account, gate.clientIp());
        if (!account.appsecret.equals(secret)) {
            throw new WeChatError(40125);
        }
        return clear(account);
    }

    private Response clear(SandboxAccount account) {
        boolean cleared = QuarkusTransaction.requiringNew().call(() -> {
            if (!usage.countThisMonth(account.id, CLEAR_QUOTA_MONTH, CLEARS_PER_MONTH)) {
                return false;
            }
            usage.clearToday(account.id);
            return true;
        });
        if (!cleared) {
            throw new WeChatError(48006);
        }
        return WeChatReply.ok();
    }
}
