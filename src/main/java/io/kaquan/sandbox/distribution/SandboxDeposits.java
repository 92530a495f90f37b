package io.kaquan.sandbox.distribution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.kaquan.sandbox.cards.CardRules;
import io.kaquan.sandbox.cards.CardTemplate;
import io.kaquan.sandbox.cards.SandboxCards;
import io.kaquan.sandbox.codes.CodeIssued;
import io.kaquan.sandbox.codes.DepositedCode;

/**
 * Imported codes (protocol reference §5.8–§5.10): card/code/deposit (≤ 100 codes a call), getdepositcount, checkcode.
 * Only a custom-code card in deposit mode takes codes (⚠ the errcode for another card is unverified: 40035 here).
 * ⚠ WeChat documents no length limit for a code: 1–20 characters here, as code/get's string(20); others fail.
 */
@ApplicationScoped
public class SandboxDeposits {

    static final int MAX_CODES = 100;
    static final int MAX_CODE_LENGTH = 20;

    @Transactional
    public ObjectNode deposit(SandboxAccount account, ObjectNode body) {
        CardTemplate card = depositCard(account, body);
        List<String> codes = codes(body);
        List<String> succ = new ArrayList<>();
        List<String> duplicate = new ArrayList<>();
        List<String> fail = new ArrayList<>();
        for (String code : new LinkedHashSet<>(codes)) {
            if (code.isEmpty() || code.length() > MAX_CODE_LENGTH || code.chars().anyMatch(Character::isISOControl)) {
                fail.add(code);
            } else if (DepositedCode.count("accountId = ?1 and code = ?2", account.id, code) > 0
                    || CodeIssued.byCode(account.id, code).isPresent()) {
                // ⚠ A code is unique within an account (appid): one imported for another card, or already handed out,
                // is a duplicate here too; the receipt that handed it out twice would break that.
                duplicate.add(code);
            } else {
                DepositedCode deposited = new DepositedCode();
                deposited.accountId = account.id;
                deposited.cardPk = card.id;
                deposited.code = code;
                deposited.persist();
                succ.add(code);
            }
        }
        ObjectNode reply = WeChatReply.object();
        succ.forEach(reply.putArray("succ_code")::add);
        duplicate.forEach(reply.putArray("duplicate_code")::add);
        fail.forEach(reply.putArray("fail_code")::add);
        return reply;
    }

    @Transactional
    public ObjectNode count(SandboxAccount account, ObjectNode body) {
        CardTemplate card = SandboxCards.owned(account, body, false);
        ObjectNode reply = WeChatReply.object();
        reply.put("count", DepositedCode.count("cardPk = ?1 and received = false", card.id));
        return reply;
    }

    @Transactional
    public ObjectNode check(SandboxAccount account, ObjectNode body) {
        CardTemplate card = SandboxCards.owned(account, body, false);
        List<String> codes = codes(body);
        ObjectNode reply = WeChatReply.object();
        ArrayNode exist = reply.putArray("exist_code");
        ArrayNode notExist = reply.putArray("not_exist_code");
        Set<String> seen = new LinkedHashSet<>(codes);
        for (String code : seen) {
            (DepositedCode.count("cardPk = ?1 and code = ?2", card.id, code) > 0 ? exist : notExist).add(code);
        }
        return reply;
    }

    private static CardTemplate depositCard(SandboxAccount account, ObjectNode body) {
        CardTemplate card = SandboxCards.owned(account, body, true);
        if (!SandboxCards.depositMode(card)) {
            throw CardRules.invalidArgs("the card does not take deposited codes (use_custom_code with "
                    + "GET_CUSTOM_CODE_MODE_DEPOSIT)");
        }
        return card;
    }

    private static List<String> codes(ObjectNode body) {
        ArrayNode list = SandboxJson.optionalArray(body, "code").orElseThrow(() -> CardRules.missing("code"));
        if (list.isEmpty()) {
            throw CardRules.missing("code");
        }
        if (list.size() > MAX_CODES) {
            throw CardRules.invalidArgs("at most " + MAX_CODES + " codes a call");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode code : list) {
            if (!code.isTextual()) {
                throw WeChatError.dataFormat();
            }
            codes.add(code.textValue());
        }
        return codes;
    }
}
