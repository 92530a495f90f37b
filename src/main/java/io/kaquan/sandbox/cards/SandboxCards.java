package io.kaquan.sandbox.cards;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.sandbox.SandboxAccount;
import io.kaquan.sandbox.SandboxConfig;
import io.kaquan.sandbox.SandboxJson;
import io.kaquan.sandbox.WeChatError;
import io.kaquan.sandbox.WeChatReply;
import io.quarkus.panache.common.Sort;

/** The card template APIs of the sandbox (create, get, batchget, update, stock, delete, cells, test whitelist). */
@ApplicationScoped
public class SandboxCards {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SandboxConfig config;

    /** Maximum entries per list of card/testwhitelist/set (undocumented by WeChat). */
    static final int WHITELIST_MAX = 10;

    @Transactional
    public String create(SandboxAccount account, ObjectNode body) {
        Instant now = Instant.now();
        CardRules.Spec spec = CardRules.forCreate(body, MediaImage::issued, account.customCodeEnabled, now);
        CardTemplate card = new CardTemplate();
        card.accountId = account.id;
        card.cardId = CardIds.cardId(account.appid);
        card.cardType = spec.type();
        card.status = SimulatedCardStatus.CARD_STATUS_NOT_VERIFY;
        card.cardJson = write(spec.typeObject());
        card.title = spec.title();
        card.brandName = spec.brandName();
        card.quantity = spec.quantity();
        card.totalQuantity = spec.quantity();
        card.initialQuantity = spec.quantity();
        card.useCustomCode = spec.useCustomCode();
        card.bindOpenid = spec.bindOpenid();
        card.canGiveFriend = spec.canGiveFriend();
        card.getLimit = spec.getLimit();
        applyDates(card, spec.dates());
        card.hasLocations = spec.hasLocations();
        card.needPushOnView = spec.needPushOnView();
        card.reviewDueAt = now.plus(reviewDelay(account.id));
        card.createdAt = now;
        card.updatedAt = now;
        card.persist();
        return card.cardId;
    }

    /** The account's own review delay if set on the admin API, else kaquan.sandbox.review-delay. */
    Duration reviewDelay(Long accountId) {
        CardSettings settings = CardSettings.findById(accountId);
        return settings == null ? config.reviewDelay() : Duration.ofSeconds(settings.reviewDelaySeconds);
    }

    @Transactional
    public ObjectNode get(SandboxAccount account, ObjectNode body) {
        CardTemplate card = owned(account, body, false);
        ObjectNode reply = WeChatReply.object();
        reply.set("card", detail(account, card));
        return reply;
    }

    /** The card object of card/get: server fields added, colour as hex, stock as quantity and total_quantity. */
    static ObjectNode detail(SandboxAccount account, CardTemplate card) {
        ObjectNode stored = read(card.cardJson);
        ObjectNode storedBase = (ObjectNode) stored.get("base_info");
        ObjectNode base = WeChatReply.object();
        base.put("id", card.cardId);
        base.put("appid", account.appid);
        base.put("status", card.status.name());
        Iterator<Map.Entry<String, JsonNode>> fields = storedBase.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            base.set(field.getKey(), field.getValue());
        }
        base.put("color", CardColors.hex(storedBase.get("color").textValue()).orElse("#63b359"));
        base.putObject("sku").put("quantity", card.quantity).put("total_quantity", card.totalQuantity);
        base.put("use_custom_code", card.useCustomCode);
        base.put("bind_openid", card.bindOpenid);
        base.put("can_give_friend", card.canGiveFriend);
        if (!base.has("can_share")) {
            base.put("can_share", true);
        }
        base.put("get_limit", card.getLimit);
        base.put("create_time", card.createdAt.getEpochSecond());
        base.put("update_time", card.updatedAt.getEpochSecond());

        ObjectNode typed = WeChatReply.object();
        typed.set("base_info", base);
        stored.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("base_info")) {
                typed.set(field.getKey(), field.getValue());
            }
        });
        ObjectNode cardNode = WeChatReply.object();
        cardNode.put("card_type", card.cardType.name());
        cardNode.set(card.cardType.key, typed);
        return cardNode;
    }

    @Transactional
    public ObjectNode batchget(SandboxAccount account, ObjectNode body) {
        int offset = SandboxJson.requiredInt(body, "offset", CardRules.missing("offset"));
        int count = SandboxJson.requiredInt(body, "count", CardRules.missing("count"));
        if (offset < 0 || count < 1 || count > 50) {
            throw CardRules.invalidArgs("offset >= 0 and 1 <= count <= 50");
        }
        Set<SimulatedCardStatus> statuses = new LinkedHashSet<>();
        SandboxJson.optionalArray(body, "status_list").ifPresent(list -> list.forEach(entry -> {
            if (!entry.isTextual()) {
                throw WeChatError.dataFormat();
            }
            statuses.add(SimulatedCardStatus.parse(entry.textValue())
                    .orElseThrow(() -> new WeChatError(40078, "invalid card status: " + entry.textValue())));
        }));
        // Newest first (WeChat's order is undocumented); total_num counts after the status filter.
        var query = statuses.isEmpty()
                ? CardTemplate.<CardTemplate> find("accountId = ?1", Sort.descending("createdAt", "id"), account.id)
                : CardTemplate.<CardTemplate> find("accountId = ?1 and status in ?2",
                        Sort.descending("createdAt", "id"), account.id, statuses);
        long total = query.count();
        List<CardTemplate> page = query.range(offset, offset + count - 1).list();
        ObjectNode reply = WeChatReply.object();
        ArrayNode ids = reply.putArray("card_id_list");
        page.forEach(card -> ids.add(card.cardId));
        reply.put("total_num", total);
        return reply;
    }

    @Transactional
    public boolean update(SandboxAccount account, ObjectNode body) {
        CardTemplate card = owned(account, body, true);
        if (card.status == SimulatedCardStatus.CARD_STATUS_DELETE) {
            throw new WeChatError(40078, "invalid card status");
        }
        ObjectNode stored = read(card.cardJson);
        ObjectNode base = (ObjectNode) stored.get("base_info");
        CardRules.Update update = CardRules.forUpdate(body, card.cardType, base, card.dates(), MediaImage::issued);
        update.baseInfo().fields().forEachRemaining(field -> base.set(field.getKey(), field.getValue()));
        card.cardJson = write(stored);
        update.dates().ifPresent(dates -> applyDates(card, dates));
        if (update.baseInfo().has("can_give_friend")) {
            card.canGiveFriend = update.baseInfo().get("can_give_friend").booleanValue();
        }
        if (update.baseInfo().has("get_limit")) {
            card.getLimit = update.baseInfo().get("get_limit").intValue();
        }
        if (update.baseInfo().has("location_id_list")) {
            card.hasLocations = !update.baseInfo().get("location_id_list").isEmpty();
        }
        Instant now = Instant.now();
        if (update.sendCheck()) {
            // Back to review: the card waits like a new one and gets a new pass/fail push.
            card.status = SimulatedCardStatus.CARD_STATUS_NOT_VERIFY;
            card.refuseReason = null;
            card.reviewDueAt = now.plus(reviewDelay(account.id));
        }
        card.updatedAt = now;
        return update.sendCheck();
    }

    @Transactional
    public void modifyStock(SandboxAccount account, ObjectNode body) {
        CardTemplate card = owned(account, body, true);
        long increase = SandboxJson.optionalLong(body, "increase_stock_value").orElse(0);
        long reduce = SandboxJson.optionalLong(body, "reduce_stock_value").orElse(0);
        if (increase < 0 || reduce < 0 || increase > CardRules.MAX_QUANTITY || reduce > CardRules.MAX_QUANTITY) {
            throw new WeChatError(40122, "invalid stock quantity");
        }
        if (card.status == SimulatedCardStatus.CARD_STATUS_DELETE) {
            throw new WeChatError(40078, "invalid card status");
        }
        long delta = increase - reduce;
        // Stock never goes below zero, nor the total above WeChat's limit (the row is locked).
        if (card.quantity + delta < 0 || card.totalQuantity + delta > CardRules.MAX_QUANTITY) {
            throw new WeChatError(40122, "invalid stock quantity");
        }
        // ⚠ A deposit-mode card hands out only deposited codes, so WeChat refuses stock above the unreceived ones
        // (errcode undocumented: kaquan.sandbox.deposit-stock-errcode). Lowering the stock is always allowed.
        if (increase > 0 && config.depositStockErrcode() != 0 && depositMode(card)
                && card.quantity + delta > unreceivedDeposits(card)) {
            throw new WeChatError(config.depositStockErrcode(),
                    "stock exceeds the deposited codes not yet received; deposit codes first");
        }
        card.quantity += delta;
        card.totalQuantity += delta;
        card.updatedAt = Instant.now();
    }

    /** Deposited codes of the card nobody received yet (the deposit pool of sandbox.distribution, read by name). */
    private static long unreceivedDeposits(CardTemplate card) {
        return CardTemplate.getEntityManager()
                .createQuery("select count(d) from SandboxDepositedCode d where d.cardPk = ?1 and d.received = false",
                        Long.class)
                .setParameter(1, card.id).getSingleResult();
    }

    @Transactional
    public void delete(SandboxAccount account, ObjectNode body) {
        CardTemplate card = owned(account, body, true);
        if (card.status == SimulatedCardStatus.CARD_STATUS_DELETE) {
            throw new WeChatError(40078, "invalid card status");
        }
        // Codes already in wallets stay valid (SEED-MANAGE).
        card.status = SimulatedCardStatus.CARD_STATUS_DELETE;
        card.reviewDueAt = null;
        card.updatedAt = Instant.now();
    }

    @Transactional
    public void setPayCell(SandboxAccount account, ObjectNode body) {
        CardTemplate card = owned(account, body, true);
        boolean open = SandboxJson.optionalBoolean(body, "is_open").orElseThrow(() -> CardRules.missing("is_open"));
        if (!account.payEnabled) {
            throw new WeChatError(43008, "no permission of wechat pay");
        }
        if (open) {
            checkCellAllowed(card);
            if (card.selfConsumeCell) {
                // The conflict WeChat documents for selfconsumecell/set, kept symmetric so that both are never on.
                throw new WeChatError(45046, "self consume cell is open, conflict with pay cell");
            }
        }
        card.payCell = open;
        card.updatedAt = Instant.now();
    }

    @Transactional
    public void setSelfConsumeCell(SandboxAccount account, ObjectNode body) {
        CardTemplate card = owned(account, body, true);
        boolean open = SandboxJson.optionalBoolean(body, "is_open").orElseThrow(() -> CardRules.missing("is_open"));
        boolean needVerifyCod = SandboxJson.booleanOr(body, "need_verify_cod", false);
        boolean needRemarkAmount = SandboxJson.booleanOr(body, "need_remark_amount", false);
        if (open) {
            checkCellAllowed(card);
            if (card.payCell) {
                throw new WeChatError(45046, "pay cell is open, conflict with self consume cell");
            }
        }
        card.selfConsumeCell = open;
        card.needVerifyCod = open && needVerifyCod;
        card.needRemarkAmount = open && needRemarkAmount;
        card.updatedAt = Instant.now();
    }

    /** Both cells need a live card with stores (the errcode for "no stores" is undocumented: 40150 here). */
    private static void checkCellAllowed(CardTemplate card) {
        if (card.status == SimulatedCardStatus.CARD_STATUS_DELETE) {
            throw new WeChatError(40078, "invalid card status");
        }
        if (!card.hasLocations) {
            throw new WeChatError(40150, "invalid card parameters: the card has no location_id_list");
        }
    }

    @Transactional
    public void setTestWhitelist(SandboxAccount account, ObjectNode body) {
        List<String> openids = texts(body, "openid");
        List<String> usernames = texts(body, "username");
        if (SandboxJson.field(body, "openid") == null && SandboxJson.field(body, "username") == null) {
            throw CardRules.missing("openid or username");
        }
        if (openids.size() > WHITELIST_MAX || usernames.size() > WHITELIST_MAX) {
            throw CardRules.invalidArgs("at most " + WHITELIST_MAX + " openids and usernames");
        }
        // The call replaces the list.
        CardWhitelistEntry.delete("accountId", account.id);
        add(account.id, CardWhitelistEntry.OPENID, openids);
        add(account.id, CardWhitelistEntry.USERNAME, usernames);
    }

    private static void add(Long accountId, String kind, List<String> values) {
        for (String value : new LinkedHashSet<>(values)) {
            CardWhitelistEntry entry = new CardWhitelistEntry();
            entry.accountId = accountId;
            entry.kind = kind;
            entry.value = value;
            entry.persist();
        }
    }

    private static List<String> texts(ObjectNode body, String name) {
        List<String> values = new ArrayList<>();
        SandboxJson.optionalArray(body, name).ifPresent(list -> list.forEach(entry -> {
            if (!entry.isTextual() || entry.textValue().isBlank()) {
                throw WeChatError.dataFormat();
            }
            values.add(entry.textValue());
        }));
        return values;
    }

    public static ObjectNode colors() {
        ObjectNode reply = WeChatReply.object();
        ArrayNode colors = reply.putArray("colors");
        CardColors.PALETTE.forEach((name, hex) -> colors.addObject().put("name", name).put("value", hex));
        return reply;
    }

    // Shared

    /** A custom-code card whose codes are deposited first (get_custom_code_mode GET_CUSTOM_CODE_MODE_DEPOSIT). */
    public static boolean depositMode(CardTemplate card) {
        return card.useCustomCode && "GET_CUSTOM_CODE_MODE_DEPOSIT"
                .equals(read(card.cardJson).path("base_info").path("get_custom_code_mode").asText());
    }

    /** The card named by card_id: 41012 when missing, 40073 when unknown, 45030 when another account's. */
    public static CardTemplate owned(SandboxAccount account, ObjectNode body, boolean lock) {
        String cardId = SandboxJson.optionalText(body, "card_id").filter(id -> !id.isBlank())
                .orElseThrow(() -> new WeChatError(41012, "missing card_id"));
        CardTemplate card = (lock ? CardTemplate.byCardIdForUpdate(cardId) : CardTemplate.byCardId(cardId))
                .orElseThrow(() -> new WeChatError(40073, "invalid card id"));
        if (!card.accountId.equals(account.id)) {
            throw new WeChatError(45030, "no permission for this card_id");
        }
        return card;
    }

    static void applyDates(CardTemplate card, CardRules.Dates dates) {
        card.dateType = dates.type();
        card.beginAt = dates.begin();
        card.endAt = dates.end();
        card.fixedTerm = dates.fixedTerm();
        card.fixedBeginTerm = dates.fixedBeginTerm();
    }

    public static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
