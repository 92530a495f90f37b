package io.kaquan.card.wizard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.Role;
import io.kaquan.card.Card;
import io.kaquan.card.CardMirror;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.I18n;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.CardVocabulary;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatClient;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatMsg;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Submitting a draft: card/create once. card/create is not repeatable, so its intent (the exact body) is committed
 * before it is sent; an unknown outcome (timeout, -1) is reconciled on resubmit by finding that card in WeChat
 * (batchget + card/get matching the body), and the draft is released to be sent again only when a search of every
 * card found nothing after {@link WizardConfig#reconcileGrace()}; a search cut short by its limits keeps it waiting.
 * Success stores the mirror, finishes the draft and writes the audit entry in
 * one transaction.
 */
@ApplicationScoped
public class CardSubmission {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CurrentTenant currentTenant;

    @Inject
    WeChatGateway gateway;

    @Inject
    CardMirror mirror;

    @Inject
    Audit audit;

    @Inject
    I18n i18n;

    @Inject
    WizardConfig config;

    /** How a submission ended. */
    public enum Outcome {
        CREATED,
        /** Found in WeChat after an earlier create whose answer never came. */
        RECONCILED,
        /** The draft had made its card before. */
        ALREADY_DONE
    }

    public record Submitted(String cardId, Outcome outcome) {
    }

    private sealed interface Intent {
    }

    private record Send(ObjectNode card, String body) implements Intent {
    }

    private record Reconcile(String body, Instant submittedAt) implements Intent {
    }

    private record Done(String cardId) implements Intent {
    }

    /**
     * Creates the card of a draft, once. {@code digest} is the review page's fingerprint of the JSON shown; a draft
     * changed since (another tab) is sent back to review.
     */
    public Submitted submit(long draftId, String digest) {
        currentTenant.require(Role.OPERATOR);
        long tenantId = currentTenant.id();
        WizardMsg msg = msg();
        LocalDate today = WizardService.today();
        Intent intent = QuarkusTransaction.requiringNew().call(() -> {
            CardDraft draft = CardDraft.locked(tenantId, draftId).orElseThrow(NotFoundException::new);
            if (draft.state == CardDraft.State.DONE) {
                return new Done(draft.cardId);
            }
            if (draft.state == CardDraft.State.SUBMITTING) {
                return new Reconcile(draft.sentJson, draft.submittedAt);
            }
            Map<String, String> data = draft.fields();
            Map<String, String> errors = CardForm.validateAll(data, msg, today);
            if (!errors.isEmpty()) {
                throw new WizardRefused(CardForm.stepOf(errors.keySet().iterator().next()), errors, msg.fixFirst());
            }
            ObjectNode card = CardForm.card(data);
            String body = JSON.writeValueAsString(request(card));
            if (digest == null || digest.isBlank()) {
                // Only what the merchant saw on the review page is sent.
                throw new WizardRefused(WizardStep.REVIEW, Map.of(), msg.reviewFirst());
            }
            if (!digest.equals(digest(body))) {
                throw new WizardRefused(WizardStep.REVIEW, Map.of(), msg.changedSinceReview());
            }
            // The intent, committed before the call: a resubmit after an unknown outcome reconciles instead.
            draft.state = CardDraft.State.SUBMITTING;
            draft.sentJson = body;
            draft.submittedAt = Instant.now();
            draft.updatedAt = draft.submittedAt;
            return new Send(card, body);
        });
        if (intent instanceof Done done) {
            return new Submitted(done.cardId(), Outcome.ALREADY_DONE);
        }
        if (intent instanceof Send send) {
            return send(tenantId, draftId, send);
        }
        return reconcile(tenantId, draftId, (Reconcile) intent);
    }

    private Submitted send(long tenantId, long draftId, Send send) {
        String cardId;
        try {
            cardId = gateway.forTenant(tenantId).cardCreate(send.card());
        } catch (WeChatException e) {
            if (e.uncertain()) {
                Log.infof("Tenant %d, draft %d: card/create outcome unknown (%s); reconcile on resubmit", tenantId,
                        draftId, e.getMessage());
                throw new WizardRefused(WizardStep.REVIEW, Map.of(), msg().stillUncertain());
            }
            QuarkusTransaction.requiringNew().run(() -> CardDraft.locked(tenantId, draftId).ifPresent(draft -> {
                draft.state = CardDraft.State.EDITING;
                draft.updatedAt = Instant.now();
            }));
            throw refusal(e, send.card());
        }
        finish(tenantId, draftId, cardId, send.body(), false);
        return new Submitted(cardId, Outcome.CREATED);
    }

    private Submitted reconcile(long tenantId, long draftId, Reconcile reconcile) {
        Search search;
        try {
            search = findCreated(tenantId, reconcile.body(), reconcile.submittedAt());
        } catch (WeChatException e) {
            throw new WizardRefused(WizardStep.REVIEW, Map.of(),
                    msg().stillUncertain() + " " + WeChatErrors.message(wechatMsg(), e));
        }
        if (search.found()) {
            finish(tenantId, draftId, search.cardId(), reconcile.body(), true);
            return new Submitted(search.cardId(), Outcome.RECONCILED);
        }
        if (reconcile.submittedAt().plus(config.reconcileGrace()).isAfter(Instant.now())) {
            throw new WizardRefused(WizardStep.REVIEW, Map.of(), msg().stillUncertain());
        }
        if (!search.complete()) {
            // Not found among the cards read, but not every card was read: the card may exist, so never resend.
            Log.warnf("Tenant %d, draft %d: card of an unanswered card/create not found in an incomplete search; "
                    + "the draft stays SUBMITTING", tenantId, draftId);
            throw new WizardRefused(WizardStep.REVIEW, Map.of(), msg().searchIncomplete());
        }
        QuarkusTransaction.requiringNew().run(() -> CardDraft.locked(tenantId, draftId).ifPresent(draft -> {
            draft.state = CardDraft.State.EDITING;
            draft.updatedAt = Instant.now();
            audit.record(tenantId, AuditAction.CARD_CREATE_NOT_FOUND, "draft " + draftId,
                    "submitted_at=" + draft.submittedAt);
        }));
        throw new WizardRefused(WizardStep.REVIEW, Map.of(), msg().notCreatedRetry());
    }

    /**
     * What looking for the card of an unanswered card/create found: the card, or none after reading every candidate
     * ({@code complete}), or none among the cards read before a limit ({@code !complete}: it may still exist).
     */
    record Search(String cardId, boolean complete) {

        static final Search NOT_FOUND = new Search(null, true);
        static final Search INCOMPLETE = new Search(null, false);

        static Search found(String cardId) {
            return new Search(cardId, true);
        }

        boolean found() {
            return cardId != null;
        }
    }

    /** At most this many card ids are listed (batchget) when looking for the card of an unanswered create. */
    static final int MAX_LISTED = 5000;

    /**
     * The card an earlier card/create made, if WeChat has it: among the account's cards that no other draft claims
     * and that Kaquan did not know before the attempt, the one whose card/get matches the body sent.
     */
    Search findCreated(long tenantId, String body, Instant submittedAt) {
        JsonNode sent;
        try {
            sent = JSON.readTree(body).path("card");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        WeChatClient wechat = gateway.forTenant(tenantId);
        Set<String> known = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> ids = new HashSet<>();
            CardDraft.<CardDraft> list("tenantId = ?1 and cardId is not null", tenantId).forEach(d -> ids.add(d.cardId));
            Card.<Card> list("tenantId = ?1 and createdAt < ?2", tenantId, submittedAt.minusSeconds(60))
                    .forEach(c -> ids.add(c.cardId));
            return ids;
        });
        int reads = 0;
        for (int offset = 0; offset < MAX_LISTED; offset += 50) {
            WeChatCards.IdPage page = wechat.cardBatchget(offset, 50, List.of());
            for (String cardId : page.cardIdList()) {
                if (known.contains(cardId)) {
                    continue;
                }
                if (reads >= config.reconcileReads()) {
                    return Search.INCOMPLETE; // a candidate left unread
                }
                reads++;
                WeChatCards.Detail detail = wechat.cardGet(cardId);
                if (matches(sent, detail.card(), submittedAt)) {
                    return Search.found(cardId);
                }
            }
            if (page.cardIdList().size() < 50 || offset + 50 >= page.totalNum()) {
                return Search.NOT_FOUND;
            }
        }
        return Search.INCOMPLETE; // more cards than are listed
    }

    /** Whether a card/get answer is the card a card/create body describes (card/get shows colours as hex). */
    static boolean matches(JsonNode sent, JsonNode got, Instant submittedAt) {
        String type = sent.path("card_type").asText();
        if (!type.equals(got.path("card_type").asText())) {
            return false;
        }
        String key = type.toLowerCase(Locale.ROOT);
        JsonNode s = sent.path(key);
        JsonNode g = got.path(key);
        JsonNode sb = s.path("base_info");
        JsonNode gb = g.path("base_info");
        for (String field : List.of("logo_url", "brand_name", "code_type", "title", "sub_title", "notice",
                "description")) {
            if (!sb.path(field).asText("").equals(gb.path(field).asText(""))) {
                return false;
            }
        }
        long total = gb.path("sku").has("total_quantity") ? gb.path("sku").path("total_quantity").asLong()
                : gb.path("sku").path("quantity").asLong();
        if (sb.path("sku").path("quantity").asLong() != total) {
            return false;
        }
        JsonNode sd = sb.path("date_info");
        JsonNode gd = gb.path("date_info");
        for (String field : List.of("begin_timestamp", "end_timestamp", "fixed_term", "fixed_begin_term")) {
            if (sd.path(field).asLong(-1) != gd.path(field).asLong(-1)) {
                return false;
            }
        }
        for (String field : List.of("deal_detail", "gift", "default_detail", "least_cost", "reduce_cost",
                "discount")) {
            if (!s.path(field).asText("").equals(g.path(field).asText(""))) {
                return false;
            }
        }
        long created = gb.path("create_time").asLong(0);
        return created == 0 || created >= submittedAt.minusSeconds(300).getEpochSecond();
    }

    /** In one transaction: the mirror (with the exact body sent), the draft done, the audit entry. */
    private void finish(long tenantId, long draftId, String cardId, String body, boolean reconciled) {
        QuarkusTransaction.requiringNew().call(() -> {
            CardDraft draft = CardDraft.locked(tenantId, draftId).orElseThrow(NotFoundException::new);
            if (draft.state == CardDraft.State.DONE) {
                return null;
            }
            JsonNode card = JSON.readTree(body).path("card");
            String type = card.path("card_type").asText();
            JsonNode base = card.path(type.toLowerCase(Locale.ROOT)).path("base_info");
            Card mirrored = mirror.ensure(tenantId, cardId, type, CardStatus.NOT_VERIFY, Card.Origin.KAQUAN);
            mirrored.origin = Card.Origin.KAQUAN;
            mirrored.title = base.path("title").asText();
            mirrored.brandName = base.path("brand_name").asText();
            // The mirror keeps colours as hex, as card/get answers them (pages paint with it); the body has the name.
            String color = base.path("color").asText();
            mirrored.color = CardVocabulary.PALETTE.getOrDefault(color, color);
            mirrored.logoUrl = base.path("logo_url").asText();
            mirrored.quantity = base.path("sku").path("quantity").asInt();
            mirrored.totalQuantity = mirrored.quantity;
            mirrored.sentJson = body;
            draft.state = CardDraft.State.DONE;
            draft.cardId = cardId;
            draft.updatedAt = Instant.now();
            audit.record(tenantId, AuditAction.CARD_CREATED, cardId, "type=" + type + " title=" + mirrored.title
                    + " draft=" + draftId + (reconciled ? " reconciled=true" : ""));
            return null;
        });
    }

    /** A WeChat refusal after submit, shown on the step (and next to the field) the merchant can fix it in. */
    WizardRefused refusal(WeChatException e, ObjectNode card) {
        String text = msg().errWeChat(WeChatErrors.message(wechatMsg(), e));
        String field = RefusedField.of(e, card);
        if (field == null) {
            return new WizardRefused(WizardStep.REVIEW, Map.of(), text);
        }
        return new WizardRefused(CardForm.stepOf(field), Map.of(field, text), text);
    }

    public static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(compact(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String compact(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode request(ObjectNode card) {
        ObjectNode request = JSON.createObjectNode();
        request.set("card", card);
        return request;
    }

    private WizardMsg msg() {
        return i18n.bundle(WizardMsg.class);
    }

    private WeChatMsg wechatMsg() {
        return i18n.bundle(WeChatMsg.class);
    }
}
