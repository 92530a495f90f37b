package io.kaquan.tenant;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.account.CurrentUser;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.kaquan.wechat.TokenHealth;
import io.kaquan.wechat.TokenMode;
import io.kaquan.wechat.WeChatMsg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Home (my accounts), connecting an account, a tenant's settings (its overview is {@code overview.OverviewPage}). */
@Path("/")
public class TenantPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<TenantService.Summary> tenants);

        static native TemplateInstance register(List<MessageMode> modes);

        static native TemplateInstance settings(Tenant tenant, List<MessageMode> modes, String callbackUrl,
                CallbackAddress address, Long testPush, TokenHealth health, List<TokenMode> tokenModes,
                Map<String, String> revealed);
    }

    @Inject
    TenantService tenants;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    TenantConfig config;

    @Inject
    UriInfo uriInfo;

    @Inject
    I18n i18n;

    @Inject
    SecretReveals reveals;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance home() {
        return Templates.home(tenants.myTenants());
    }

    @GET
    @Path("tenants/new")
    public TemplateInstance registerForm() {
        return Templates.register(List.of(MessageMode.values()));
    }

    @POST
    @Path("tenants")
    public RestResponse<Void> register(@BeanParam TenantForms.Registration form) {
        return forms.submit("/tenants/new", () -> {
            TenantService.Registered registered = tenants.register(form);
            flash.success(messages().registered(registered.tenant().displayName));
            reveal(registered.tenant().id, Map.of("callbackToken", registered.callbackToken(), "aesKey",
                    registered.aesKey()));
            return "/t/" + registered.tenant().id + "/settings";
        });
    }

    @GET
    @Path("t/{tenant}/settings")
    public RestResponse<TemplateInstance> settings(@RestQuery String testPush) {
        Map<String, String> revealed = reveals.take(flash.revealed(SecretReveals.FLASH_KEY), currentTenant.id(),
                currentUser.id());
        String callbackUrl = callbackUrl();
        // It may show a secret once: no cache (browser, proxy) may keep a copy.
        return RestResponse.ResponseBuilder.ok(Templates.settings(currentTenant.get(), List.of(MessageMode.values()),
                callbackUrl, CallbackAddress.of(callbackUrl), testPushId(testPush), tenants.health(),
                TokenMode.selectable(), revealed)).header("Cache-Control", "no-store").build();
    }

    /** The secrets to show once on the next page: kept server-side, only their random id goes into the flash. */
    private void reveal(long tenantId, Map<String, String> secrets) {
        flash.reveal(SecretReveals.FLASH_KEY, reveals.keep(tenantId, currentUser.id(), secrets));
    }

    @POST
    @Path("t/{tenant}/settings")
    public RestResponse<Void> saveSettings(@BeanParam TenantForms.Settings form) {
        return forms.submit(settingsPath(), () -> {
            tenants.updateSettings(form);
            flash.success(messages().settingsSaved());
            return settingsPath();
        });
    }

    @POST
    @Path("t/{tenant}/settings/appsecret")
    public RestResponse<Void> replaceAppsecret(@RestForm String appsecret) {
        return forms.submit(settingsPath(), () -> {
            tenants.replaceAppsecret(appsecret);
            flash.success(messages().appsecretReplaced());
            return settingsPath();
        });
    }

    @POST
    @Path("t/{tenant}/settings/callback-token")
    public RestResponse<Void> replaceCallbackToken(@RestForm String callbackToken) {
        return forms.submit(settingsPath(), () -> {
            reveal(currentTenant.id(), Map.of("callbackToken", tenants.replaceCallbackToken(callbackToken)));
            flash.success(messages().callbackTokenReplaced());
            return settingsPath();
        });
    }

    @POST
    @Path("t/{tenant}/settings/aes-key")
    public RestResponse<Void> replaceAesKey(@RestForm String aesKey) {
        return forms.submit(settingsPath(), () -> {
            reveal(currentTenant.id(), Map.of("aesKey", tenants.replaceAesKey(aesKey)));
            flash.success(messages().aesKeyReplaced(config.previousAesKeyGrace().toHours()));
            return settingsPath();
        });
    }

    @POST
    @Path("t/{tenant}/settings/token-mode")
    public RestResponse<Void> changeTokenMode(@RestForm String tokenMode) {
        return forms.submit(settingsPath(), () -> {
            tenants.changeTokenMode(tokenMode);
            flash.success(messages().tokenModeChanged(i18n.bundle(WeChatMsg.class).tokenMode(TokenMode.parse(tokenMode))));
            return settingsPath();
        });
    }

    /** After a credential problem was fixed in WeChat (IP whitelist, card permission…): calls go out again. */
    @POST
    @Path("t/{tenant}/wechat/retry")
    public RestResponse<Void> retryWeChat() {
        String overview = "/t/" + currentTenant.id();
        return forms.submit(overview, () -> {
            tenants.retryWeChat();
            flash.success(messages().retried());
            return overview;
        });
    }

    /** The test push the page waits for (sent by overview.CallbackTestPush); anything else is ignored. */
    private static Long testPushId(String value) {
        return value != null && value.matches("[1-9][0-9]{0,17}") ? Long.valueOf(value) : null;
    }

    private String settingsPath() {
        return "/t/" + currentTenant.id() + "/settings";
    }

    private String callbackUrl() {
        return tenants.callbackUrl(uriInfo.getBaseUri());
    }

    private TenantMsg messages() {
        return i18n.bundle(TenantMsg.class);
    }
}
