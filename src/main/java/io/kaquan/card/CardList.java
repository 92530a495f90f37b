package io.kaquan.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.kaquan.wechat.CardStatus;

/**
 * The card list of a tenant, from the mirror: filtered by status and type, searched by title or card_id, sorted and
 * paginated in SQL, so that 100k cards stay fast (indexes in V6 and V8, maintained counts in V36; bench/card-list
 * measures it).
 */
@ApplicationScoped
public class CardList {

    /** The sort orders offered; each has an index starting with tenant_id. */
    public enum Sort {
        NEWEST("created_at desc, id desc", "created_at asc, id asc"),
        OLDEST("created_at asc, id asc", "created_at desc, id desc"),
        TITLE("title asc, id asc", "title desc, id desc"),
        STOCK_LOW("quantity asc nulls first, id asc", "quantity desc nulls last, id desc"),
        STOCK_HIGH("quantity desc nulls last, id desc", "quantity asc nulls first, id asc");

        final String orderBy;
        /** The exact reverse (ties broken by id, so the order is total): the back half of the list is read from its end. */
        final String reversed;

        Sort(String orderBy, String reversed) {
            this.orderBy = orderBy;
            this.reversed = reversed;
        }

        static Sort parse(String value) {
            if (value != null) {
                for (Sort sort : values()) {
                    if (sort.name().equalsIgnoreCase(value.strip())) {
                        return sort;
                    }
                }
            }
            return NEWEST;
        }
    }

    /** What the visitor asked for; unknown values fall back to "all" and the default order, never to an error. */
    public record Filter(CardStatus status, String type, String search, Sort sort, int page) {

        public static Filter of(String status, String type, String search, String sort, Integer page) {
            CardStatus parsedStatus = null;
            if (status != null && !status.isBlank()) {
                CardStatus candidate = CardStatus.of(status);
                parsedStatus = candidate == CardStatus.UNKNOWN && !status.strip().equalsIgnoreCase("UNKNOWN")
                        ? null
                        : candidate;
            }
            String cleanType = type == null ? "" : type.strip().toUpperCase(Locale.ROOT);
            if (!cleanType.matches("[A-Z_]{0,32}")) {
                cleanType = "";
            }
            String cleanSearch = search == null ? "" : search.strip();
            if (cleanSearch.length() > 64) {
                cleanSearch = cleanSearch.substring(0, 64);
            }
            return new Filter(parsedStatus, cleanType, cleanSearch, Sort.parse(sort),
                    page == null || page < 1 ? 1 : Math.min(page, 100_000));
        }

        public String statusValue() {
            return status == null ? "" : status.name();
        }

        /** The query string of this filter on another page (for the pager links). */
        public String query(int otherPage) {
            StringBuilder query = new StringBuilder("?page=").append(otherPage);
            append(query, "status", statusValue());
            append(query, "type", type);
            append(query, "q", search);
            if (sort != Sort.NEWEST) {
                append(query, "sort", sort.name());
            }
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isEmpty()) {
                query.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * A search counts its matches up to this many (20 pages): a broad term ("券") would otherwise count by reading
     * thousands of cards on each page view (10,000 took 30–200 ms at 100k cards); beyond it the merchant narrows the
     * search.
     */
    public static final int SEARCH_COUNT_CAP = 1_000;

    /** @param capped the search matched more than {@link #SEARCH_COUNT_CAP} cards; total is the cap */
    public record Page(List<Card> cards, long total, boolean capped, int page, int pageSize) {

        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages();
        }

        public int previous() {
            return page - 1;
        }

        public int next() {
            return page + 1;
        }
    }

    /**
     * The SQL of one list request, the same for the page and for bench/card-list's EXPLAIN ANALYZE. {@code countWhere}
     * is the same filter on the maintained counts ({@code card_count}, V36), null when a search needs the cards
     * themselves.
     */
    public record Statement(String where, List<Object> parameters, String orderBy, String reversed,
            String countWhere) {

        /**
         * A page of {@code limit} cards after {@code offset} of {@code total} (-1: not known exactly). The rows skipped are
         * skipped in the index
         * only (the inner select reads ids, and the 50 cards are fetched by id), and a page in the back half of the list
         * is read from its end, in reverse: the last page costs what the first does.
         */
        public String select(int limit, long offset, long total) {
            boolean fromEnd = offset > total / 2 && total > 0;
            long skip = fromEnd ? Math.max(0, total - offset - limit) : offset;
            int take = fromEnd ? (int) Math.min(limit, total - offset) : limit;
            return "select card.* from card join (select id from card where " + where + " order by "
                    + (fromEnd ? reversed : orderBy) + " limit " + Math.max(0, take) + " offset " + skip
                    + ") page using (id) order by " + orderBy;
        }

        public String count() {
            return countWhere == null ? "select count(*) from card where " + where
                    : "select coalesce(sum(cards), 0) from card_count where " + countWhere;
        }

        /** The count, stopping after {@code cap + 1} matches. */
        public String count(int cap) {
            return "select count(*) from (select 1 from card where " + where + " limit " + (cap + 1) + ") matches";
        }

        /** Sets this statement's parameters on a native query of its SQL. */
        public Query bind(Query query) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query;
        }
    }

    @Inject
    EntityManager em;

    @Inject
    CardsConfig config;

    public Statement statement(long tenantId, Filter filter) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("tenant_id = ?1");
        parameters.add(tenantId);
        if (filter.status() != null) {
            where.append(" and status = ?").append(parameters.size() + 1);
            parameters.add(filter.status().name());
        }
        if (!filter.type().isEmpty()) {
            where.append(" and card_type = ?").append(parameters.size() + 1);
            parameters.add(filter.type());
        }
        String countWhere = where.toString(); // the same columns and parameters in card_count
        if (!filter.search().isEmpty()) {
            countWhere = null;
            // A card id matches exactly (the unique index); a title by any part of it (the trigram index).
            int n = parameters.size();
            where.append(" and (card_id = ?").append(n + 1).append(" or title ilike ?").append(n + 2)
                    .append(" escape '\\')");
            parameters.add(filter.search());
            parameters.add("%" + filter.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Statement(where.toString(), parameters, filter.sort().orderBy, filter.sort().reversed, countWhere);
    }

    @SuppressWarnings("unchecked")
    public Page page(long tenantId, Filter filter) {
        Statement statement = statement(tenantId, filter);
        int size = config.pageSize();
        boolean search = !filter.search().isEmpty();
        long total = ((Number) statement.bind(em.createNativeQuery(search ? statement.count(SEARCH_COUNT_CAP)
                : statement.count())).getSingleResult()).longValue();
        boolean capped = search && total > SEARCH_COUNT_CAP;
        total = Math.min(total, capped ? SEARCH_COUNT_CAP : total);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page = Math.min(filter.page(), pages);
        List<Card> cards = statement.bind(em.createNativeQuery(statement.select(size, (long) (page - 1) * size,
                capped ? -1 : total), Card.class)).getResultList();
        return new Page(cards, total, capped, page, size);
    }
}
