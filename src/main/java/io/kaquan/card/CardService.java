package io.kaquan.card;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.account.Audit;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.code.CardCode;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.FormErrors;
import io.kaquan.web.I18n;
import io.kaquan.web.InvalidFormException;
import io.kaquan.web.TimeTexts;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatMsg;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

/**
 * The card management use cases of the current tenant. WeChat is called outside any database transaction (a call may
 * take the whole read timeout); each use case commits what it decided before and after the call in short transactions
 * of its own. Every card is looked up with the tenant: another tenant's card_id is a 404 before anything happens.
 */
@ApplicationScoped
public class CardService {

    static final int MAX_STOCK = 100_000_000;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Audit audit;

    @Inject
    I18n i18n;

    @Inject
    WeChatGateway gateway;

    @Inject
    CardMirror mirror;

    @Inject
    CardList cardList;

    @Inject
    CardsConfig config;

    @Inject
    EntityManager em;

    /** A row of the card's event history. */
    public record EventRow(long id, String type, Instant receivedAt, String code, String status, String outcome) {
    }

    /** An open low-stock alert. */
    public record Alert(long id, String detail, Instant raisedAt) {
    }

    /** Everything the card page shows. */
    public record CardPage(Card card, CardView view, List<EventRow> events, List<CardCode> codes, long codeCount,
            List<Alert> alerts, List<StockChange> stockChanges) {

        /** The card page's path, the base of its forms. */
        public String base() {
            return "/t/" + card.tenantId + "/cards/" + card.cardId;
        }

        public StockChange openChange() {
            return stockChanges.stream().filter(c -> c.state.open()).findFirst().orElse(null);
        }
    }

    /** What a use case ended with, for the flash: a success or a problem the merchant must know about. */
    public record Outcome(boolean ok, String message) {
    }

    // Reading

    @Transactional
    public CardList.Page list(CardList.Filter filter) {
        return cardList.page(currentTenant.id(), filter);
    }

    /** The card for its edit form: operators only, like the change itself. */
    @Transactional
    public Card editable(String cardId) {
        currentTenant.require(Role.OPERATOR);
        return find(cardId);
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public CardPage page(String cardId) {
        long tenantId = currentTenant.id();
        Card card = find(cardId);
        List<EventRow> events = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select id, event_type, received_at, user_card_code, "
                + "status, outcome from wechat_event where tenant_id = ?1 and card_id = ?2 order by id desc limit 50")
                .setParameter(1, tenantId).setParameter(2, cardId).getResultList()) {
            events.add(new EventRow(((Number) row[0]).longValue(), (String) row[1], instant(row[2]), (String) row[3],
                    (String) row[4], (String) row[5]));
        }
        List<CardCode> codes = CardCode.<CardCode> find("tenantId = ?1 and cardId = ?2 order by updatedAt desc, id desc",
                tenantId, cardId).page(0, 50).list();
        long codeCount = CardCode.count("tenantId = ?1 and cardId = ?2", tenantId, cardId);
        List<Alert> alerts = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select id, detail, raised_at from card_stock_alert "
                + "where tenant_id = ?1 and card_id = ?2 and acknowledged_at is null order by raised_at desc")
                .setParameter(1, tenantId).setParameter(2, cardId).getResultList()) {
            alerts.add(new Alert(((Number) row[0]).longValue(), (String) row[1], instant(row[2])));
        }
        return new CardPage(card, new CardView(card, msg()), events, codes, codeCount, alerts,
                StockChange.recentOf(tenantId, cardId, 20));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return null;
    }

    // Refresh

    /** Reads card/get into the mirror. */
    public Card refresh(String cardId) {
        currentTenant.require(Role.OPERATOR);
        inTx(() -> find(cardId));
        WeChatCards.Detail detail = wechat(() -> client().cardGet(cardId));
        return inTx(() -> {
            Card card = mirror.refreshed(currentTenant.id(), detail, Card.Origin.DISCOVERED);
            audit.record(currentTenant.id(), "card.refreshed", cardId, "status=" + card.status);
            return card;
        });
    }

    // Update

    /** The base_info fields the form offers (WeChat's updatable list, §4.7), and whether a change means review. */
    static final Map<String, Boolean> UPDATABLE = new LinkedHashMap<>();

    /** UTF-8 byte limits of the text fields. */
    static final Map<String, Integer> LIMITS = new LinkedHashMap<>();

    static {
        for (String reviewed : List.of("logo_url", "notice", "description", "color")) {
            UPDATABLE.put(reviewed, true);
        }
        for (String free : List.of("service_phone", "code_type", "get_limit", "can_share", "can_give_friend",
                "location_id_list", "center_title", "center_sub_title", "center_url", "custom_url_name", "custom_url",
                "custom_url_sub_title", "promotion_url_name", "promotion_url", "promotion_url_sub_title")) {
            UPDATABLE.put(free, false);
        }
        LIMITS.put("logo_url", 128);
        LIMITS.put("notice", 48);
        LIMITS.put("description", 3072);
        LIMITS.put("service_phone", 24);
        LIMITS.put("center_title", 18);
        LIMITS.put("center_sub_title", 24);
        LIMITS.put("center_url", 128);
        LIMITS.put("custom_url_name", 15);
        LIMITS.put("custom_url", 128);
        LIMITS.put("custom_url_sub_title", 18);
        LIMITS.put("promotion_url_name", 15);
        LIMITS.put("promotion_url", 128);
        LIMITS.put("promotion_url_sub_title", 18);
    }

    /**
     * Sends the fields of the form that differ from what WeChat holds now (read first), then re-reads the card.
     *
     * @param form the submitted fields, named as in base_info, plus begin_date and end_date (yyyy-MM-dd)
     */
    public Outcome update(String cardId, Map<String, String> form) {
        currentTenant.require(Role.OPERATOR);
        Card stored = inTx(() -> find(cardId));
        if (stored.status == CardStatus.DELETE || stored.status == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg().errDeleted());
        }
        WeChatClient client = client();
        WeChatCards.Detail fresh = wechat(() -> client.cardGet(cardId));
        Card current = inTx(() -> mirror.refreshed(currentTenant.id(), fresh, Card.Origin.DISCOVERED));
        CardView view = new CardView(current, msg());

        CardPagesMsg msg = msg();
        FormErrors errors = new FormErrors();
        ObjectNode base = JsonNodeFactory.instance.objectNode();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Boolean> field : UPDATABLE.entrySet()) {
            String name = field.getKey();
            String value = form.get(name);
            if (value == null) {
                continue; // not on the form: unchanged
            }
            // Browsers send a textarea's line breaks as CRLF; WeChat keeps LF: compare (and send) LF only.
            value = lf(value).strip();
            switch (name) {
                case "color" -> {
                    if (!value.equals(view.colorName())) {
                        if (!CardView.PALETTE.containsKey(value)) {
                            errors.add(name, msg.errChoice());
                        }
                        base.put(name, value);
                    }
                }
                case "code_type" -> {
                    if (!value.equals(view.codeType())) {
                        if (!CardView.CODE_TYPES.contains(value)) {
                            errors.add(name, msg.errChoice());
                        }
                        base.put(name, value);
                    }
                }
                case "get_limit" -> {
                    if (!value.equals(view.getLimit())) {
                        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1
                                || Integer.parseInt(value) > MAX_STOCK) {
                            errors.add(name, msg.errGetLimit());
                        } else {
                            base.put(name, Integer.parseInt(value));
                        }
                    }
                }
                case "can_share", "can_give_friend" -> {
                    boolean now = name.equals("can_share") ? view.canShareChecked() : view.canGiveFriendChecked();
                    if (!value.equals("true") && !value.equals("false")) {
                        errors.add(name, msg.errChoice());
                    } else if (Boolean.parseBoolean(value) != now) {
                        base.put(name, Boolean.parseBoolean(value));
                    }
                }
                case "location_id_list" -> {
                    String normalized = value.replaceAll("[\\s，]+", ",").replaceAll("^,+|,+$", "");
                    if (!normalized.equals(view.locationText())) {
                        if (!normalized.isEmpty() && !normalized.matches("[0-9]{1,18}(,[0-9]{1,18})*")) {
                            errors.add(name, msg.errLocations());
                        } else {
                            ArrayNode ids = base.putArray(name);
                            for (String id : normalized.isEmpty() ? new String[0] : normalized.split(",")) {
                                ids.add(Long.parseLong(id));
                            }
                        }
                    }
                }
                default -> {
                    if (!value.equals(lf(view.text(name)).strip())) {
                        int limit = LIMITS.get(name);
                        if (field.getValue() && value.isEmpty()) {
                            errors.add(name, msg.errRequired());
                        } else if (value.getBytes(StandardCharsets.UTF_8).length > limit) {
                            errors.add(name, msg.errTooLong(limit, limit / 3));
                        } else if (name.endsWith("url") && !value.isEmpty() && !value.matches("(?i)https?://\\S+")) {
                            errors.add(name, msg.errUrl());
                        }
                        base.put(name, value);
                    }
                }
            }
            if (base.has(name)) {
                changed.add(name);
            }
        }
        if (view.fixedRange() && (form.get("begin_date") != null || form.get("end_date") != null)) {
            ObjectNode dates = dates(view, form, errors);
            if (dates != null) {
                base.set("date_info", dates);
                changed.add("date_info");
            }
        }
        if (!errors.isEmpty()) {
            // The flash travels in a cookie: a long description stays out of it (the form shows WeChat's again).
            Map<String, String> kept = new LinkedHashMap<>(form);
            if (kept.getOrDefault("description", "").length() > 300) {
                kept.remove("description");
            }
            throw new InvalidFormException(errors, kept);
        }
        if (changed.isEmpty()) {
            return new Outcome(false, msg.nothingChanged());
        }
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        changes.putObject(fresh.typeKey()).set("base_info", base);
        boolean sendCheck = wechat(() -> client.cardUpdate(cardId, changes));
        // WeChat's advice: read the card back to see what it now holds.
        WeChatCards.Detail after = readQuietly(client, cardId);
        Card updated = inTx(() -> {
            Card card = after == null ? find(cardId) : mirror.refreshed(currentTenant.id(), after, Card.Origin.DISCOVERED);
            if (after == null && sendCheck) {
                card.changeStatus(CardStatus.NOT_VERIFY, Instant.now());
            }
            audit.record(currentTenant.id(), "card.updated", cardId,
                    "fields=" + String.join(",", changed) + " send_check=" + sendCheck);
            return card;
        });
        String fields = msg.fieldList(changed.stream().map(this::label).distinct().toList());
        String status = CardTexts.label(updated.status);
        return new Outcome(true, sendCheck ? msg.updatedReview(fields, status) : msg.updated(fields, status));
    }

    private static String lf(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A base_info field in the merchant's words, for the flash after an update. */
    private String label(String field) {
        CardPagesMsg msg = msg();
        return switch (field) {
            case "logo_url" -> msg.fLogo();
            case "color" -> msg.fColor();
            case "notice" -> msg.fNotice();
            case "description" -> msg.fDescription();
            case "service_phone" -> msg.fServicePhone();
            case "code_type" -> msg.fCodeType();
            case "get_limit" -> msg.fGetLimit();
            case "can_share" -> msg.fCanShare();
            case "can_give_friend" -> msg.fCanGiveFriend();
            case "location_id_list" -> msg.fLocations();
            case "date_info" -> msg.fValidity();
            case "center_title", "center_sub_title", "center_url" -> msg.fCenter();
            case "custom_url_name", "custom_url", "custom_url_sub_title" -> msg.fCustomUrl();
            case "promotion_url_name", "promotion_url", "promotion_url_sub_title" -> msg.fPromotionUrl();
            default -> field;
        };
    }

    /** The widened validity, null when unchanged; a narrowing is a field error (WeChat only lets it grow). */
    private ObjectNode dates(CardView view, Map<String, String> form, FormErrors errors) {
        CardPagesMsg msg = msg();
        LocalDate currentBegin = CardView.day(view.begin());
        LocalDate currentEnd = CardView.day(view.end());
        LocalDate begin = parseDate(form.get("begin_date"), currentBegin, "begin_date", errors);
        LocalDate end = parseDate(form.get("end_date"), currentEnd, "end_date", errors);
        if (begin == null || end == null || currentBegin == null || currentEnd == null) {
            return null;
        }
        if (begin.isAfter(currentBegin)) {
            errors.add("begin_date", msg.errBeginLater(currentBegin.toString()));
        }
        if (end.isBefore(currentEnd)) {
            errors.add("end_date", msg.errEndEarlier(currentEnd.toString()));
        }
        if (!end.isAfter(begin) && !end.equals(begin)) {
            errors.add("end_date", msg.errDateOrder());
        }
        if (begin.equals(currentBegin) && end.equals(currentEnd)) {
            return null;
        }
        long beginSeconds = begin.equals(currentBegin) ? view.begin().getEpochSecond()
                : begin.atStartOfDay(TimeTexts.SHANGHAI).toEpochSecond();
        long endSeconds = end.equals(currentEnd) ? view.end().getEpochSecond()
                : end.plusDays(1).atStartOfDay(TimeTexts.SHANGHAI).toEpochSecond() - 1;
        return JsonNodeFactory.instance.objectNode().put("type", "DATE_TYPE_FIX_TIME_RANGE")
                .put("begin_timestamp", beginSeconds).put("end_timestamp", endSeconds);
    }

    private LocalDate parseDate(String value, LocalDate current, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return current;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(field, msg().errDate());
            return null;
        }
    }

    // Stock

    /**
     * Adds or takes away stock. The intent is committed (PENDING, with an operation id) before card/modifystock; an
     * answer settles it; no clear answer leaves it UNCERTAIN, reconciled at once against card/get's total_quantity and
     * later by {@link #reconcile}. Never sent twice; one open change per card at a time.
     */
    public Outcome changeStock(String cardId, String direction, String amountInput, String reasonInput) {
        currentTenant.require(Role.OPERATOR);
        CardPagesMsg msg = msg();
        FormErrors errors = new FormErrors();
        String reason = reasonInput == null ? "" : reasonInput.strip();
        String amountText = amountInput == null ? "" : amountInput.strip();
        Map<String, String> values = Map.of("direction", direction == null ? "" : direction, "amount", amountText,
                "reason", reason);
        if (!"increase".equals(direction) && !"decrease".equals(direction)) {
            errors.add("direction", msg.errDirection());
        }
        int amount = amountText.matches("[0-9]{1,9}") ? Integer.parseInt(amountText) : 0;
        if (amount < 1 || amount > MAX_STOCK) {
            errors.add("amount", msg.errAmount());
        }
        if (reason.isEmpty() || reason.length() > 200) {
            errors.add("reason", msg.errReason());
        }
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, values);
        }
        Card stored = inTx(() -> find(cardId));
        WeChatClient client = client();
        // An earlier change still open is settled first if WeChat can tell now; otherwise nothing new is sent.
        StockChange open = inTx(() -> StockChange.openOf(currentTenant.id(), cardId)).orElse(null);
        if (open == null) {
            return send(client, stored, direction, amount, reason, values);
        }
        Outcome settled = reconcileNow(client, open.id);
        if (inTx(() -> StockChange.<StockChange> findById(open.id)).state.open()) {
            throw new ActionRefused(msg.errStockOpen(open.operationId.toString()));
        }
        Outcome outcome = send(client, inTx(() -> find(cardId)), direction, amount, reason, values);
        return new Outcome(outcome.ok(), settled.message() + " " + outcome.message());
    }

    private Outcome send(WeChatClient client, Card known, String direction, int amount, String reason,
            Map<String, String> values) {
        CardPagesMsg msg = msg();
        String cardId = known.cardId;
        if (known.status == CardStatus.DELETE || known.status == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg.errDeletedStock());
        }
        // The stock as WeChat holds it now (one card/get, cheap): the refusal below and the reconciliation later
        // compare with it; the mirror may be stale (received codes, changes in the MP console).
        WeChatCards.Detail read = wechat(() -> client.cardGet(cardId));
        int delta = "increase".equals(direction) ? amount : -amount;
        StockChange change = inTx(() -> {
            Card card = lockedCard(cardId);
            mirror.refreshed(currentTenant.id(), read, Card.Origin.DISCOVERED);
            if (StockChange.openOf(currentTenant.id(), cardId).isPresent()) {
                throw new ActionRefused(msg.errStockOpen(StockChange.openOf(currentTenant.id(), cardId).get()
                        .operationId.toString()));
            }
            int quantity = card.quantity == null ? 0 : card.quantity;
            int total = card.totalQuantity == null ? quantity : card.totalQuantity;
            if (card.status == CardStatus.DELETE || card.status == CardStatus.SYS_DELETE) {
                throw new ActionRefused(msg.errDeletedStock());
            }
            if (delta < 0 && quantity + delta < 0) {
                throw new InvalidFormException(new FormErrors().add("amount", msg.errBelowRemaining(quantity, amount)),
                        values);
            }
            if ((long) total + delta > MAX_STOCK) {
                throw new InvalidFormException(new FormErrors().add("amount", msg.errAboveMax()), values);
            }
            StockChange intent = new StockChange();
            intent.operationId = UUID.randomUUID();
            intent.tenantId = currentTenant.id();
            intent.cardId = cardId;
            intent.delta = delta;
            intent.reason = reason;
            intent.state = StockChange.State.PENDING;
            intent.totalBefore = total;
            intent.quantityBefore = quantity;
            intent.totalExpected = total + delta;
            intent.requestedBy = currentUser.isSignedIn() ? currentUser.id() : null;
            intent.requestedAt = Instant.now();
            intent.settlesAt = intent.requestedAt.plus(config.stockSettleTime());
            intent.persist();
            audit.record(currentTenant.id(), "card.stock-requested", cardId,
                    "operation=" + intent.operationId + " delta=" + delta + " reason=" + reason);
            return intent;
        });
        String operation = change.operationId.toString();
        try {
            client.cardModifyStock(cardId, delta);
        } catch (WeChatException e) {
            if (!e.uncertain()) {
                String text = WeChatErrors.message(wechatMsg(), e);
                inTx(() -> {
                    StockChange row = reload(change);
                    row.state = StockChange.State.FAILED;
                    row.errcode = e.errcode();
                    row.error = text;
                    row.finishedAt = Instant.now();
                    audit.record(currentTenant.id(), "card.stock-failed", cardId,
                            "operation=" + operation + " errcode=" + e.errcode());
                    return row;
                });
                return new Outcome(false, msg.stockFailed(operation, text));
            }
            markUncertain(change, e.errcode(), WeChatErrors.message(wechatMsg(), e),
                    // An answered -1 is final; an unanswered call may still reach WeChat later.
                    e.kind() == WeChatException.Kind.REFUSED ? Instant.now() : change.settlesAt);
            return reconcileNow(client, change.id);
        } catch (RuntimeException e) {
            Log.warnf(e, "card/modifystock of %s (operation %s) ended unexpectedly", cardId, operation);
            markUncertain(change, null, e.getClass().getSimpleName(), change.settlesAt);
            return reconcileNow(client, change.id);
        }
        WeChatCards.Detail after = readQuietly(client, cardId);
        StockChange applied = inTx(() -> {
            StockChange row = reload(change);
            row.state = StockChange.State.APPLIED;
            row.finishedAt = Instant.now();
            if (after != null) {
                mirror.refreshed(currentTenant.id(), after, Card.Origin.DISCOVERED);
                row.totalSeen = after.totalQuantity();
            }
            audit.record(currentTenant.id(), "card.stock-changed", cardId,
                    "operation=" + operation + " delta=" + delta);
            return row;
        });
        Card card = inTx(() -> find(cardId));
        return new Outcome(true, msg.stockApplied(delta > 0 ? msg.increased() : msg.decreased(), amount, operation,
                String.valueOf(card.quantity), String.valueOf(applied.totalSeen == null ? change.totalExpected
                        : applied.totalSeen)));
    }

    private void markUncertain(StockChange change, Integer errcode, String error, Instant settlesAt) {
        inTx(() -> {
            StockChange row = reload(change);
            row.state = StockChange.State.UNCERTAIN;
            row.errcode = errcode;
            row.error = error;
            row.settlesAt = settlesAt;
            audit.record(currentTenant.id(), "card.stock-uncertain", change.cardId,
                    "operation=" + change.operationId + " errcode=" + errcode);
            return row;
        });
    }

    /** Settles an open stock change of the card by reading card/get. */
    public Outcome reconcile(String cardId, String operationId) {
        currentTenant.require(Role.OPERATOR);
        UUID id;
        try {
            id = UUID.fromString(operationId == null ? "" : operationId.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        StockChange change = inTx(() -> {
            find(cardId);
            return StockChange.of(currentTenant.id(), id).filter(c -> c.cardId.equals(cardId))
                    .orElseThrow(NotFoundException::new);
        });
        if (!change.state.open()) {
            throw new ActionRefused(msg().errNotOpen());
        }
        return reconcileNow(client(), change.id);
    }

    private Outcome reconcileNow(WeChatClient client, long changeId) {
        CardPagesMsg msg = msg();
        StockChange change = inTx(() -> StockChange.<StockChange> findById(changeId));
        String operation = change.operationId.toString();
        WeChatCards.Detail detail;
        try {
            detail = client.cardGet(change.cardId);
        } catch (WeChatException e) {
            if (change.state == StockChange.State.PENDING) {
                markUncertain(change, null, WeChatErrors.message(wechatMsg(), e), change.settlesAt);
            }
            return new Outcome(false, msg.stockUncertain(operation) + " "
                    + msg.reconcileUnreadable(operation, WeChatErrors.message(wechatMsg(), e)));
        }
        Integer seen = detail.totalQuantity();
        return inTx(() -> {
            mirror.refreshed(currentTenant.id(), detail, Card.Origin.DISCOVERED);
            StockChange row = em.find(StockChange.class, changeId, LockModeType.PESSIMISTIC_WRITE);
            if (!row.state.open()) {
                return new Outcome(row.state == StockChange.State.APPLIED, msg.errNotOpen());
            }
            row.totalSeen = seen;
            Instant now = Instant.now();
            Outcome outcome;
            if (seen != null && seen == row.totalExpected) {
                row.state = StockChange.State.APPLIED;
                row.finishedAt = now;
                outcome = new Outcome(true, msg.reconciledApplied(seen, operation));
            } else if (seen != null && seen == row.totalBefore) {
                if (row.settlesAt == null || !now.isBefore(row.settlesAt)) {
                    row.state = StockChange.State.FAILED;
                    row.finishedAt = now;
                    outcome = new Outcome(false, msg.reconciledFailed(seen, operation));
                } else {
                    row.state = StockChange.State.UNCERTAIN;
                    outcome = new Outcome(false,
                            msg.reconciledWaiting(seen, operation, CardView.dateTime(row.settlesAt)));
                }
            } else {
                row.state = StockChange.State.UNCERTAIN;
                outcome = new Outcome(false, msg.reconciledOther(seen == null ? -1 : seen, row.totalBefore,
                        row.totalExpected, operation));
            }
            // Audit records whoever is signed in (the one who asked to check): the change's requester goes in the details.
            audit.record(currentTenant.id(), "card.stock-reconciled", row.cardId,
                    "operation=" + operation + " state=" + row.state + " total=" + seen + " requested_by="
                            + row.requestedBy);
            return outcome;
        });
    }

    /**
     * Settles by hand a change that reading card/get cannot decide (see {@link StockChange#undecidable()}): the
     * operator checked in the MP console. Reads card/get once more first: if that decides, the reading wins.
     */
    public Outcome settleByHand(String cardId, String operationId, String decision, String noteInput) {
        currentTenant.require(Role.OPERATOR);
        CardPagesMsg msg = msg();
        UUID id;
        try {
            id = UUID.fromString(operationId == null ? "" : operationId.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        StockChange change = inTx(() -> {
            find(cardId);
            return StockChange.of(currentTenant.id(), id).filter(c -> c.cardId.equals(cardId))
                    .orElseThrow(NotFoundException::new);
        });
        String note = noteInput == null ? "" : noteInput.strip();
        FormErrors errors = new FormErrors();
        if (!"applied".equals(decision) && !"not-applied".equals(decision)) {
            errors.add("note", msg.errChoice());
        }
        if (note.isEmpty() || note.length() > 500) {
            errors.add("note", msg.errSettleNote());
        }
        if (!errors.isEmpty()) {
            throw new InvalidFormException(errors, Map.of("note", note));
        }
        if (!change.state.open()) {
            throw new ActionRefused(msg.errNotOpen());
        }
        Outcome read = reconcileNow(client(), change.id);
        String operation = change.operationId.toString();
        return inTx(() -> {
            StockChange row = em.find(StockChange.class, change.id, LockModeType.PESSIMISTIC_WRITE);
            if (!row.state.open()) {
                return read; // card/get decided after all
            }
            if (!row.undecidable()) {
                throw new ActionRefused(msg.errSettleNotNeeded(operation));
            }
            boolean applied = "applied".equals(decision);
            row.state = applied ? StockChange.State.APPLIED : StockChange.State.FAILED;
            row.finishedAt = Instant.now();
            row.settledBy = currentUser.isSignedIn() ? currentUser.id() : null;
            row.settleNote = note;
            audit.record(currentTenant.id(), "card.stock-settled-by-hand", row.cardId, "operation=" + operation
                    + " state=" + row.state + " total=" + row.totalSeen + " requested_by=" + row.requestedBy
                    + " note=" + note);
            return new Outcome(true, applied ? msg.settledApplied(operation) : msg.settledNotApplied(operation));
        });
    }

    // Delete

    /** Deletes the card in WeChat (codes already received stay valid). Not repeatable: intent audited first. */
    public String delete(String cardId, String confirm) {
        currentTenant.require(Role.OPERATOR);
        Card card = inTx(() -> find(cardId));
        if (!"yes".equals(confirm)) {
            throw new InvalidFormException(new FormErrors().add("confirm", msg().errConfirm()), Map.of());
        }
        if (card.status == CardStatus.DELETE || card.status == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg().errAlreadyDeleted());
        }
        inTx(() -> {
            audit.record(currentTenant.id(), "card.delete-requested", cardId, "title=" + card.title);
            return null;
        });
        WeChatClient client = client();
        WeChatException failure = null;
        try {
            client.cardDelete(cardId);
        } catch (WeChatException e) {
            failure = e;
        }
        WeChatCards.Detail after = readQuietly(client, cardId);
        boolean deleted = after != null && (after.status() == CardStatus.DELETE || after.status() == CardStatus.SYS_DELETE);
        WeChatException problem = failure;
        inTx(() -> {
            if (after != null) {
                mirror.refreshed(currentTenant.id(), after, Card.Origin.DISCOVERED);
            } else if (problem == null) {
                find(cardId).changeStatus(CardStatus.DELETE, Instant.now());
            }
            if (problem == null || deleted) {
                audit.record(currentTenant.id(), "card.deleted", cardId, "title=" + card.title);
            } else if (problem.uncertain() && after == null) {
                audit.record(currentTenant.id(), "card.delete-uncertain", cardId, "errcode=" + problem.errcode());
            } else {
                audit.record(currentTenant.id(), "card.delete-failed", cardId, "errcode=" + problem.errcode());
            }
            return null;
        });
        if (problem != null && !deleted && problem.uncertain() && after == null) {
            // No answer to the delete and no card/get to tell: it may have happened.
            throw new ActionRefused(msg().deleteUncertain(WeChatErrors.message(wechatMsg(), problem)));
        }
        if (problem != null && !deleted) {
            throw new ActionRefused(WeChatErrors.message(wechatMsg(), problem));
        }
        return card.title;
    }

    // Cells

    public String payCell(String cardId, boolean open) {
        currentTenant.require(Role.OPERATOR);
        Card card = inTx(() -> find(cardId));
        checkCell(card, open, Boolean.TRUE.equals(card.selfConsumeCellOpen), msg().errSelfConsumeOpen());
        wechat(() -> {
            client().paycellSet(cardId, open);
            return null;
        });
        inTx(() -> {
            find(cardId).payCellOpen = open;
            audit.record(currentTenant.id(), "card.paycell-set", cardId, "open=" + open);
            return null;
        });
        return msg().payCellSet(open ? msg().opened() : msg().closed());
    }

    public String selfConsumeCell(String cardId, boolean open, boolean needVerifyCod, boolean needRemarkAmount) {
        currentTenant.require(Role.OPERATOR);
        Card card = inTx(() -> find(cardId));
        checkCell(card, open, Boolean.TRUE.equals(card.payCellOpen), msg().errPayCellOpen());
        wechat(() -> {
            client().selfConsumeCellSet(cardId, open, needVerifyCod, needRemarkAmount);
            return null;
        });
        inTx(() -> {
            find(cardId).selfConsumeCellOpen = open;
            audit.record(currentTenant.id(), "card.selfconsumecell-set", cardId,
                    "open=" + open + " verify_cod=" + needVerifyCod + " remark_amount=" + needRemarkAmount);
            return null;
        });
        return msg().selfConsumeSet(open ? msg().opened() : msg().closed());
    }

    /** The preconditions Kaquan can see before calling (WeChat Pay permission only WeChat knows: 43008). */
    private void checkCell(Card card, boolean open, boolean otherOpen, String conflict) {
        if (card.status == CardStatus.DELETE || card.status == CardStatus.SYS_DELETE) {
            throw new ActionRefused(msg().errDeleted());
        }
        if (open && !new CardView(card, msg()).hasStores()) {
            throw new ActionRefused(msg().errNoStores());
        }
        if (open && otherOpen) {
            throw new ActionRefused(conflict);
        }
    }

    // Alerts

    public void acknowledgeAlert(String cardId, long alertId) {
        currentTenant.require(Role.OPERATOR);
        inTx(() -> {
            find(cardId);
            int rows = em.createNativeQuery("update card_stock_alert set acknowledged_at = coalesce(acknowledged_at, ?1) "
                    + "where id = ?2 and tenant_id = ?3 and card_id = ?4").setParameter(1, Instant.now())
                    .setParameter(2, alertId).setParameter(3, currentTenant.id()).setParameter(4, cardId)
                    .executeUpdate();
            if (rows == 0) {
                throw new NotFoundException();
            }
            audit.record(currentTenant.id(), "card.stock-alert-acknowledged", cardId, "alert=" + alertId);
            return null;
        });
    }

    // Plumbing

    private Card find(String cardId) {
        if (cardId == null || cardId.length() > 64) {
            throw new NotFoundException();
        }
        return Card.of(currentTenant.id(), cardId).orElseThrow(NotFoundException::new);
    }

    private Card lockedCard(String cardId) {
        Card card = find(cardId);
        em.lock(card, LockModeType.PESSIMISTIC_WRITE);
        return card;
    }

    private StockChange reload(StockChange change) {
        return em.find(StockChange.class, change.id, LockModeType.PESSIMISTIC_WRITE);
    }

    private WeChatClient client() {
        return gateway.forTenant(currentTenant.id());
    }

    /** A WeChat call whose failure the merchant reads as WeChat's error in words. */
    private <T> T wechat(Supplier<T> call) {
        try {
            return call.get();
        } catch (WeChatException e) {
            throw new ActionRefused(WeChatErrors.message(wechatMsg(), e));
        }
    }

    /** card/get after a change: its failure does not undo the change, the page then shows the mirror as it was. */
    private WeChatCards.Detail readQuietly(WeChatClient client, String cardId) {
        try {
            return client.cardGet(cardId);
        } catch (WeChatException e) {
            Log.infof("card/get of %s after a change failed: %s", cardId, e.getMessage());
            return null;
        }
    }

    private static <T> T inTx(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    private CardPagesMsg msg() {
        return i18n.bundle(CardPagesMsg.class);
    }

    private WeChatMsg wechatMsg() {
        return i18n.bundle(WeChatMsg.class);
    }
}
