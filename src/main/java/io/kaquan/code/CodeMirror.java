package io.kaquan.code;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.kaquan.wechat.UserCardStatus;
import io.kaquan.wechat.WeChatCodes;

/**
 * Writes what code/get and the code operations teach us into the code mirror (card_code), keyed by tenant, card and
 * code. The card id always comes from WeChat's answer to the tenant's own token, so a row never names a code of
 * another tenant's account.
 */
@ApplicationScoped
public class CodeMirror {

    @Inject
    EntityManager em;

    /** Takes in a code/get answer. */
    @Transactional(TxType.MANDATORY)
    public void looked(long tenantId, String code, WeChatCodes.Info info) {
        upsert(tenantId, info.card().cardId(), code, info.openid(), info.userCardStatus(), info.card().begins(),
                info.card().ends());
    }

    /** A code that is now unavailable (code/unavailable succeeded). */
    @Transactional(TxType.MANDATORY)
    public void unavailable(long tenantId, String cardId, String code) {
        upsert(tenantId, cardId, code, null, UserCardStatus.UNAVAILABLE, null, null);
    }

    /** A code that is now redeemed (code/consume succeeded). */
    @Transactional(TxType.MANDATORY)
    public void consumed(long tenantId, String cardId, String code) {
        upsert(tenantId, cardId, code, null, UserCardStatus.CONSUMED, null, null);
    }

    /** A code that now has another value (code/update succeeded): the row follows it, if we have one. */
    @Transactional(TxType.MANDATORY)
    public void changed(long tenantId, String cardId, String code, String newCode) {
        CardCode old = CardCode.of(tenantId, cardId, code).orElse(null);
        if (old != null && CardCode.of(tenantId, cardId, newCode).isEmpty()) {
            old.code = newCode;
            old.updatedAt = Instant.now();
        } else if (old != null) {
            old.delete();
        }
    }

    /** Insert or update; null openid and dates keep what the row has. */
    private void upsert(long tenantId, String cardId, String code, String openid, UserCardStatus status,
            Instant begins, Instant ends) {
        em.createNativeQuery("insert into card_code (tenant_id, card_id, code, openid, status, begin_time, end_time, "
                + "updated_at) values (?1, ?2, ?3, cast(?4 as text), ?5, cast(?6 as timestamptz), "
                + "cast(?7 as timestamptz), ?8) on conflict (tenant_id, card_id, code) do update "
                + "set openid = coalesce(excluded.openid, card_code.openid), status = excluded.status, "
                + "begin_time = coalesce(excluded.begin_time, card_code.begin_time), "
                + "end_time = coalesce(excluded.end_time, card_code.end_time), updated_at = excluded.updated_at")
                .setParameter(1, tenantId).setParameter(2, cardId).setParameter(3, code).setParameter(4, openid)
                .setParameter(5, status.name()).setParameter(6, timestamp(begins)).setParameter(7, timestamp(ends))
                .setParameter(8, Timestamp.from(Instant.now())).executeUpdate();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
