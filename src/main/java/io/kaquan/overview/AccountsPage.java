package io.kaquan.overview;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.kaquan.account.CurrentUser;
import io.kaquan.jobs.SyncService;
import io.kaquan.web.ActionRefused;
import io.kaquan.web.BoundedInput;
import io.kaquan.web.Flash;
import io.kaquan.web.FormFlow;
import io.kaquan.web.I18n;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** All of a user's accounts on one page ({@code /accounts}), and "sync now" for a selection of them. */
@Path("/accounts")
public class AccountsPage {

    /** More than any agency selects on one page; a bigger list is refused before anything is read. */
    private static final int MAX_SELECTED = 1000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance accounts(AccountsOverview.View view, List<AccountsOverview.Sort> sorts);
    }

    @Inject
    AccountsOverview overview;

    @Inject
    SyncService sync;

    @Inject
    CurrentUser currentUser;

    @Inject
    FormFlow forms;

    @Inject
    Flash flash;

    @Inject
    I18n i18n;

    @GET
    public TemplateInstance accounts(@RestQuery String q, @RestQuery String tag, @RestQuery String sort,
            @RestQuery String page) {
        AccountsOverview.Query query = new AccountsOverview.Query(bounded(q), bounded(tag),
                AccountsOverview.Sort.parse(sort), pageNumber(page));
        return Templates.accounts(overview.view(currentUser.id(), query), List.of(AccountsOverview.Sort.values()));
    }

    @POST
    @Path("sync")
    public RestResponse<Void> syncNow(@RestForm("tenant") List<String> tenant, @RestForm String back) {
        String to = BoundedInput.backPath(back, "/accounts");
        Set<Long> wanted = ids(tenant);
        // Someone else's account in the selection: as anywhere else, it does not exist for this user.
        if (overview.mine(currentUser.id(), wanted).size() != wanted.size()) {
            throw new NotFoundException();
        }
        return forms.submit(to, () -> {
            AccountsMsg msg = i18n.bundle(AccountsMsg.class);
            if (wanted.isEmpty()) {
                throw new ActionRefused(msg.noneSelected());
            }
            List<Long> allowed = overview.syncable(currentUser.id(), wanted);
            if (allowed.size() != wanted.size()) {
                throw new ActionRefused(msg.viewerCannotSync(wanted.size() - allowed.size()));
            }
            flash.success(msg.syncQueued(sync.queueNow(allowed)));
            return to;
        });
    }

    private static Set<Long> ids(List<String> values) {
        if (values != null && values.size() > MAX_SELECTED) {
            throw new BadRequestException();
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : values == null ? List.<String> of() : values) {
            try {
                ids.add(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw new NotFoundException(); // not an account id: no such account
            }
        }
        return ids;
    }

    private static String bounded(String text) {
        return text == null ? "" : text.length() > 64 ? text.substring(0, 64) : text;
    }

    private static int pageNumber(String page) {
        try {
            return page == null || page.isBlank() ? 1 : Math.max(1, Math.min(100_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
