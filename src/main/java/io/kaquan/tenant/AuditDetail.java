package io.kaquan.tenant;

import java.util.Locale;
import java.util.Optional;

/** The keys of audit details that the audit page names in words ({@code tenantMsg:detail}); others show as written. */
public enum AuditDetail {
    REASON,
    AMOUNT,
    CODE,
    CARD,
    NOTE,
    ROLE,
    EMAIL,
    TYPE,
    TITLE,
    DRAFT,
    STATUS,
    ERRCODE,
    OPERATION,
    DELTA,
    TOTAL,
    STATE,
    REQUESTED_BY,
    FIELDS,
    SEND_CHECK,
    OPEN,
    VERIFY_COD,
    REMARK_AMOUNT,
    ALERT,
    NAME,
    MODE,
    ATTEMPTS,
    SIMILAR_TO,
    RECONCILED,
    SETTLED_BY,
    SUBMITTED_AT,
    TOKEN_MODE,
    COUNT,
    CODES,
    DEPOSITED,
    DUPLICATES,
    FAILED,
    SKIPPED,
    BATCH,
    EXIST,
    CHANNEL,
    OUTER_STR,
    CARDS,
    EXPIRE_SECONDS,
    OPENID,
    USERNAME,
    SETS;

    /** "reason", "card_id", "similar-to" → the key; empty when unknown. */
    public static Optional<AuditDetail> of(String key) {
        String name = key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (name.equals("CARD_ID")) {
            return Optional.of(CARD);
        }
        for (AuditDetail detail : values()) {
            if (detail.name().equals(name)) {
                return Optional.of(detail);
            }
        }
        return Optional.empty();
    }
}
