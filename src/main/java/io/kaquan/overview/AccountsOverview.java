package io.kaquan.overview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.account.Role;
import io.kaquan.card.CardAttention;
import io.kaquan.code.CodeActivity;
import io.kaquan.jobs.SyncService;
import io.kaquan.tenant.Tenant;
import io.kaquan.tenant.TenantService;
import io.kaquan.tenant.TenantTags;

/**
 * All the accounts of a user at a glance (an agency runs dozens to a thousand): per account what needs a look — cards
 * waiting for review or refused, low stock, today's receipts and redemptions, failing sync or credentials — searchable,
 * grouped by tags, sortable, a page at a time. A fixed number of grouped reads whatever the number of accounts.
 */
@ApplicationScoped
public class AccountsOverview {

    public static final int PAGE_SIZE = 50;

    /** How the accounts are ordered. */
    public enum Sort {
        /** Trouble first, then the most cards needing a look, then by name. */
        ATTENTION,
        NAME,
        RECEIVED,
        CONSUMED;

        /** The sort named in a query string; anything else is the default. */
        public static Sort parse(String value) {
            for (Sort sort : values()) {
                if (sort.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                    return sort;
                }
            }
            return ATTENTION;
        }
    }

    /** What the user asked for: search text, one tag, the order, the page (from 1). */
    public record Query(String text, String tag, Sort sort, int page) {

        public Query {
            text = text == null ? "" : text.strip();
            tag = tag == null ? "" : tag.strip();
            sort = sort == null ? Sort.ATTENTION : sort;
            page = Math.max(1, page);
        }
    }

    /** One account's line. */
    public record Row(Tenant tenant, Role role, List<String> tags, CardAttention.Counts cards, CodeActivity.Day today,
            SyncService.Trouble trouble) {

        public boolean canSync() {
            return role.includes(Role.OPERATOR);
        }

        public boolean troubled() {
            return trouble != null;
        }

        public String tagText() {
            return String.join("、", tags);
        }
    }

    /** The sums over every account that matched, not only the page shown. */
    public record Totals(long inReview, long refused, long lowStock, long received, long consumed, int troubled) {
    }

    /**
     * @param total accounts of the user; {@code matching} of them match the query
     * @param tags every tag in use on the user's accounts, for the filter
     */
    public record View(Query query, List<Row> rows, int total, int matching, int pages, Totals totals,
            List<String> tags, int lowStockPercent) {

        public boolean hasPrevious() {
            return query.page() > 1;
        }

        public boolean hasNext() {
            return query.page() < pages;
        }

        public boolean anySyncable() {
            return rows.stream().anyMatch(Row::canSync);
        }
    }

    @Inject
    TenantService tenants;

    @Inject
    TenantTags tenantTags;

    @Inject
    CardAttention cardAttention;

    @Inject
    CodeActivity codeActivity;

    @Inject
    SyncService sync;

    @Inject
    OverviewConfig config;

    public View view(long userId, Query query) {
        List<TenantService.Summary> mine = tenants.tenantsOf(userId);
        List<Long> ids = mine.stream().map(s -> s.tenant().id).toList();
        Map<Long, List<String>> tags = tenantTags.of(ids);
        List<TenantService.Summary> matching = mine.stream().filter(s -> matches(s.tenant(),
                tags.getOrDefault(s.tenant().id, List.of()), query)).toList();
        Collection<Long> matchingIds = matching.stream().map(s -> s.tenant().id).toList();
        int lowStockPercent = config.lowStockPercent();
        Map<Long, CardAttention.Counts> cards = cardAttention.countsByTenant(matchingIds, lowStockPercent);
        Map<Long, CodeActivity.Day> today = codeActivity.todayByTenant(matchingIds);
        Map<Long, SyncService.Trouble> trouble = sync.troubleByTenant(matchingIds);
        CodeActivity.Day none = new CodeActivity.Day(null, 0, 0);
        List<Row> rows = new ArrayList<>(matching.size());
        for (TenantService.Summary s : matching) {
            long id = s.tenant().id;
            rows.add(new Row(s.tenant(), s.role(), tags.getOrDefault(id, List.of()),
                    cards.getOrDefault(id, CardAttention.Counts.NONE), today.getOrDefault(id, none), trouble.get(id)));
        }
        rows.sort(order(query.sort()));
        int pages = Math.max(1, (rows.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        Query shown = new Query(query.text(), query.tag(), query.sort(), Math.min(query.page(), pages));
        int from = (shown.page() - 1) * PAGE_SIZE;
        List<Row> page = rows.subList(from, Math.min(rows.size(), from + PAGE_SIZE));
        TreeSet<String> allTags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        tags.values().forEach(allTags::addAll);
        return new View(shown, List.copyOf(page), mine.size(), rows.size(), pages, totals(rows), List.copyOf(allTags),
                lowStockPercent);
    }

    /** The accounts of the user, among those given, where the user may start a sync (operator or owner). */
    public List<Long> syncable(long userId, Collection<Long> wanted) {
        return tenants.tenantsOf(userId).stream()
                .filter(s -> wanted.contains(s.tenant().id) && s.role().includes(Role.OPERATOR))
                .map(s -> s.tenant().id).toList();
    }

    /** The accounts of the user among those given (any role). */
    public List<Long> mine(long userId, Collection<Long> wanted) {
        return tenants.tenantsOf(userId).stream().map(s -> s.tenant().id).filter(wanted::contains).toList();
    }

    static boolean matches(Tenant tenant, List<String> tags, Query query) {
        if (!query.tag().isEmpty() && tags.stream().noneMatch(t -> t.equalsIgnoreCase(query.tag()))) {
            return false;
        }
        if (query.text().isEmpty()) {
            return true;
        }
        String text = query.text().toLowerCase(Locale.ROOT);
        return contains(tenant.displayName, text) || contains(tenant.appid, text) || contains(tenant.originalId, text)
                || tags.stream().anyMatch(t -> contains(t, text));
    }

    private static boolean contains(String value, String lowerText) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerText);
    }

    private static Comparator<Row> order(Sort sort) {
        Comparator<Row> byName = Comparator.comparing((Row r) -> r.tenant().displayName.toLowerCase(Locale.ROOT))
                .thenComparing(r -> r.tenant().id);
        return switch (sort) {
            case NAME -> byName;
            case RECEIVED -> Comparator.comparingLong((Row r) -> -r.today().received()).thenComparing(byName);
            case CONSUMED -> Comparator.comparingLong((Row r) -> -r.today().consumed()).thenComparing(byName);
            case ATTENTION -> Comparator.comparing((Row r) -> !r.troubled())
                    .thenComparingLong(r -> -r.cards().total()).thenComparing(byName);
        };
    }

    private static Totals totals(List<Row> rows) {
        long inReview = 0, refused = 0, lowStock = 0, received = 0, consumed = 0;
        int troubled = 0;
        for (Row r : rows) {
            inReview += r.cards().inReview();
            refused += r.cards().refused();
            lowStock += r.cards().lowStock();
            received += r.today().received();
            consumed += r.today().consumed();
            troubled += r.troubled() ? 1 : 0;
        }
        return new Totals(inReview, refused, lowStock, received, consumed, troubled);
    }
}
