package io.kaquan.tenant;

import io.kaquan.account.AuditEntry;
import io.kaquan.account.Role;
import io.kaquan.web.I18n;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Enum values and audit actions in the visitor's language. */
@TemplateExtension
public class TenantTexts {

    static String label(Role role) {
        TenantMsg msg = msg();
        return switch (role) {
            case OWNER -> msg.role_OWNER();
            case OPERATOR -> msg.role_OPERATOR();
            case VIEWER -> msg.role_VIEWER();
        };
    }

    static String help(Role role) {
        TenantMsg msg = msg();
        return switch (role) {
            case OWNER -> msg.roleHelp_OWNER();
            case OPERATOR -> msg.roleHelp_OPERATOR();
            case VIEWER -> msg.roleHelp_VIEWER();
        };
    }

    static String label(MessageMode mode) {
        TenantMsg msg = msg();
        return switch (mode) {
            case PLAIN -> msg.mode_PLAIN();
            case COMPAT -> msg.mode_COMPAT();
            case SAFE -> msg.mode_SAFE();
        };
    }

    /** Actions are stored as stable codes (tenant.registered) and shown in words; unknown codes as they are. */
    static String actionLabel(AuditEntry entry) {
        TenantMsg msg = msg();
        return switch (entry.action) {
            case "tenant.registered" -> msg.action_tenant_registered();
            case "tenant.settings-changed" -> msg.action_tenant_settings_changed();
            case "tenant.appsecret-replaced" -> msg.action_tenant_appsecret_replaced();
            case "tenant.callback-token-replaced" -> msg.action_tenant_callback_token_replaced();
            case "tenant.aes-key-replaced" -> msg.action_tenant_aes_key_replaced();
            case "tenant.token-mode-changed" -> msg.action_tenant_token_mode_changed();
            case "tenant.wechat-retried" -> msg.action_tenant_wechat_retried();
            case "member.added" -> msg.action_member_added();
            case "member.invited" -> msg.action_member_invited();
            case "member.invitation-accepted" -> msg.action_member_invitation_accepted();
            case "member.invitation-cancelled" -> msg.action_member_invitation_cancelled();
            case "member.role-changed" -> msg.action_member_role_changed();
            case "member.removed" -> msg.action_member_removed();
            default -> entry.action;
        };
    }

    private static TenantMsg msg() {
        return Arc.container().instance(I18n.class).get().bundle(TenantMsg.class);
    }
}
