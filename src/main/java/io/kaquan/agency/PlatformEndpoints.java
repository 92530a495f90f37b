package io.kaquan.agency;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.kaquan.callback.EventProcessor;
import io.kaquan.callback.Inbox;
import io.kaquan.tenant.AuthorizedAccounts;
import io.kaquan.tenant.Tenant;
import io.kaquan.wechat.CallbackCrypto;
import io.kaquan.wechat.CallbackXml;
import io.kaquan.wechat.WeChatComponent;
import io.kaquan.wechat.WeChatException;
import io.quarkus.logging.Log;

/**
 * The platform's two public URLs (open-platform-protocol.md §2, §6), outside login and CSRF like /wechat/callback.
 * Both are signed with the platform's token and encrypted with its key, the trailer being the platform's appid.
 * <ul>
 * <li>{@code /wechat/open/events} (授权事件接收URL): tickets, stored durably once the push proves to be our
 * platform's; authorized / updateauthorized (permissions read again) and unauthorized (the tenant disconnected).</li>
 * <li>{@code /wechat/open/{appid}/callback} (消息与事件接收URL with $APPID$): an authorizer's messages, into the
 * same inbox as /wechat/callback, deduplicated the same way.</li>
 * </ul>
 */
@Path("/wechat/open")
public class PlatformEndpoints {

    static final int MAX_BODY = 64 * 1024;

    @Inject
    AgencyPlatform platform;

    @Inject
    AgencyConfig config;

    @Inject
    AuthorizedAccounts accounts;

    @Inject
    WeChatComponent component;

    @Inject
    Inbox inbox;

    @Inject
    EventProcessor processor;

    /** A push that opened: its envelope and decrypted fields. */
    record Opened(Map<String, String> fields, String message) {
    }

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public RestResponse<String> event(InputStream body, @RestQuery String timestamp, @RestQuery String nonce,
            @RestQuery("msg_signature") String msgSignature) throws IOException {
        if (!platform.configured()) {
            return text(404, "no third-party platform configured");
        }
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        Map<String, String> envelope = envelope(bytes);
        if (envelope == null || bytes.length > MAX_BODY) {
            return text(400, "not a push");
        }
        if (!platform.appid().equals(envelope.get("AppId"))) {
            // Another platform's push (URLs mixed up): its ticket must not replace ours.
            Log.warnf("Platform event for another AppId refused: %s", clip(envelope.get("AppId")));
            return text(403, "not this platform");
        }
        Optional<Opened> opened = open(envelope, timestamp, nonce, msgSignature);
        if (opened.isEmpty()) {
            return text(403, "bad signature or encryption");
        }
        Map<String, String> fields = opened.get().fields();
        if (!platform.appid().equals(fields.get("AppId"))) {
            return text(403, "not this platform");
        }
        String infoType = fields.getOrDefault("InfoType", "");
        String authorizer = fields.get("AuthorizerAppid");
        switch (infoType) {
            case "component_verify_ticket" -> {
                String ticket = fields.get("ComponentVerifyTicket");
                if (ticket == null || ticket.isBlank()) {
                    return text(400, "no ticket");
                }
                platform.storeTicket(ticket, createTime(fields));
            }
            case "unauthorized" -> accounts.revoked(platform.appid(), authorizer, createTime(fields));
            case "authorized", "updateauthorized" -> readPermissions(authorizer);
            default -> Log.debugf("Platform event %s ignored", clip(infoType));
        }
        return text(200, "success");
    }

    @POST
    @Path("{appid}/callback")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public RestResponse<String> message(@RestPath String appid, InputStream body, @RestQuery String timestamp,
            @RestQuery String nonce, @RestQuery("msg_signature") String msgSignature) throws IOException {
        if (!platform.configured()) {
            return text(404, "no third-party platform configured");
        }
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        Map<String, String> envelope = envelope(bytes);
        if (envelope == null || bytes.length > MAX_BODY) {
            return text(400, "not a push");
        }
        Optional<Opened> opened = open(envelope, timestamp, nonce, msgSignature);
        if (opened.isEmpty()) {
            return text(403, "bad signature or encryption");
        }
        Optional<Tenant> tenant = accounts.authorizedTenant(platform.appid(), appid);
        Map<String, String> fields = opened.get().fields();
        if (tenant.isEmpty() || !tenant.get().originalId.equals(fields.get("ToUserName"))) {
            // Signed by our platform but for no tenant of ours (not connected yet, or connected by AppSecret only).
            Log.infof("Authorizer message for %s not routed: no tenant authorized this platform with that account",
                    clip(appid));
            return text(200, "success");
        }
        boolean fresh = inbox.store(new Inbox.Incoming(tenant.get().id, fields, opened.get().message(), "SAFE", false));
        if (fresh) {
            processor.wakeUp();
        }
        return text(200, "success");
    }

    /**
     * updateauthorized (or authorized again): the sets, type and verification as WeChat now reports them, and its
     * refresh token if it changed; nothing when not connected.
     */
    private void readPermissions(String authorizerAppid) {
        if (accounts.authorizedTenant(platform.appid(), authorizerAppid).isEmpty()) {
            return; // the page that started the authorization connects it
        }
        try {
            WeChatComponent.AuthorizerInfo info = component.authorizerInfo(authorizerAppid);
            accounts.permissionsRead(platform.appid(), authorizerAppid, AgencyPlatform.profileOf(info),
                    info.refreshToken());
        } catch (WeChatException e) {
            Log.warnf("Permissions of %s not read again: %s", authorizerAppid, e.getMessage());
        }
    }

    private Optional<Opened> open(Map<String, String> envelope, String timestamp, String nonce, String msgSignature) {
        String encrypt = envelope.get("Encrypt");
        String token = config.token().orElseThrow();
        if (encrypt == null || msgSignature == null || timestamp == null || nonce == null
                || !CallbackCrypto.sameSignature(CallbackCrypto.signature(token, timestamp, nonce, encrypt), msgSignature)) {
            return Optional.empty();
        }
        try {
            String message = CallbackCrypto.decrypt(config.encodingAesKey().orElseThrow(), platform.appid(), encrypt);
            return Optional.of(new Opened(CallbackXml.parse(message), message));
        } catch (CallbackCrypto.Refused | CallbackXml.Malformed e) {
            Log.warnf("Signed platform push does not open: %s", e.getMessage());
            return Optional.empty();
        }
    }

    private static Map<String, String> envelope(byte[] bytes) {
        try {
            return CallbackXml.parse(bytes);
        } catch (CallbackXml.Malformed e) {
            return null;
        }
    }

    private static Instant createTime(Map<String, String> fields) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(fields.getOrDefault("CreateTime", "")));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    private static String clip(String value) {
        return value == null ? "null" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    private static RestResponse<String> text(int status, String body) {
        return RestResponse.ResponseBuilder.<String> create(status).entity(body).type(MediaType.TEXT_PLAIN_TYPE).build();
    }

    /** Anything unexpected (the database is down…): 503 in plain text, never an HTML page. */
    @ServerExceptionMapper
    public RestResponse<String> unexpected(RuntimeException e) {
        Log.errorf(e, "Platform push failed");
        return text(503, "try again later");
    }
}
