package io.kaquan.card;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.kaquan.card.wizard.CardForm;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.BoundedInput;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.CardType;
import io.kaquan.wechat.CardVocabulary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The card list and the card page with its actions. Everyone in the tenant reads; operators and owners act (the
 * service checks). The creation wizard lives under /cards/new (its own, more literal resource path).
 */
@Path("/t/{tenant}/cards")
public class CardPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(CardList.Page page, CardList.Filter filter, List<CardStatus> statuses,
                List<CardType> types, List<CardList.Sort> sorts);

        static native TemplateInstance detail(CardPage page);

        static native TemplateInstance live(CardLive live, boolean poll);

        static native TemplateInstance liveRows(List<CardLive> cards);

        static native TemplateInstance edit(Card card, CardView view, Map<String, String> palette,
                List<String> codeTypes, StorePicker storePicker);
    }

    /** The types the list filters by (every type but "other"). */
    static final List<CardType> TYPES = List.of(CardType.GROUPON, CardType.CASH, CardType.DISCOUNT, CardType.GIFT,
            CardType.GENERAL_COUPON, CardType.MEMBER_CARD);

    @Inject
    CardLookup lookup;

    @Inject
    CardRefresh refresh;

    @Inject
    CardStockCheck stockCheck;

    @Inject
    CardUpdate update;

    @Inject
    TenantStores tenantStores;

    @Inject
    CardLogoUpload logoUpload;

    @Inject
    StockChangeRequest stockChange;

    @Inject
    StockSettlement settlement;

    @Inject
    CardDeletion deletion;

    @Inject
    CardCells cells;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @GET
    public TemplateInstance list(@RestQuery String status, @RestQuery String type, @RestQuery String q,
            @RestQuery String sort, @RestQuery Integer page, @RestQuery String after, @RestQuery String before) {
        CardList.Filter filter = CardList.Filter.of(status, type, q, sort, page, after, before);
        return Templates.list(lookup.list(filter), filter, List.of(CardStatus.values()), TYPES,
                List.of(CardList.Sort.values()));
    }

    /** The list's poll: the statuses and stock of the listed cards, swapped into their rows (htmx out-of-band). */
    @GET
    @Path("live")
    public TemplateInstance liveRows(@RestQuery List<String> id) {
        List<String> ids = id == null ? List.of() : id;
        if (ids.size() > CardLookup.LIVE_MAX) {
            throw new BadRequestException();
        }
        return Templates.liveRows(lookup.live(ids));
    }

    @GET
    @Path("{cardId}")
    public TemplateInstance detail(@RestPath String cardId) {
        stockCheck.checkIfStale(cardId);
        return Templates.detail(lookup.page(cardId));
    }

    /**
     * The card page's poll: status, refusal and stock, replacing the block it came from, and the same figures
     * further down the page (htmx out-of-band), so that the page never shows two statuses.
     */
    @GET
    @Path("{cardId}/live")
    public TemplateInstance live(@RestPath String cardId) {
        return Templates.live(lookup.live(cardId), true);
    }

    @GET
    @Path("{cardId}/edit")
    public TemplateInstance edit(@RestPath String cardId) {
        Card card = update.editable(cardId);
        CardView view = new CardView(card, msg());
        return Templates.edit(card, view, CardVocabulary.PALETTE, CardView.CODE_TYPES,
                StorePicker.of(tenantStores.stores(""), flash.value("location_id_list", view.locationText())));
    }

    @POST
    @Path("{cardId}/logo")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestResponse<Void> uploadLogo(@RestPath String cardId, @RestForm("logo") FileUpload logo) {
        String edit = path(cardId) + "/edit";
        return forms.submit(edit, () -> {
            String url = logoUpload.upload(cardId, logo == null ? null : logo.fileName(),
                    logo == null ? null : logo.contentType(), read(logo));
            flash.fill(Map.of("logo_url", url));
            flash.success(msg().logoUploaded());
            return edit;
        });
    }

    /** At most a byte more than a picture may have: enough to tell that it is too large. */
    private static byte[] read(FileUpload upload) {
        if (upload == null || upload.uploadedFile() == null) {
            return new byte[0];
        }
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(upload.uploadedFile())) {
            return in.readNBytes(CardImages.MAX_BYTES + 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @POST
    @Path("{cardId}/refresh")
    public RestResponse<Void> refresh(@RestPath String cardId, @RestForm String back) {
        String safeBack = BoundedInput.backPath(back, path(cardId));
        String target = safeBack.startsWith(list() + "?") || list().equals(safeBack) ? safeBack : path(cardId);
        return forms.submit(target, () -> {
            Card card = refresh.refresh(cardId);
            flash.success(msg().refreshed(card.title, i18n.bundle(CardMsg.class).status(card.status)));
            return target;
        });
    }

    @POST
    @Path("{cardId}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public RestResponse<Void> update(@RestPath String cardId, MultivaluedMap<String, String> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((name, list) -> values.put(name, list.isEmpty() ? "" : list.get(list.size() - 1)));
        // Stores ticked in the picker and ids typed beside it are one field.
        List<String> picked = form.getOrDefault("poi", List.of());
        String typed = values.remove("location_id_other");
        values.remove("poi");
        if (!picked.isEmpty() || typed != null) {
            values.put("location_id_list",
                    String.join(",", CardForm.locationIds(String.join(",", picked) + "," + (typed == null ? "" : typed))));
        }
        return forms.submit(path(cardId) + "/edit", () -> {
            CardOutcome outcome = update.update(cardId, values);
            show(outcome);
            return outcome.ok() ? path(cardId) : path(cardId) + "/edit";
        });
    }

    @POST
    @Path("{cardId}/stock")
    public RestResponse<Void> stock(@RestPath String cardId, @RestForm String direction, @RestForm String amount,
            @RestForm String reason) {
        return forms.submit(path(cardId) + "#stock", () -> {
            show(stockChange.changeStock(cardId, direction, amount, reason));
            return path(cardId) + "#stock";
        });
    }

    @POST
    @Path("{cardId}/stock/{operationId}/reconcile")
    public RestResponse<Void> reconcile(@RestPath String cardId, @RestPath String operationId) {
        return forms.submit(path(cardId) + "#stock", () -> {
            show(settlement.reconcile(cardId, operationId));
            return path(cardId) + "#stock";
        });
    }

    @POST
    @Path("{cardId}/stock/{operationId}/settle")
    public RestResponse<Void> settle(@RestPath String cardId, @RestPath String operationId, @RestForm String decision,
            @RestForm String note) {
        return forms.submit(path(cardId) + "#stock", () -> {
            show(settlement.settleByHand(cardId, operationId, decision, note));
            return path(cardId) + "#stock";
        });
    }

    @POST
    @Path("{cardId}/delete")
    public RestResponse<Void> delete(@RestPath String cardId, @RestForm String confirm) {
        return forms.submit(path(cardId) + "#delete", () -> {
            flash.success(msg().deleted(deletion.delete(cardId, confirm)));
            return path(cardId);
        });
    }

    @POST
    @Path("{cardId}/paycell")
    public RestResponse<Void> payCell(@RestPath String cardId, @RestForm String open) {
        return forms.submit(path(cardId) + "#cells", () -> {
            flash.success(cells.payCell(cardId, "true".equals(open)));
            return path(cardId) + "#cells";
        });
    }

    @POST
    @Path("{cardId}/selfconsumecell")
    public RestResponse<Void> selfConsumeCell(@RestPath String cardId, @RestForm String open,
            @RestForm String needVerifyCod, @RestForm String needRemarkAmount) {
        return forms.submit(path(cardId) + "#cells", () -> {
            flash.success(cells.selfConsumeCell(cardId, "true".equals(open), "true".equals(needVerifyCod),
                    "true".equals(needRemarkAmount)));
            return path(cardId) + "#cells";
        });
    }

    private void show(CardOutcome outcome) {
        if (outcome.ok()) {
            flash.success(outcome.message());
        } else {
            flash.error(outcome.message());
        }
    }

    private String list() {
        return "/t/" + currentTenant.id() + "/cards";
    }

    private String path(String cardId) {
        return list() + "/" + java.net.URLEncoder.encode(cardId, java.nio.charset.StandardCharsets.UTF_8);
    }

    private CardPagesMsg msg() {
        return i18n.bundle(CardPagesMsg.class);
    }
}
