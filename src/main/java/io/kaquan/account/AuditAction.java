package io.kaquan.account;

import java.util.Optional;

/**
 * What an audit entry records, one constant per action that any feature writes. Each carries its wire code, the
 * stable string stored in {@code audit_log.action} (rows written before this enum keep reading the same). Labels:
 * the {@code action} enum message of {@code TenantMsg}, keys {@code action_$CONSTANT} in tenantMsg_zh-CN and _en.
 */
public enum AuditAction {
    TENANT_REGISTERED("tenant.registered"),
    TENANT_AUTHORIZED("tenant.authorized"),
    TENANT_AUTHORIZATION_UPDATED("tenant.authorization-updated"),
    TENANT_UNAUTHORIZED("tenant.unauthorized"),
    TENANT_AUTHORIZATION_LOST("tenant.authorization-lost"),
    TENANT_REFRESH_TOKEN_RECOVERED("tenant.refresh-token-recovered"),
    TENANT_SETTINGS_CHANGED("tenant.settings-changed"),
    TENANT_APPSECRET_REPLACED("tenant.appsecret-replaced"),
    TENANT_CALLBACK_TOKEN_REPLACED("tenant.callback-token-replaced"),
    TENANT_AES_KEY_REPLACED("tenant.aes-key-replaced"),
    TENANT_TOKEN_MODE_CHANGED("tenant.token-mode-changed"),
    TENANT_WECHAT_RETRIED("tenant.wechat-retried"),
    TENANT_TAGS_CHANGED("tenant.tags-changed"),
    MEMBER_ADDED("member.added"),
    MEMBER_INVITED("member.invited"),
    MEMBER_INVITATION_ACCEPTED("member.invitation-accepted"),
    MEMBER_INVITATION_CANCELLED("member.invitation-cancelled"),
    MEMBER_ROLE_CHANGED("member.role-changed"),
    MEMBER_REMOVED("member.removed"),
    CARD_DRAFT_CREATED("card.draft-created"),
    CARD_DRAFT_DELETED("card.draft-deleted"),
    CARD_CREATED("card.created"),
    CARD_CREATE_NOT_FOUND("card.create-not-found"),
    CARD_REFRESHED("card.refreshed"),
    CARD_UPDATED("card.updated"),
    CARD_STOCK_REQUESTED("card.stock-requested"),
    CARD_STOCK_FAILED("card.stock-failed"),
    CARD_STOCK_CHANGED("card.stock-changed"),
    CARD_STOCK_UNCERTAIN("card.stock-uncertain"),
    CARD_STOCK_RECONCILED("card.stock-reconciled"),
    CARD_STOCK_SETTLED_BY_HAND("card.stock-settled-by-hand"),
    CARD_DELETE_REQUESTED("card.delete-requested"),
    CARD_DELETED("card.deleted"),
    CARD_DELETE_UNCERTAIN("card.delete-uncertain"),
    CARD_DELETE_FAILED("card.delete-failed"),
    CARD_PAYCELL_SET("card.paycell-set"),
    CARD_SELFCONSUMECELL_SET("card.selfconsumecell-set"),
    CARD_STOCK_ALERT_ACKNOWLEDGED("card.stock-alert-acknowledged"),
    STOCK_ALERT_ACKNOWLEDGED("stock-alert.acknowledged"),
    CODE_INVALIDATED("code.invalidated"),
    CODE_CHANGED("code.changed"),
    CODE_CONSUMED("code.consumed"),
    QR_CODE_CREATED("distribution.qrcode-created"),
    TEST_WHITELIST_SET("distribution.test-whitelist-set"),
    CODES_IMPORTED("distribution.codes-imported"),
    CODES_IMPORT_SETTLED("distribution.codes-import-settled"),
    LANDING_PAGE_CREATED("distribution.landing-page-created"),
    LANDING_PAGE_REFUSED("distribution.landing-page-refused"),
    LANDING_PAGE_UNCERTAIN("distribution.landing-page-uncertain"),
    EVENT_REPLAYED("event.replayed"),
    SYNC_RUN_NOW("sync.run-now");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    /** The code stored in the log, e.g. "card.stock-changed". */
    public String code() {
        return code;
    }

    /** The action stored as {@code code}; empty for a code no constant knows (an older or newer build's). */
    public static Optional<AuditAction> of(String code) {
        for (AuditAction action : values()) {
            if (action.code.equals(code)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
