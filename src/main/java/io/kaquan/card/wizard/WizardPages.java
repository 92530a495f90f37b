package io.kaquan.card.wizard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import io.kaquan.card.CardImages;
import io.kaquan.card.TenantStores;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.Flash;
import io.kaquan.web.FormErrors;
import io.kaquan.web.I18n;
import io.kaquan.web.Pages;
import io.kaquan.wechat.CardType;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The card creation wizard: pick a type, then one page per step, each a plain form (multipart, for the pictures)
 * that saves the draft and redirects (Post/Redirect/Get); the review step shows the preview and the exact JSON, and
 * submits. Works without JavaScript; /static/wizard.js adds counters and a live preview.
 */
@Path("/t/{tenant}/cards/new")
public class WizardPages {

    private static final Pattern PICTURES = Pattern.compile("logo|abstract_icon|ti[0-9]+_image");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(long tenantId, List<CardDraft> drafts, List<CardType> types);

        static native TemplateInstance step(StepView view);
    }

    @Inject
    WizardService wizard;

    @Inject
    TenantStores tenantStores;

    @Inject
    CardSubmission submission;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @GET
    public TemplateInstance start() {
        List<CardDraft> drafts = wizard.openDrafts();
        return Templates.start(currentTenant.id(), drafts, CardType.CREATABLE);
    }

    @POST
    public RestResponse<Void> create(@RestForm("card_type") String type) {
        return refusedTo(null, () -> {
            CardDraft draft = wizard.start(type);
            return stepPath(draft.id, WizardStep.FACE);
        });
    }

    @POST
    @Path("similar")
    public RestResponse<Void> similar(@RestForm String cardId) {
        CardDraft draft = wizard.similar(cardId);
        flash.success(msg().similarCreated(cardId));
        return Pages.seeOther(stepPath(draft.id, WizardStep.REVIEW));
    }

    @GET
    @Path("{draftId:[0-9]+}")
    public RestResponse<Void> resume(@RestPath long draftId) {
        CardDraft draft = wizard.draft(draftId);
        return Pages.seeOther(stepPath(draftId, WizardStep.of(draft.step).orElse(WizardStep.FACE)));
    }

    @GET
    @Path("{draftId:[0-9]+}/{step}")
    public TemplateInstance step(@RestPath long draftId, @RestPath String step, @RestQuery String q) {
        WizardStep current = WizardStep.of(step).orElseThrow(NotFoundException::new);
        CardDraft draft = wizard.draft(draftId);
        StepView view = new StepView(currentTenant.id(), draft, current, msg());
        switch (current) {
            case FACE -> view.colors = wizard.colors();
            case STORES -> {
                TenantStores.Stores stores = tenantStores.stores(q);
                view.stores = stores.stores();
                view.storesProblem = stores.problem();
                view.query = q == null ? "" : q;
            }
            case REVIEW -> {
                view.colors = wizard.colors();
                view.problems = wizard.problems(view.values);
                view.body = wizard.bodyOf(view.values);
                view.digest = view.body == null ? null : CardSubmission.digest(view.body);
            }
            default -> {
            }
        }
        return Templates.step(view);
    }

    @POST
    @Path("{draftId:[0-9]+}/{step}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestResponse<Void> saveMultipart(@RestPath long draftId, @RestPath String step,
            MultipartFormDataInput input) {
        Map<String, String> posted = new LinkedHashMap<>();
        List<WizardService.Upload> uploads = new ArrayList<>();
        for (Map.Entry<String, Collection<FormValue>> entry : input.getValues().entrySet()) {
            for (FormValue value : entry.getValue()) {
                if (value.isFileItem() && !PICTURES.matcher(entry.getKey()).matches()) {
                    // Some clients send every part with a file name; only pictures are files here.
                    posted.merge(entry.getKey(), new String(read(value), StandardCharsets.UTF_8),
                            (a, b) -> a + "," + b);
                } else if (value.isFileItem()) {
                    if (value.getFileName() != null && !value.getFileName().isBlank()) {
                        uploads.add(new WizardService.Upload(entry.getKey(), value.getFileName(),
                                value.getHeaders().getFirst("Content-Type"), read(value)));
                    }
                } else {
                    posted.merge(entry.getKey(), value.getValue(), (a, b) -> a + "," + b);
                }
            }
        }
        return save(draftId, step, posted, uploads);
    }

    @POST
    @Path("{draftId:[0-9]+}/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public RestResponse<Void> saveForm(@RestPath long draftId, @RestPath String step,
            MultivaluedMap<String, String> form) {
        Map<String, String> posted = new LinkedHashMap<>();
        form.forEach((name, values) -> posted.put(name, String.join(",", values)));
        return save(draftId, step, posted, List.of());
    }

    private RestResponse<Void> save(long draftId, String step, Map<String, String> posted,
            List<WizardService.Upload> uploads) {
        WizardStep current = WizardStep.of(step).filter(s -> s != WizardStep.REVIEW)
                .orElseThrow(NotFoundException::new);
        boolean back = "back".equals(posted.get("go"));
        // Stores picked from the list and typed ids are one field.
        if (current == WizardStep.STORES) {
            String picked = posted.getOrDefault("poi", "");
            String typed = posted.getOrDefault("location_ids", "");
            posted.put("location_ids", String.join(",", CardForm.locationIds(picked + "," + typed)));
        }
        return refusedTo(draftId, () -> {
            WizardStep next = wizard.save(draftId, current, posted, uploads, !back);
            return stepPath(draftId, back ? current.previous() : next);
        });
    }

    @POST
    @Path("{draftId:[0-9]+}/submit")
    public RestResponse<Void> submit(@RestPath long draftId, @RestForm String digest) {
        return refusedTo(draftId, () -> {
            CardSubmission.Submitted submitted = submission.submit(draftId, digest);
            flash.success(switch (submitted.outcome()) {
                case CREATED -> msg().created();
                case RECONCILED -> msg().reconciled();
                case ALREADY_DONE -> msg().alreadyDone();
            });
            return "/t/" + currentTenant.id() + "/cards/" + submitted.cardId();
        });
    }

    @POST
    @Path("{draftId:[0-9]+}/delete")
    public RestResponse<Void> discard(@RestPath long draftId) {
        return refusedTo(draftId, () -> {
            wizard.discard(draftId);
            flash.success(msg().discarded());
            return startPath();
        });
    }

    /** Post/Redirect/Get: on a refusal, back to the draft's step it names (or the start) with the errors in the flash. */
    private RestResponse<Void> refusedTo(Long draftId, Supplier<String> action) {
        try {
            return Pages.seeOther(action.get());
        } catch (WizardRefused e) {
            FormErrors errors = new FormErrors();
            e.errors().forEach(errors::add);
            flash.formFailed(e.getMessage(), errors, Map.of());
            return Pages.seeOther(draftId == null ? startPath() : stepPath(draftId, e.step()));
        }
    }

    private static byte[] read(FormValue value) {
        // At most a byte more than a picture may have: enough to tell that it is too large.
        try (InputStream in = value.getFileItem().getInputStream()) {
            return in.readNBytes(CardImages.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String startPath() {
        return "/t/" + currentTenant.id() + "/cards/new";
    }

    private String stepPath(long draftId, WizardStep step) {
        return startPath() + "/" + draftId + "/" + step.slug();
    }

    private WizardMsg msg() {
        return i18n.bundle(WizardMsg.class);
    }
}
