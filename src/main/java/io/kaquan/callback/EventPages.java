package io.kaquan.callback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The event log of a tenant: any member reads it, OPERATOR or above replays failed events. */
@Path("/t/{tenant}/events")
public class EventPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance events(EventLog.Page page, EventLog.Filter filter, List<String> types,
                List<WeChatEvent.Status> statuses, String nextQuery, EventLog.ViewCounts counts,
                Map<String, String> errors);

        static native TemplateInstance event(WeChatEvent event, List<EventTexts.FieldRow> fields);

        static native TemplateInstance cardEvents(String card, List<WeChatEvent> events, boolean more);
    }

    @Inject
    EventLog log;

    @Inject
    EventProcessor processor;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @GET
    public RestResponse<TemplateInstance> events(@RestQuery String type, @RestQuery String card,
            @RestQuery String code, @RestQuery String status, @RestQuery String from, @RestQuery String to,
            @RestQuery Long before) {
        EventLog.Filter filter = new EventLog.Filter(type, card, code, status, from, to, before);
        Map<String, String> errors = log.errors(filter);
        if (!errors.isEmpty()) {
            TemplateInstance page = Templates.events(new EventLog.Page(List.of(), null), filter, log.eventTypes(),
                    List.of(WeChatEvent.Status.values()), null, null, errors);
            return RestResponse.status(RestResponse.Status.BAD_REQUEST, page);
        }
        EventLog.Page page = log.page(filter);
        String nextQuery = page.nextBefore() == null ? null : nextQuery(filter, page.nextBefore());
        return RestResponse.ok(Templates.events(page, filter, log.eventTypes(), List.of(WeChatEvent.Status.values()),
                nextQuery, log.viewCounts(filter), errors));
    }

    /** The latest events of one card, without the layout: the card page loads it (htmx). Any member reads. */
    @GET
    @Path("fragment")
    public RestResponse<TemplateInstance> cardEvents(@RestQuery String card) {
        if (card == null || card.isBlank() || card.strip().length() > 64) {
            return RestResponse.status(RestResponse.Status.BAD_REQUEST);
        }
        String cardId = card.strip();
        EventLog.Page page = log.page(new EventLog.Filter(null, cardId, null, null, null, null, null));
        return RestResponse.ok(Templates.cardEvents(cardId, page.events(), page.nextBefore() != null));
    }

    @GET
    @Path("{id}")
    public TemplateInstance event(@RestPath Long id) {
        WeChatEvent event = log.event(id);
        return Templates.event(event, EventTexts.fields(event, i18n.bundle(CallbackMsg.class)));
    }

    @POST
    @Path("{id}/replay")
    public RestResponse<Void> replay(@RestPath Long id) {
        String eventPath = "/t/" + currentTenant.id() + "/events/" + id;
        return forms.submit(eventPath, () -> {
            log.replay(id);
            processor.wakeUp();
            flash.success(i18n.bundle(CallbackMsg.class).replayed(id));
            return eventPath;
        });
    }

    private static String nextQuery(EventLog.Filter filter, Long before) {
        StringBuilder query = new StringBuilder("?before=").append(before);
        append(query, "type", filter.typeValue());
        append(query, "card", filter.cardValue());
        append(query, "code", filter.codeValue());
        append(query, "status", filter.statusValue());
        append(query, "from", filter.fromValue());
        append(query, "to", filter.toValue());
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!value.isEmpty()) {
            query.append('&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
