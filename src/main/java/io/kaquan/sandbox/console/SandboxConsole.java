package io.kaquan.sandbox.console;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.sandbox.SandboxAccess;
import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxAccounts;
import io.kaquan.sandbox.SandboxInvalid;
import io.kaquan.sandbox.SandboxMsg;
import io.kaquan.sandbox.SandboxToken;
import io.kaquan.sandbox.SandboxUsage;
import io.kaquan.sandbox.open.OpenAuthorization;
import io.kaquan.sandbox.push.PushSender;
import io.kaquan.sandbox.push.SandboxEvents;
import io.kaquan.sandbox.push.SandboxPush;
import io.kaquan.sandbox.tokens.SandboxTokens;
import io.kaquan.web.Flash;
import io.kaquan.web.FormErrors;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.kaquan.web.InvalidFormException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The sandbox console (/sandbox, signed-in users): accounts, their tokens, calls, pushes and faults. The card and
 * code pages of sandbox-cards hang below {@code /sandbox/accounts/{appid}/cards} and {@code …/codes}, linked from
 * the account page.
 */
@Path("/sandbox")
public class SandboxConsole {

    static final int PUSHES_SHOWN = 30;
    static final int TOKENS_SHOWN = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(List<SandboxAccount> accounts, List<SandboxAccount.MessageMode> modes,
                String apiBaseUrl);

        static native TemplateInstance account(SandboxAccount account, List<SandboxToken> tokens,
                List<OpenAuthorization.AuthorizedPlatform> platforms, List<SandboxPush> pushes,
                List<SandboxUsage.Today> usage, List<SandboxAccount.MessageMode> modes, String apiBaseUrl);
    }

    @Inject
    SandboxAccounts accounts;

    @Inject
    SandboxUsage usage;

    @Inject
    SandboxTokens tokens;

    @Inject
    PushSender pushSender;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @Inject
    UriInfo uriInfo;

    @Inject
    SandboxAccess access;

    /** The fields of the new-account and settings forms. */
    public static class AccountForm {
        @RestForm
        public String appid;
        @RestForm
        public String secret;
        @RestForm
        public String originalId;
        @RestForm
        public String callbackUrl;
        @RestForm
        public String callbackToken;
        @RestForm
        public String encodingAesKey;
        @RestForm
        public String messageMode;
        @RestForm
        public String tokenTtlSeconds;
        @RestForm
        public String allowedIps;
        @RestForm
        public boolean cardEnabled;
        @RestForm
        public boolean payEnabled;
        @RestForm
        public boolean customCodeEnabled;

        SandboxAccounts.AccountInput input() {
            return new SandboxAccounts.AccountInput(appid, secret, originalId, nonNull(callbackUrl), callbackToken,
                    encodingAesKey, messageMode, tokenTtlSeconds, nonNull(allowedIps), cardEnabled, payEnabled,
                    customCodeEnabled);
        }

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("appid", nonNull(appid));
            values.put("originalId", nonNull(originalId));
            values.put("callbackUrl", nonNull(callbackUrl));
            values.put("callbackToken", nonNull(callbackToken));
            values.put("encodingAesKey", nonNull(encodingAesKey));
            values.put("messageMode", nonNull(messageMode));
            values.put("tokenTtlSeconds", nonNull(tokenTtlSeconds));
            values.put("allowedIps", nonNull(allowedIps));
            values.put("cardEnabled", Boolean.toString(cardEnabled));
            values.put("payEnabled", Boolean.toString(payEnabled));
            values.put("customCodeEnabled", Boolean.toString(customCodeEnabled));
            return values;
        }
    }

    /** The faults form. */
    public static class FaultsForm {
        @RestForm
        public String errorShare;
        @RestForm
        public String latencyMs;
        @RestForm
        public String callBudget;
        @RestForm
        public boolean dropPushes;
        @RestForm
        public boolean duplicatePushes;

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("errorShare", nonNull(errorShare));
            values.put("latencyMs", nonNull(latencyMs));
            values.put("callBudget", nonNull(callBudget));
            values.put("dropPushes", Boolean.toString(dropPushes));
            values.put("duplicatePushes", Boolean.toString(duplicatePushes));
            return values;
        }
    }

    @GET
    public TemplateInstance accounts() {
        return Templates.accounts(access.visibleAccounts(), List.of(SandboxAccount.MessageMode.values()),
                apiBaseUrl());
    }

    @POST
    @Path("accounts")
    public RestResponse<Void> create(@BeanParam AccountForm form) {
        return forms.submit("/sandbox", () -> {
            SandboxAccount account = refusedAsForm(
                    () -> accounts.create(form.input(), access.currentOwner().orElse(null), messages()), form.values());
            flash.success(messages().created(account.appid));
            return accountPath(account.appid);
        });
    }

    @GET
    @Path("accounts/{appid}")
    public TemplateInstance account(@RestPath String appid) {
        SandboxAccount account = access.usable(appid);
        List<SandboxUsage.Today> today = QuarkusTransaction.requiringNew().call(() -> usage.today(account.id));
        return Templates.account(account, SandboxToken.recentOf(account.id, TOKENS_SHOWN),
                OpenAuthorization.platformsOf(account.id), SandboxPush.recentOf(account.id, PUSHES_SHOWN), today,
                List.of(SandboxAccount.MessageMode.values()),
                apiBaseUrl());
    }

    @POST
    @Path("accounts/{appid}/settings")
    public RestResponse<Void> saveSettings(@RestPath String appid, @BeanParam AccountForm form) {
        return forms.submit(accountPath(appid), () -> {
            refusedAsForm(() -> accounts.update(existing(appid), form.input(), messages()), form.values());
            flash.success(messages().settingsSaved());
            return accountPath(appid);
        });
    }

    @POST
    @Path("accounts/{appid}/faults")
    public RestResponse<Void> saveFaults(@RestPath String appid, @BeanParam FaultsForm form) {
        return forms.submit(accountPath(appid), () -> {
            refusedAsForm(() -> accounts.setFaults(existing(appid), new SandboxAccounts.FaultInput(form.errorShare,
                    form.latencyMs, nonNull(form.callBudget), form.dropPushes, form.duplicatePushes), messages()),
                    form.values());
            flash.success(messages().faultsSaved());
            return accountPath(appid) + "#faults";
        });
    }

    @POST
    @Path("accounts/{appid}/invalidate-tokens")
    public RestResponse<Void> invalidateTokens(@RestPath String appid) {
        return forms.submit(accountPath(appid), () -> {
            flash.success(messages().invalidated(tokens.invalidateAll(accounts.find(existing(appid), messages()).id)));
            return accountPath(appid) + "#tokens";
        });
    }

    /** A harmless event to check the callback settings (WeChat's own debug event name). */
    @POST
    @Path("accounts/{appid}/test-push")
    public RestResponse<Void> testPush(@RestPath String appid) {
        return forms.submit(accountPath(appid), () -> {
            SandboxAccount account = access.usable(appid);
            pushSender.push(account, SandboxEvents.event(account, "o_sandbox_console", "debug_demo")
                    .text("debug_str", "hello world").xml());
            flash.success(messages().testPushQueued());
            return accountPath(appid) + "#pushes";
        });
    }

    /** The appid of an account the signed-in user may use; 404 otherwise (also checked at the edge). */
    private String existing(String appid) {
        return access.usable(appid).appid;
    }

    private static <T> T refusedAsForm(Supplier<T> action, Map<String, String> values) {
        try {
            return action.get();
        } catch (SandboxInvalid e) {
            FormErrors errors = new FormErrors();
            e.errors().forEach(errors::add);
            throw new InvalidFormException(errors, values);
        }
    }

    private String apiBaseUrl() {
        URI base = uriInfo.getBaseUri();
        return base.resolve("/sandbox/wechat").toString();
    }

    private static String accountPath(String appid) {
        return "/sandbox/accounts/" + appid;
    }

    private SandboxMsg messages() {
        return i18n.bundle(SandboxMsg.class);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
