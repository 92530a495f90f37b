package io.kaquan.tenant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.kaquan.account.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The account switcher's search: a user with many accounts finds one by name, AppID or original id and lands in the
 * section they were in (from /t/A/cards to /t/B/cards). Without JavaScript the layout's search form opens the result
 * page; with it, htmx swaps the menu's list as they type. Only the user's own accounts are ever searched.
 */
@Path("/switch")
@Transactional(Transactional.TxType.SUPPORTS)
public class SwitcherPages {

    /** Accounts listed in the layout's menu before the search is needed. */
    static final int MENU_SIZE = 20;
    /** Accounts listed on the result page. */
    static final int PAGE_SIZE = 100;

    private static final Pattern SECTION = Pattern
            .compile("/(?:cards|counter|codes|stats|events|sync|settings|members|audit)");

    /**
     * Accounts found, the section their links open, and how many matched in all.
     *
     * @param section "" (the overview) or a section every account has, e.g. "/cards"
     */
    public record Found(List<Tenant> tenants, long total, String text, String section) {

        static final Found NONE = new Found(List.of(), 0, "", "");

        /** The result page of this search, for the matches the menu does not list. */
        public String pageLink() {
            return "/switch?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&section="
                    + URLEncoder.encode(section, StandardCharsets.UTF_8);
        }

        /** The same accounts, their links opening the given section of each. */
        public Found inSection(String section) {
            return new Found(tenants, total, text, SwitcherPages.section(section));
        }

        /** Matches not listed (the menu shows the first ones). */
        public long more() {
            return total - tenants.size();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance switcher(Found found);

        static native TemplateInstance list(Found found);
    }

    @Inject
    CurrentUser currentUser;

    /** The result page (the search form without JavaScript). */
    @GET
    public TemplateInstance search(@RestQuery String q, @RestQuery String section) {
        return Templates.switcher(found(q, section, PAGE_SIZE));
    }

    /** The menu's list for htmx, as the user types. */
    @GET
    @Path("list")
    public TemplateInstance list(@RestQuery String q, @RestQuery String section) {
        return Templates.list(found(q, section, MENU_SIZE));
    }

    private Found found(String text, String section, int limit) {
        // Names are at most 64 characters: a longer text finds nothing anyway.
        Found found = find(currentUser.id(), text == null || text.length() <= 64 ? text : text.substring(0, 64), limit);
        return new Found(found.tenants(), found.total(), found.text(), section(section));
    }

    static Found find(Long userId, String text, int limit) {
        String plain = text == null ? "" : text.strip();
        List<Tenant> tenants = Tenant.ofMemberMatching(userId, plain, limit);
        // Fewer than asked for: they are every match, so no count query (every page's layout asks for this list).
        long total = tenants.size() < limit ? tenants.size() : Tenant.countOfMemberMatching(userId, plain);
        return new Found(tenants, total, plain, "");
    }

    /** Only a section every account has; anything else opens the overview. */
    static String section(String value) {
        return value != null && SECTION.matcher(value).matches() ? value : "";
    }
}
