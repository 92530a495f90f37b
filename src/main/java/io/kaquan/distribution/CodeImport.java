package io.kaquan.distribution;

import static io.kaquan.distribution.DistributionCalls.inTx;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.card.CardLookup;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.wechat.CallState;
import io.kaquan.wechat.WeChatDistribution;
import io.kaquan.wechat.WeChatException;

/**
 * Importing a custom-code card's codes from a CSV or TXT file (card/code/deposit). The file is checked whole first
 * (length, characters, duplicates in the file); codes Kaquan already knows WeChat holds are left out; the rest go in
 * batches of 100, each written down before it is sent. A batch is sent once: when its answer is lost, checkcode tells
 * which of its codes WeChat holds, and codes it does not hold stay undecided until
 * kaquan.distribution.deposit-settle-time has passed (the lost call may still arrive), then count as not imported.
 */
@ApplicationScoped
public class CodeImport {

    /** ⚠ WeChat documents no limit; code/get answers codes of up to 20 characters. */
    static final int CODE_MAX = 20;
    static final int FILE_MAX_CODES = 10_000;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    DistributionCalls calls;

    @Inject
    DistributionConfig config;

    @Inject
    CardLookup cards;

    @Inject
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    CardDistribution distribution;

    /** @return the flash text */
    public String importFile(String cardId, byte[] file) {
        try {
            return depositFile(cardId, file);
        } finally {
            distribution.forgetDepositCount(currentTenant.id(), cardId); // the page shows WeChat's new count
        }
    }

    private String depositFile(String cardId, byte[] file) {
        currentTenant.require(Role.OPERATOR);
        DistributionMsg msg = calls.msg();
        if (!cards.page(cardId).view().usesCustomCode()) {
            throw new ActionRefused(msg.errNotCustomCode());
        }
        List<String> codes = parse(file, msg);
        if (!settleOpen(cardId)) {
            throw new ActionRefused(msg.errImportUnsettled());
        }
        Set<String> known = inTx(() -> new HashSet<>(known(cardId, codes)));
        List<String> fresh = codes.stream().filter(code -> !known.contains(code)).toList();
        int deposited = 0;
        int duplicates = 0;
        int failed = 0;
        for (int from = 0; from < fresh.size(); from += WeChatDistribution.DEPOSIT_BATCH) {
            List<String> chunk = fresh.subList(from, Math.min(fresh.size(), from + WeChatDistribution.DEPOSIT_BATCH));
            DepositBatch batch = inTx(() -> intent(cardId, chunk));
            WeChatDistribution.Deposited answer;
            try {
                answer = calls.client().codeDeposit(cardId, chunk);
            } catch (WeChatException e) {
                int[] sofar = { deposited, duplicates, failed };
                if (e.uncertain()) {
                    inTx(() -> mark(batch.id, CallState.UNCERTAIN, null));
                    settle(batch.id);
                    inTx(() -> auditImport(cardId, codes.size(), sofar, codes.size() - fresh.size()));
                    throw new ActionRefused(msg.importInterrupted(deposited, calls.words(e)));
                }
                inTx(() -> mark(batch.id, CallState.NOT_APPLIED, e.errcode()));
                // the batches before this one are in WeChat for good: the audit log says so
                inTx(() -> auditImport(cardId, codes.size(), sofar, codes.size() - fresh.size()));
                throw new ActionRefused(msg.importRefused(deposited, calls.words(e)));
            }
            inTx(() -> applied(batch.id, answer));
            deposited += answer.succCode().size();
            duplicates += answer.duplicateCode().size();
            failed += answer.failCode().size();
        }
        int[] totals = { deposited, duplicates, failed };
        return inTx(() -> {
            auditImport(cardId, codes.size(), totals, codes.size() - fresh.size());
            return msg.imported(totals[0], totals[1], totals[2], codes.size() - fresh.size());
        });
    }

    /** totals: deposited, duplicates, failed so far. */
    private Void auditImport(String cardId, int codes, int[] totals, int skipped) {
        audit.record(currentTenant.id(), AuditAction.CODES_IMPORTED, cardId, "codes=" + codes + " deposited=" + totals[0]
                + " duplicates=" + totals[1] + " failed=" + totals[2] + " skipped=" + skipped);
        return null;
    }

    /** Settles the card's open batches (a POST of its own, and before each import); false while one stays open. */
    public boolean settleOpen(String cardId) {
        currentTenant.require(Role.OPERATOR);
        distribution.forgetDepositCount(currentTenant.id(), cardId);
        cards.live(cardId);
        for (DepositBatch batch : inTx(() -> DepositBatch.openOf(currentTenant.id(), cardId))) {
            if (!settle(batch.id)) {
                return false;
            }
        }
        return true;
    }

    /** checkcode for a batch whose answer was lost: true when it is decided. */
    private boolean settle(long batchId) {
        DepositBatch batch = inTx(() -> DepositBatch.<DepositBatch> findById(batchId));
        List<String> codes = batch.codeList();
        WeChatDistribution.Checked checked;
        try {
            checked = calls.client().codeCheck(batch.cardId, codes);
        } catch (WeChatException e) {
            return false;
        }
        Duration settleTime = config.depositSettleTime();
        boolean late = batch.createdAt.plus(settleTime).isBefore(Instant.now());
        if (!checked.notExistCode().isEmpty() && !late) {
            inTx(() -> {
                record(batch.tenantId, batch.cardId, checked.existCode(), batchId);
                return null;
            });
            return false; // some may still arrive: the lost call could be on its way
        }
        return inTx(() -> {
            record(batch.tenantId, batch.cardId, checked.existCode(), batchId);
            DepositBatch open = DepositBatch.findById(batchId);
            open.state = checked.existCode().isEmpty() ? CallState.NOT_APPLIED : CallState.APPLIED;
            open.deposited = checked.existCode().size();
            open.failed = checked.notExistCode().size();
            open.settledAt = Instant.now();
            audit.record(open.tenantId, AuditAction.CODES_IMPORT_SETTLED, open.cardId,
                    "batch=" + open.id + " state=" + open.state + " exist=" + checked.existCode().size());
            return true;
        });
    }

    private DepositBatch intent(String cardId, List<String> chunk) {
        DepositBatch batch = new DepositBatch();
        batch.tenantId = currentTenant.id();
        batch.cardId = cardId;
        batch.codes = String.join("\n", chunk);
        batch.size = chunk.size();
        batch.state = CallState.PENDING;
        batch.who = currentUser.user().label();
        batch.createdAt = Instant.now();
        batch.persist();
        return batch;
    }

    private Void mark(long batchId, CallState state, Integer errcode) {
        DepositBatch batch = DepositBatch.findById(batchId);
        batch.state = state;
        batch.errcode = errcode;
        if (state != CallState.UNCERTAIN) {
            batch.settledAt = Instant.now();
        }
        return null;
    }

    private Void applied(long batchId, WeChatDistribution.Deposited answer) {
        DepositBatch batch = DepositBatch.findById(batchId);
        batch.state = CallState.APPLIED;
        batch.deposited = answer.succCode().size();
        batch.duplicates = answer.duplicateCode().size();
        batch.failed = answer.failCode().size();
        batch.settledAt = Instant.now();
        List<String> held = new ArrayList<>(answer.succCode());
        held.addAll(answer.duplicateCode());
        record(batch.tenantId, batch.cardId, held, batchId);
        return null;
    }

    private void record(long tenantId, String cardId, List<String> codes, long batchId) {
        for (String code : codes) {
            em.createNativeQuery("insert into deposited_code (tenant_id, card_id, code, batch_id) values (?1, ?2, ?3, ?4)"
                    + " on conflict do nothing").setParameter(1, tenantId).setParameter(2, cardId).setParameter(3, code)
                    .setParameter(4, batchId).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> known(String cardId, List<String> codes) {
        return em.createNativeQuery(
                "select code from deposited_code where tenant_id = ?1 and card_id = ?2 and code = any(?3)")
                .setParameter(1, currentTenant.id()).setParameter(2, cardId)
                .setParameter(3, codes.toArray(String[]::new)).getResultList();
    }

    /**
     * The first column's titles spreadsheets put above the codes: such a first line is a header, never a code (sent to
     * WeChat, "code" would become a code anyone can guess).
     */
    private static final Set<String> HEADERS = Set.of("code", "codes", "coupon_code", "card_code", "卡券码", "券码", "码",
            "兑换码", "code码");

    /**
     * The codes of a CSV (first column) or TXT file (a code a line), checked whole; an empty line and a first line
     * that is a header are skipped.
     */
    static List<String> parse(byte[] file, DistributionMsg msg) {
        String text = new String(file == null ? new byte[0] : file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Integer> codes = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comma = line.indexOf(',');
            String code = (comma >= 0 ? line.substring(0, comma) : line).strip();
            if (code.length() >= 2 && code.startsWith("\"") && code.endsWith("\"")) {
                code = code.substring(1, code.length() - 1).strip();
            }
            if (code.isEmpty() || codes.isEmpty() && HEADERS.contains(code.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (code.length() > CODE_MAX || !code.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new ActionRefused(msg.errImportCode(i + 1, code.length() > 30 ? code.substring(0, 30) + "…" : code,
                        CODE_MAX));
            }
            Integer first = codes.putIfAbsent(code, i + 1);
            if (first != null) {
                throw new ActionRefused(msg.errImportDuplicate(i + 1, code, first));
            }
        }
        if (codes.isEmpty()) {
            throw new ActionRefused(msg.errImportEmpty());
        }
        if (codes.size() > FILE_MAX_CODES) {
            throw new ActionRefused(msg.errImportTooMany(FILE_MAX_CODES));
        }
        return List.copyOf(codes.keySet());
    }
}
