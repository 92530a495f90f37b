package io.kaquan.callback;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.kaquan.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/** Platform admins see the pushes that reached no tenant (403 for everyone else). */
@Path("/admin/unroutable")
public class UnroutablePages {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unroutable(List<UnroutableEvent> events, Long nextBefore);
    }

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance unroutable(@RestQuery Long before) {
        if (!currentUser.isPlatformAdmin()) {
            throw new ForbiddenException();
        }
        List<UnroutableEvent> events = new ArrayList<>(UnroutableEvent.page(before, PAGE_SIZE + 1));
        Long nextBefore = null;
        if (events.size() > PAGE_SIZE) {
            events = events.subList(0, PAGE_SIZE);
            nextBefore = events.get(PAGE_SIZE - 1).id;
        }
        return Templates.unroutable(events, nextBefore);
    }
}
