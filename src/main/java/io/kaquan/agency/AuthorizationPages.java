package io.kaquan.agency;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.account.CurrentUser;
import io.kaquan.tenant.AuthorizedAccounts;
import io.kaquan.web.Flash;
import io.kaquan.web.I18n;
import io.kaquan.web.Pages;
import io.kaquan.web.QrCode;
import io.kaquan.wechat.WeChatComponent;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatMsg;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 授权接入: a signed-in user gets an authorization link (a fresh pre-auth code) and its QR code; the administrator
 * authorizes on WeChat's page and comes back here with auth_code, which is exchanged, the account read (name, original
 * id, permissions) and the tenant created or re-bound — refused clearly when 微信卡券 was not granted.
 */
@Path("/agency")
public class AuthorizationPages {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The link to WeChat's page, its QR code as SVG; or why there is none. */
    public record Link(String url, String qrSvg, String problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance authorize(Link link);
    }

    @Inject
    AgencyPlatform platform;

    @Inject
    AgencyConfig config;

    @Inject
    WeChatComponent component;

    @Inject
    AuthorizedAccounts accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @Inject
    UriInfo uriInfo;

    @ConfigProperty(name = "kaquan.tenant.public-url")
    Optional<URI> publicUrl;

    @GET
    @Path("authorize")
    public RestResponse<TemplateInstance> authorize() {
        AgencyMsg msg = i18n.bundle(AgencyMsg.class);
        if (!platform.configured()) {
            return noStore(Templates.authorize(new Link(null, null, msg.notConfigured())));
        }
        String nonce = HexFormat.of().formatHex(bytes(16));
        try {
            WeChatComponent.PreAuth preAuth = component.preAuthCode();
            QuarkusTransaction.requiringNew().run(() -> {
                AuthorizationLink link = new AuthorizationLink();
                link.nonce = nonce;
                link.userId = currentUser.id();
                link.createdAt = Instant.now();
                link.persist();
            });
            URI base = publicUrl.orElse(uriInfo.getBaseUri());
            String back = base.resolve("/agency/authorized?state=" + nonce).toString();
            String url = config.authorizePageUrl() + "?component_appid=" + encode(platform.appid()) + "&pre_auth_code="
                    + encode(preAuth.code()) + "&redirect_uri=" + encode(back) + "&auth_type=1&category_id_list="
                    + encode(config.requestedSets());
            return noStore(Templates.authorize(new Link(url, QrCode.of(url).svg(240), null)));
        } catch (WeChatException e) {
            Log.infof("No pre-auth code: %s", e.getMessage());
            String reason = WeChatErrors.message(i18n.bundle(WeChatMsg.class), e);
            return noStore(Templates.authorize(new Link(null, null, msg.linkFailed(reason))));
        }
    }

    /** WeChat's redirect after the administrator confirmed: {@code ?state=…&auth_code=…&expires_in=…}. */
    @GET
    @Path("authorized")
    public RestResponse<Object> authorized(@RestQuery String state, @RestQuery("auth_code") String authCode) {
        AgencyMsg msg = i18n.bundle(AgencyMsg.class);
        if (!platform.configured() || authCode == null || authCode.isBlank() || !claim(state)) {
            flash.error(msg.linkInvalid());
            return Pages.seeOther("/agency/authorize");
        }
        try {
            WeChatComponent.Authorization authorization = component.queryAuth(authCode);
            WeChatComponent.AuthorizerInfo info = component.authorizerInfo(authorization.authorizerAppid());
            if (!info.grantsCards()) {
                flash.error(msg.missingCardPermission());
                return Pages.seeOther("/agency/authorize");
            }
            AuthorizedAccounts.Connected connected = accounts.connect(new AuthorizedAccounts.Authorization(
                    info.authorizerAppid(), info.originalId(), info.nickName(), platform.appid(),
                    authorization.refreshToken(), AgencyPlatform.profileOf(info), config.apiBaseUrl().orElse(null)));
            flash.success(connected.created() ? msg.connected(connected.tenant().displayName)
                    : msg.reconnected(connected.tenant().displayName));
            return Pages.seeOther("/t/" + connected.tenant().id);
        } catch (AuthorizedAccounts.NotYours e) {
            flash.error(msg.connectedByOthers());
        } catch (WeChatException e) {
            Log.infof("Authorization not finished: %s", e.getMessage());
            flash.error(msg.authorizationFailed(WeChatErrors.message(i18n.bundle(WeChatMsg.class), e)));
        }
        return Pages.seeOther("/agency/authorize");
    }

    /** The link was handed to this user, is recent and unused; it is used now. */
    @Transactional
    boolean claim(String state) {
        if (state == null || !state.matches("[0-9a-f]{32}")) {
            return false;
        }
        AuthorizationLink link = AuthorizationLink.findById(state);
        Instant now = Instant.now();
        if (link == null || link.usedAt != null || !link.userId.equals(currentUser.id())
                || link.createdAt.plus(config.linkLifetime()).isBefore(now)) {
            return false;
        }
        link.usedAt = now;
        return true;
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> RestResponse<T> noStore(T entity) {
        return RestResponse.ResponseBuilder.ok(entity).header("Cache-Control", "no-store").build();
    }
}
