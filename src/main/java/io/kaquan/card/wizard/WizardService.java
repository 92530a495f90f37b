package io.kaquan.card.wizard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.kaquan.account.Audit;
import io.kaquan.account.AuditAction;
import io.kaquan.account.CurrentUser;
import io.kaquan.account.Role;
import io.kaquan.card.Card;
import io.kaquan.card.CardImages;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.I18n;
import io.kaquan.wechat.CardVocabulary;
import io.kaquan.wechat.WeChatCards;
import io.kaquan.wechat.WeChatErrors;
import io.kaquan.wechat.WeChatException;
import io.kaquan.wechat.WeChatGateway;
import io.kaquan.wechat.WeChatMsg;
import io.kaquan.wechat.WeChatTime;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The use cases of the card creation wizard before submission ({@link CardSubmission}): drafts saved step by step,
 * pictures checked and uploaded to WeChat, the palette and stores offered, "create a similar card". Transactions are
 * short and never span a WeChat call.
 */
@ApplicationScoped
public class WizardService {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Inject
    CurrentTenant currentTenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    WeChatGateway gateway;

    @Inject
    Audit audit;

    @Inject
    I18n i18n;

    /** A picture as posted. */
    public record Upload(String field, String filename, String contentType, byte[] content) {
    }

    /** The palette and stores offered by the wizard, read from WeChat (or the seed's palette when it cannot answer). */

    // Drafts

    public List<CardDraft> openDrafts() {
        currentTenant.require(Role.OPERATOR);
        return QuarkusTransaction.requiringNew().call(() -> CardDraft.openOfTenant(currentTenant.id()));
    }

    public CardDraft draft(long draftId) {
        currentTenant.require(Role.OPERATOR);
        long tenantId = currentTenant.id();
        return QuarkusTransaction.requiringNew().call(() -> CardDraft.of(tenantId, draftId)
                .orElseThrow(NotFoundException::new));
    }

    public CardDraft start(String type) {
        currentTenant.require(Role.OPERATOR);
        if (type == null || !CardForm.creatable(type)) {
            throw new WizardRefused(WizardStep.TYPE, Map.of("card_type", msg().errType()), msg().errType());
        }
        return create(CardForm.defaults(type), null);
    }

    private CardDraft create(Map<String, String> data, String sourceCardId) {
        long tenantId = currentTenant.id();
        Long userId = currentUser.id();
        return QuarkusTransaction.requiringNew().call(() -> {
            CardDraft draft = new CardDraft();
            draft.tenantId = tenantId;
            draft.createdBy = userId;
            draft.cardType = data.get("card_type");
            draft.fields(data);
            draft.sourceCardId = sourceCardId;
            draft.createdAt = Instant.now();
            draft.updatedAt = draft.createdAt;
            draft.persist();
            audit.record(tenantId, AuditAction.CARD_DRAFT_CREATED, "draft " + draft.id,
                    "type=" + draft.cardType + (sourceCardId == null ? "" : " similar-to=" + sourceCardId));
            return draft;
        });
    }

    public void discard(long draftId) {
        currentTenant.require(Role.OPERATOR);
        long tenantId = currentTenant.id();
        QuarkusTransaction.requiringNew().run(() -> {
            CardDraft draft = CardDraft.locked(tenantId, draftId).orElseThrow(NotFoundException::new);
            if (draft.state == CardDraft.State.SUBMITTING) {
                // Its card may exist in WeChat: keep the intent until it is reconciled.
                throw new WizardRefused(WizardStep.REVIEW, Map.of(), msg().stillUncertain());
            }
            draft.delete();
            audit.record(tenantId, AuditAction.CARD_DRAFT_DELETED, "draft " + draftId, "type=" + draft.cardType);
        });
    }

    /**
     * Saves what a step posted (pictures are uploaded to WeChat first), even when invalid, so that nothing typed is
     * lost; then refuses with the step's errors when {@code check} is set.
     *
     * @return the step to show next
     */
    public WizardStep save(long draftId, WizardStep step, Map<String, String> posted, List<Upload> uploads,
            boolean check) {
        currentTenant.require(Role.OPERATOR);
        long tenantId = currentTenant.id();
        CardDraft current = draft(draftId);
        if (current.state == CardDraft.State.DONE) {
            throw new WizardRefused(WizardStep.REVIEW, Map.of(), msg().alreadyDone());
        }
        if (current.state == CardDraft.State.SUBMITTING) {
            // What was sent may be a card in WeChat already: the draft must stay the intent until reconciled.
            throw new WizardRefused(WizardStep.REVIEW, Map.of(), msg().stillUncertain());
        }
        String type = step == WizardStep.TYPE ? posted.getOrDefault("card_type", "") : current.cardType;
        Map<String, String> changes = new LinkedHashMap<>();
        for (String field : CardForm.fieldsOf(step, CardForm.creatable(type) ? type : current.cardType)) {
            if (field.endsWith("_url") && isPicture(field)) {
                continue; // pictures change only through an upload
            }
            String value = posted.get(field);
            if (CardForm.isBoolean(field)) {
                changes.put(field, value != null && !value.isBlank() && !"false".equals(value) ? "true" : "");
            } else if (value != null || step != WizardStep.TYPE) {
                changes.put(field, value == null ? "" : normalised(value));
            }
        }
        Map<String, String> uploadErrors = new LinkedHashMap<>();
        for (Upload upload : uploads) {
            String target = upload.field() + "_url";
            if (!isPicture(target) || upload.content() == null || upload.content().length == 0) {
                continue;
            }
            String problem = checkImage(upload);
            if (problem != null) {
                uploadErrors.put(target, problem);
                continue;
            }
            try {
                changes.put(target, gateway.forTenant(tenantId).uploadImage(upload.filename(), upload.content(),
                        upload.contentType()));
            } catch (WeChatException e) {
                uploadErrors.put(target, msg().errUpload(WeChatErrors.message(wechatMsg(), e)));
            }
        }
        if (posted.containsKey("remove_" + "abstract_icon")) {
            changes.put("abstract_icon_url", "");
        }
        Map<String, String> data = QuarkusTransaction.requiringNew().call(() -> {
            CardDraft draft = CardDraft.locked(tenantId, draftId).orElseThrow(NotFoundException::new);
            Map<String, String> fields = draft.fields();
            fields.putAll(changes);
            if (step == WizardStep.TYPE && CardForm.creatable(type)) {
                draft.cardType = type;
            }
            draft.fields(fields);
            if (check && WizardStep.of(draft.step).orElse(WizardStep.FACE).ordinal() < step.next().ordinal()) {
                draft.step = step.next().slug();
            }
            draft.updatedAt = Instant.now();
            return fields;
        });
        if (check || !uploadErrors.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>(uploadErrors);
            if (check) {
                CardForm.validate(step, data, msg(), today()).forEach(errors::putIfAbsent);
            }
            if (!errors.isEmpty()) {
                throw new WizardRefused(step, errors, msg().fixFirst());
            }
        }
        return step.next();
    }

    /** Browsers send a textarea's line breaks as CRLF: stored as LF, so that byte limits count what WeChat gets. */
    static String normalised(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static boolean isPicture(String field) {
        return field.equals("logo_url") || field.equals("abstract_icon_url")
                || field.matches("ti[0-9]+_image_url");
    }

    /** JPG or PNG by their first bytes, at most 1 MB ({@link CardImages}); the refusal in words, or null. */
    String checkImage(Upload upload) {
        CardImages.Problem problem = CardImages.problem(upload.content());
        if (problem == null) {
            return null;
        }
        return problem == CardImages.Problem.TOO_LARGE ? msg().errImageSize() : msg().errImageType();
    }

    // What the pages show

    /** WeChat's palette changes rarely (never, so far): asked once an hour per tenant, not on every page. */
    private record Palette(List<WeChatCards.Color> colors, Instant readAt) {
    }

    private final Map<Long, Palette> palettes = new ConcurrentHashMap<>();

    public List<WeChatCards.Color> colors() {
        long tenantId = currentTenant.id();
        Palette known = palettes.get(tenantId);
        if (known != null && known.readAt().isAfter(Instant.now().minusSeconds(3600))) {
            return known.colors();
        }
        try {
            List<WeChatCards.Color> colors = gateway.forTenant(tenantId).cardColors();
            if (!colors.isEmpty()) {
                palettes.put(tenantId, new Palette(colors, Instant.now()));
                return colors;
            }
        } catch (WeChatException e) {
            Log.debugf("Card colours of tenant %d not read: %s", currentTenant.id(), e.getMessage());
        }
        return CardVocabulary.PALETTE.entrySet().stream().map(c -> new WeChatCards.Color(c.getKey(), c.getValue()))
                .toList();
    }

    /** The card/create body this draft makes, pretty, or null while a step is invalid. */
    public String bodyOf(Map<String, String> data) {
        if (!CardForm.validateAll(data, msg(), today()).isEmpty()) {
            return null;
        }
        try {
            return PRETTY.writeValueAsString(CardSubmission.request(CardForm.card(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> problems(Map<String, String> data) {
        return CardForm.validateAll(data, msg(), today());
    }

    // Create a similar card

    public CardDraft similar(String cardId) {
        currentTenant.require(Role.OPERATOR);
        long tenantId = currentTenant.id();
        Card card = QuarkusTransaction.requiringNew().call(() -> Card.of(tenantId, cardId == null ? "" : cardId)
                .orElseThrow(NotFoundException::new));
        JsonNode source;
        try {
            // What WeChat holds now (after updates and reviews), not the JSON first sent.
            source = gateway.forTenant(tenantId).cardGet(card.cardId).card();
        } catch (WeChatException e) {
            Log.debugf("card/get of %s failed (%s); a similar card starts from the stored copy", card.cardId,
                    e.getMessage());
            source = storedCopy(card);
        }
        Map<String, String> data = CardDrafts.fromCard(source, card.cardType);
        if (!CardForm.creatable(data.get("card_type"))) {
            throw new NotFoundException(); // not a type the wizard makes (member cards…)
        }
        return create(data, cardId);
    }

    /** The mirror's last card/get answer, else the JSON sent at creation. */
    private static JsonNode storedCopy(Card card) {
        try {
            return card.detailJson != null ? JSON.readTree(card.detailJson)
                    : card.sentJson != null ? JSON.readTree(card.sentJson).path("card") : JSON.createObjectNode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // Plumbing

    static LocalDate today() {
        return WeChatTime.today();
    }

    WizardMsg msg() {
        return i18n.bundle(WizardMsg.class);
    }

    private WeChatMsg wechatMsg() {
        return i18n.bundle(WeChatMsg.class);
    }
}
