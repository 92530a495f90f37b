package io.kaquan.demo;

import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.kaquan.account.AppUser;
import io.kaquan.account.AuditEntry;
import io.kaquan.account.Invitation;
import io.kaquan.account.Membership;
import io.kaquan.account.Role;
import io.kaquan.tenant.MessageMode;
import io.kaquan.tenant.SecretBox;
import io.kaquan.tenant.Tenant;
import io.kaquan.wechat.TokenMode;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatSandbox;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the dev-mode demo tenant "演示商户" once (idempotent: a second start only completes what is missing): its
 * sandbox account first, over the sandbox's admin API, then the tenant with the token WeChat's stand-in issued, owned
 * by the configured dev users. Runs after startup in the background, because it calls this app's own HTTP server.
 */
@ApplicationScoped
public class DemoTenant {

    /** The author of the demo data (tenant.created_by needs a user; nobody signs in as it). */
    static final String SYSTEM_SUBJECT = "kaquan:demo";

    @Inject
    DemoConfig config;

    @Inject
    SecretBox secretBox;

    @Inject
    WeChatSandbox sandbox;

    @Inject
    WeChatGateway wechat;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT || !config.enabled()) {
            return;
        }
        Thread thread = new Thread(this::createWhenServerListens, "kaquan-demo-tenant");
        thread.setDaemon(true);
        thread.start();
    }

    private void createWhenServerListens() {
        for (int attempt = 1; attempt <= 30; attempt++) {
            try {
                Thread.sleep(1000);
                ensure();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.debugf("Demo tenant not ready yet (%s), attempt %d", e.getMessage(), attempt);
            }
        }
        Log.warn("The demo tenant could not be created; is the sandbox on (kaquan.sandbox.enabled)?");
    }

    /** Creates what is missing of the demo tenant; answers its id. */
    public long ensure() {
        Long existing = QuarkusTransaction.requiringNew().call(() -> Tenant.<Tenant> find("appid", config.appid())
                .firstResultOptional().map(t -> t.id).orElse(null));
        if (existing != null) {
            QuarkusTransaction.requiringNew().run(() -> addOwners(existing));
            return existing;
        }
        MessageMode mode = MessageMode.parse(config.messageMode());
        sandbox.createAccount(config.appid(), config.appsecret(), config.originalId(), config.callbackToken(),
                config.encodingAesKey(), mode.name(), null); // seeded at startup: no user; platform admins see it
        WeChatGateway.Verified verified;
        try {
            verified = wechat.verify(config.appid(), config.appsecret(), true, TokenMode.STABLE);
        } catch (WeChatException e) {
            throw new IllegalStateException("The sandbox refused the demo credentials: " + e.getMessage(), e);
        }
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = new Tenant();
            tenant.displayName = config.name();
            tenant.appid = config.appid();
            tenant.originalId = config.originalId();
            tenant.messageMode = mode;
            tenant.sandbox = true;
            tenant.holdSecretsUntilInserted();
            tenant.createdAt = Instant.now();
            tenant.createdBy = systemUser().id;
            tenant.persistAndFlush();
            tenant.sealAppsecret(secretBox, config.appsecret());
            tenant.sealCallbackToken(secretBox, config.callbackToken());
            tenant.sealAesKey(secretBox, config.encodingAesKey());
            wechat.adopt(tenant.id, verified);
            AuditEntry entry = new AuditEntry();
            entry.tenantId = tenant.id;
            entry.action = "tenant.registered";
            entry.target = tenant.appid;
            entry.details = "name=" + tenant.displayName + ", mode=" + mode + ", sandbox=true, demo";
            entry.createdAt = Instant.now();
            entry.persist();
            addOwners(tenant.id);
            return tenant.id;
        });
        Log.infof("Demo tenant \"%s\" (%s) created for %s", config.name(), config.appid(), config.owners());
        return id;
    }

    /** Users who signed in before become owners now; the others when they first sign in (an invitation). */
    private void addOwners(long tenantId) {
        AppUser system = systemUser();
        for (String owner : config.owners()) {
            String email = owner.strip().toLowerCase(Locale.ROOT);
            if (email.isEmpty()) {
                continue;
            }
            AppUser user = AppUser.findByEmail(email).orElse(null);
            if (user != null) {
                if (Membership.find(tenantId, user.id).isEmpty()) {
                    Membership.create(tenantId, user, Role.OWNER);
                }
            } else if (Invitation.count("tenantId = ?1 and email = ?2", tenantId, email) == 0) {
                Invitation invitation = Invitation.withNewLink();
                invitation.trustsUnverifiedEmail = true; // dev only: the dev login service sends no email_verified
                invitation.tenantId = tenantId;
                invitation.email = email;
                invitation.role = Role.OWNER;
                invitation.invitedBy = system.id;
                invitation.createdAt = Instant.now();
                invitation.persist();
            }
        }
    }

    private static AppUser systemUser() {
        return AppUser.findBySubject(SYSTEM_SUBJECT).orElseGet(() -> {
            AppUser user = new AppUser();
            user.subject = SYSTEM_SUBJECT;
            user.name = "Kaquan demo";
            user.locale = "zh-CN";
            user.createdAt = Instant.now();
            user.lastLoginAt = user.createdAt;
            user.persist();
            return user;
        });
    }
}
