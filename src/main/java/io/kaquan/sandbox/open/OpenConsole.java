package io.kaquan.sandbox.open;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.sandbox.SandboxAccess;
import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxConfig;
import io.kaquan.sandbox.SandboxInvalid;
import io.kaquan.web.Flash;
import io.kaquan.web.I18n;
import io.kaquan.web.Pages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The simulated open platform's pages (signed in): WeChat's authorization page (componentloginpage), where the
 * signed-in user acts as the administrator of their own sandbox accounts, and the console of the platforms a user
 * created (push a ticket now, change or revoke an account's authorization). Another user's platform is 404.
 */
@Path("/sandbox/open")
public class OpenConsole {

    static final int PUSHES_SHOWN = 30;

    /**
     * An authorized account with its granted sets; {@code administered} when the signed-in user is its administrator,
     * the only one who may change or revoke the authorization (as in WeChat, where the platform cannot).
     */
    public record Authorizer(SandboxAccount account, OpenAuthorization authorization, List<PermissionSet> sets,
            boolean administered) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance authorize(OpenPlatform platform, String preAuthCode, String redirectUri,
                List<SandboxAccount> accounts, List<PermissionSet> sets, List<PermissionSet> requested);

        static native TemplateInstance refused();

        static native TemplateInstance platforms(List<OpenPlatform> platforms);

        static native TemplateInstance platform(OpenPlatform platform, List<Authorizer> authorizers,
                List<OpenPush> pushes, List<PermissionSet> sets);
    }

    @Inject
    OpenPlatforms platforms;

    @Inject
    SandboxAccess access;

    @Inject
    SandboxConfig config;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    // The authorization page (§4)

    @GET
    @Path("componentloginpage")
    @Transactional
    public Response authorizePage(@RestQuery("component_appid") String componentAppid,
            @RestQuery("pre_auth_code") String preAuthCode, @RestQuery("redirect_uri") String redirectUri,
            @RestQuery("biz_appid") String bizAppid, @RestQuery("category_id_list") String categories) {
        Optional<OpenCredential> code = platforms.usablePreAuthCode(componentAppid, preAuthCode);
        if (code.isEmpty() || redirect(redirectUri).isEmpty()) {
            return Response.status(400).entity(Templates.refused()).build();
        }
        List<SandboxAccount> accounts = access.visibleAccounts().stream()
                .filter(a -> bizAppid == null || bizAppid.isBlank() || a.appid.equals(bizAppid)).toList();
        List<PermissionSet> requested = requested(categories);
        return Response.ok(Templates.authorize(OpenPlatform.findById(code.get().platformId), preAuthCode, redirectUri,
                accounts, List.of(PermissionSet.values()), requested)).build();
    }

    /** The administrator confirms: the browser goes back to the platform with auth_code and expires_in. */
    @POST
    @Path("componentloginpage")
    public Response authorize(@RestForm("component_appid") String componentAppid,
            @RestForm("pre_auth_code") String preAuthCode, @RestForm("redirect_uri") String redirectUri,
            @RestForm String authorizer, @RestForm List<Integer> sets) {
        Optional<String> back = redirect(redirectUri);
        boolean usable = QuarkusTransaction.requiringNew()
                .call(() -> platforms.usablePreAuthCode(componentAppid, preAuthCode).isPresent());
        if (!usable || back.isEmpty()) {
            return Response.status(400).entity(Templates.refused()).build();
        }
        Optional<SandboxAccount> account = QuarkusTransaction.requiringNew()
                .call(() -> SandboxAccount.byAppid(authorizer).filter(access::mayUse));
        if (account.isEmpty()) {
            flash.error(i18n.bundle(SandboxOpenMsg.class).errAccount());
            return Response.seeOther(URI.create("/sandbox/open/componentloginpage?component_appid=" + encode(componentAppid)
                    + "&pre_auth_code=" + encode(preAuthCode) + "&redirect_uri=" + encode(redirectUri))).build();
        }
        OpenPlatforms.Authorized authorized = platforms.authorize(componentAppid, preAuthCode, account.get(),
                sets == null ? List.of() : sets);
        String target = back.get() + (back.get().contains("?") ? "&" : "?") + "auth_code="
                + encode(authorized.authCode()) + "&expires_in=" + authorized.expiresIn();
        return Response.seeOther(URI.create(target)).build();
    }

    /** Where the page may send the browser: any http(s) URL when standing for WeChat, else a path of this site. */
    private Optional<String> redirect(String redirectUri) {
        if (redirectUri == null || redirectUri.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(redirectUri.strip());
            if (uri.getRawFragment() != null) {
                return Optional.empty();
            }
            if (config.standsForWechat() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.of(uri.toString());
            }
            if (uri.getScheme() != null && !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getRawPath() == null || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
                return Optional.empty();
            }
            // Outside tests only back to this site: the host is dropped, like a sandbox account's callback URL.
            return Optional.of(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<PermissionSet> requested(String categories) {
        if (categories == null || categories.isBlank()) {
            return List.of(PermissionSet.values());
        }
        List<PermissionSet> sets = new ArrayList<>();
        Arrays.stream(categories.split("[|,]")).map(String::strip).filter(id -> id.matches("[0-9]{1,4}"))
                .map(Integer::valueOf).map(PermissionSet::of).flatMap(Optional::stream).forEach(sets::add);
        return sets;
    }

    // The console

    @GET
    @Transactional
    public TemplateInstance list() {
        List<OpenPlatform> visible = access.isPlatformAdmin() ? OpenPlatform.newestFirst()
                : access.currentOwner().map(OpenPlatform::newestFirstOf).orElse(List.of());
        return Templates.platforms(visible);
    }

    @POST
    public RestResponse<Object> create() {
        OpenPlatform platform = platforms.create(new OpenPlatforms.PlatformInput(null, null, null, null,
                config.openEventsPath(), config.openMessagePath(), null, null, null),
                access.currentOwner().orElse(null));
        flash.success(i18n.bundle(SandboxOpenMsg.class).created(platform.appid));
        return Pages.seeOther("/sandbox/open/" + platform.appid);
    }

    @GET
    @Path("{appid}")
    @Transactional
    public TemplateInstance platform(@RestPath String appid) {
        OpenPlatform platform = usable(appid);
        List<Authorizer> authorizers = OpenAuthorization.activeOf(platform.id).stream()
                .map(a -> {
                    SandboxAccount account = SandboxAccount.findById(a.accountId);
                    return new Authorizer(account, a, a.permissionSets(), access.mayUse(account));
                })
                .toList();
        return Templates.platform(platform, authorizers, OpenPush.recentOf(platform.id, PUSHES_SHOWN),
                List.of(PermissionSet.values()));
    }

    @POST
    @Path("{appid}/ticket")
    public RestResponse<Object> pushTicket(@RestPath String appid) {
        OpenPlatform platform = QuarkusTransaction.requiringNew().call(() -> usable(appid));
        platforms.pushTicket(platform.id);
        flash.success(i18n.bundle(SandboxOpenMsg.class).ticketPushed());
        return Pages.seeOther("/sandbox/open/" + appid);
    }

    @POST
    @Path("{appid}/authorizers/{authorizerAppid}/update")
    public RestResponse<Object> update(@RestPath String appid, @RestPath String authorizerAppid,
            @RestForm List<Integer> sets) {
        administeredAuthorizer(appid, authorizerAppid);
        try {
            platforms.updateAuthorization(appid, authorizerAppid, sets == null ? List.of() : sets);
            flash.success(i18n.bundle(SandboxOpenMsg.class).updated(authorizerAppid));
        } catch (SandboxInvalid | OpenPlatforms.NotFound e) {
            flash.error(i18n.bundle(SandboxOpenMsg.class).errNotAuthorizer(authorizerAppid)); // e.g. a second click
        }
        return Pages.seeOther("/sandbox/open/" + appid);
    }

    @POST
    @Path("{appid}/authorizers/{authorizerAppid}/unauthorize")
    public RestResponse<Object> unauthorize(@RestPath String appid, @RestPath String authorizerAppid) {
        administeredAuthorizer(appid, authorizerAppid);
        try {
            platforms.unauthorize(appid, authorizerAppid, true);
            flash.success(i18n.bundle(SandboxOpenMsg.class).unauthorized(authorizerAppid));
        } catch (SandboxInvalid | OpenPlatforms.NotFound e) {
            flash.error(i18n.bundle(SandboxOpenMsg.class).errNotAuthorizer(authorizerAppid));
        }
        return Pages.seeOther("/sandbox/open/" + appid);
    }

    /**
     * 404 unless the user owns the platform and administers the account: granting a platform more than the account's
     * administrator did is the administrator's decision alone.
     */
    private void administeredAuthorizer(String appid, String authorizerAppid) {
        QuarkusTransaction.requiringNew().run(() -> {
            usable(appid);
            access.usable(authorizerAppid);
        });
    }

    private OpenPlatform usable(String appid) {
        return OpenPlatform.byAppid(appid)
                .filter(p -> access.isPlatformAdmin() || access.currentOwner().map(o -> o.equals(p.owner)).orElse(false))
                .orElseThrow(NotFoundException::new);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
