package io.kaquan.overview;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.account.Role;
import io.kaquan.callback.Inbox;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.tenant.Tenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.kaquan.wechat.WeChatSandbox;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * "发送测试推送" on the settings page of a sandbox tenant: the sandbox pushes WeChat's debug event to our callback,
 * and the page shows the result once our inbox holds that very push (its MsgId). Proves URL, token, key and message
 * mode end to end. Owners only: it adds an event to the inbox. Here, above {@code callback} and {@code tenant},
 * because it needs both.
 */
@Path("/")
public class CallbackTestPush {

    /** How many one-second looks the page takes before it says the push did not arrive. */
    static final int LOOKS = 20;

    private static final SecureRandom RANDOM = new SecureRandom();
    static final long MAX_PUSH_ID = 999_999_999_999_999_999L;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance result(long tenantId, long pushId, Instant arrivedAt, int next,
                boolean givenUp);
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    WeChatSandbox sandbox;

    @Inject
    Inbox inbox;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @POST
    @Path("t/{tenant}/settings/test-push")
    public RestResponse<Void> send() {
        currentTenant.require(Role.OWNER);
        Tenant tenant = currentTenant.get();
        String settings = "/t/" + tenant.id + "/settings";
        return forms.submit(settings + "#callback-config", () -> {
            if (!tenant.sandbox) {
                throw new ActionRefused(messages().testPushRealOnly());
            }
            // At most 18 digits: the settings page and the result route take no longer id (a 19-digit one, 13 % of
            // 60-bit values, left the page without its result).
            long pushId = 1 + Math.floorMod(RANDOM.nextLong(), MAX_PUSH_ID);
            try {
                sandbox.testPush(tenant.appid, pushId);
            } catch (WeChatSandbox.SandboxUnavailable e) {
                Log.warnf("Test push for tenant %d not sent: %s", tenant.id, e.getMessage());
                throw new ActionRefused(messages().testPushNotSent());
            }
            flash.success(messages().testPushSent());
            return settings + "?testPush=" + pushId + "#callback-config";
        });
    }

    /** The result of a test push, polled by the settings page (htmx) until it arrived or {@link #LOOKS} passed. */
    @GET
    @Path("t/{tenant}/settings/test-push/{pushId}")
    public TemplateInstance result(@RestPath String pushId, @RestQuery Integer n) {
        if (pushId == null || !pushId.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundException();
        }
        long id = Long.parseLong(pushId);
        int look = n == null || n < 0 ? 0 : Math.min(n, LOOKS);
        Optional<Instant> arrived = inbox.arrivedWithMsgId(currentTenant.id(), id);
        return Templates.result(currentTenant.id(), id, arrived.orElse(null), look + 1,
                arrived.isEmpty() && look >= LOOKS);
    }

    private OverviewMsg messages() {
        return i18n.bundle(OverviewMsg.class);
    }
}
