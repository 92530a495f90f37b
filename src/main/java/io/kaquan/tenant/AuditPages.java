package io.kaquan.tenant;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.kaquan.account.AuditAction;
import io.kaquan.account.AuditEntry;
import io.kaquan.account.Role;
import io.kaquan.web.I18n;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.TokenMode;
import io.kaquan.wechat.WeChatMsg;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Owners page through who did what in their tenant, newest first. */
@Path("/t/{tenant}/audit")
public class AuditPages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<Row> entries, Long nextBefore);
    }

    /** An entry as the page shows it: the action and the details in words. */
    public record Row(AuditEntry entry, String action, List<Detail> details) {
    }

    /** One line of details; {@code label} is empty for text that names no key. */
    public record Detail(String label, String value) {
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    I18n i18n;

    @GET
    public TemplateInstance audit(@QueryParam("before") Long before) {
        currentTenant.require(Role.OWNER);
        List<AuditEntry> entries = AuditEntry.page(currentTenant.id(), before, PAGE_SIZE + 1);
        Long nextBefore = null;
        if (entries.size() > PAGE_SIZE) {
            entries = entries.subList(0, PAGE_SIZE);
            nextBefore = entries.get(PAGE_SIZE - 1).id;
        }
        TenantMsg msg = i18n.bundle(TenantMsg.class);
        WeChatMsg wechat = i18n.bundle(WeChatMsg.class);
        return Templates.audit(entries.stream().map(e -> row(e, msg, wechat)).toList(), nextBefore);
    }

    static Row row(AuditEntry entry, TenantMsg msg, WeChatMsg wechat) {
        // A code no constant knows (written by a newer or older build) is not shown raw: a neutral word instead.
        String action = AuditAction.of(entry.action).map(msg::action).orElse(msg.auditOtherAction());
        List<Detail> details = AuditDetails.lines(entry.details).stream().map(line -> {
            var known = line.key() == null ? Optional.<AuditDetail> empty() : AuditDetail.of(line.key());
            String label = line.key() == null ? "" : known.map(msg::detail).orElse(line.key());
            boolean enumValue = line.key() == null || known.filter(k -> k == AuditDetail.ROLE).isPresent();
            String value = enumValue ? roles(line.value(), msg) : line.value();
            if (known.filter(k -> k == AuditDetail.MODE).isPresent()) {
                value = modes(value, msg);
            }
            if (known.filter(k -> k == AuditDetail.STATE).isPresent()) {
                for (CallState state : CallState.values()) {
                    value = value.replaceAll("\\b" + state.name() + "\\b", msg.callState(state));
                }
            }
            if (known.filter(k -> k == AuditDetail.TOKEN_MODE).isPresent()) {
                for (TokenMode mode : TokenMode.values()) {
                    value = value.replaceAll("\\b" + mode.name() + "\\b", wechat.tokenMode(mode));
                }
            }
            return new Detail(label, value);
        }).toList();
        return new Row(entry, action, details);
    }

    /** "OWNER → VIEWER" → "所有者 → 只读". */
    private static String roles(String text, TenantMsg msg) {
        for (Role role : Role.values()) {
            text = text.replaceAll("\\b" + role.name() + "\\b", msg.role(role));
        }
        return text;
    }

    private static String modes(String text, TenantMsg msg) {
        for (MessageMode mode : MessageMode.values()) {
            text = text.replaceAll("\\b" + mode.name() + "\\b", msg.mode(mode));
        }
        return text;
    }
}
