package io.kaquan.card;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * paginated in SQL, so that 100k cards stay fast (indexes in V8, V36 and V41, maintained counts in V36 and V39, the
 * pager's links by keyset; bench/card-list and bench/card-list-http measure it).
 */
@ApplicationScoped
public class CardList {

    /** The sort orders offered; each has an index starting with tenant_id. */
    public enum Sort {
        NEWEST("created_at desc, id desc", "created_at asc, id asc", Key.CREATED_AT, false),
        OLDEST("created_at asc, id asc", "created_at desc, id desc", Key.CREATED_AT, true),
        TITLE("title asc, id asc", "title desc, id desc", Key.TITLE, true),
        STOCK_LOW("quantity asc nulls first, id asc", "quantity desc nulls last, id desc", Key.QUANTITY, true),
        STOCK_HIGH("quantity desc nulls last, id desc", "quantity asc nulls first, id asc", Key.QUANTITY, false);

        final String orderBy;
        /** The exact reverse (ties broken by id, so the order is total): the back half of the list is read from its end. */
        final String reversed;
        /** The column sorted by (then id); a card without stock counts as lower than any stock in both stock orders. */
        final Key key;
        final boolean ascending;

        Sort(String orderBy, String reversed, Key key, boolean ascending) {
            this.orderBy = orderBy;
            this.reversed = reversed;
            this.key = key;
            this.ascending = ascending;
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

        /** The card's place in this order, as a cursor's text: its id, a dot, its sort key. */
        String position(Card card) {
            return card.id + "." + key.text(card);
        }

        /** The sort key in a cursor's text as the query binds it; null for a card without stock. */
        Object value(String text) {
            return key.value(text);
        }
    }

    /** The column a sort orders by, and how a cursor writes its value as text and reads it back for the query. */
    enum Key {
        CREATED_AT("created_at", "cast(?%d as timestamptz)"),
        TITLE("title", "?%d"),
        QUANTITY("quantity", "?%d");

        final String column;
        /** The query's parameter for the value (a timestamp is bound as its ISO text). */
        final String parameter;

        Key(String column, String parameter) {
            this.column = column;
            this.parameter = parameter;
        }

        String text(Card card) {
            return switch (this) {
                case CREATED_AT -> Long.toString(card.createdAt.getEpochSecond() * 1_000_000
                        + card.createdAt.getNano() / 1_000);
                case TITLE -> card.title;
                case QUANTITY -> card.quantity == null ? "" : card.quantity.toString();
            };
        }

        Object value(String text) {
            return switch (this) {
                case CREATED_AT -> Instant.EPOCH.plus(Long.parseLong(text), ChronoUnit.MICROS).toString();
                case TITLE -> text;
                case QUANTITY -> text.isEmpty() ? null : Integer.valueOf(text);
            };
        }
    }

    /**
     * Where a pager link continues the list (keyset paging): right after the last card of the page it came from, or
     * right before its first one. Deep pages then cost what the first does, instead of skipping all the cards before
     * them; a page number typed into the address still works, by offset.
     *
     * @param after true for the next page, false for the previous one
     * @param value the card's sort key (see {@link Sort#value}), null for a card without stock
     */
    public record Cursor(boolean after, long id, Object value) {

        /** The cursor of a link, or null for a missing or malformed one (the list then pages by offset). */
        static Cursor parse(boolean after, String text, Sort sort) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int dot = text.indexOf('.');
            try {
                return dot < 1 ? null
                        : new Cursor(after, Long.parseLong(text.substring(0, dot)),
                                sort.value(text.substring(dot + 1)));
            } catch (RuntimeException malformed) {
                return null;
            }
        }
    }

    /** What the visitor asked for; unknown values fall back to "all" and the default order, never to an error. */
    public record Filter(CardStatus status, String type, String search, Sort sort, int page, Cursor cursor) {

        public static Filter of(String status, String type, String search, String sort, Integer page) {
            return of(status, type, search, sort, page, null, null);
        }

        /** @param after and {@code before}: a pager link's cursor (at most one is used; a malformed one is ignored) */
        public static Filter of(String status, String type, String search, String sort, Integer page, String after,
                String before) {
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
            Sort parsedSort = Sort.parse(sort);
            Cursor cursor = Cursor.parse(true, after, parsedSort);
            if (cursor == null) {
                cursor = Cursor.parse(false, before, parsedSort);
            }
            return new Filter(parsedStatus, cleanType, cleanSearch, parsedSort,
                    page == null || page < 1 ? 1 : Math.min(page, 100_000), cursor);
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

        /** The query string of the next page: after the last card of this one. */
        public String next(Page shown) {
            String query = query(shown.next());
            return shown.cards().isEmpty() ? query
                    : query + "&after=" + encode(sort.position(shown.cards().get(shown.cards().size() - 1)));
        }

        /** The query string of the previous page: before the first card of this one (page 1 needs no cursor). */
        public String previous(Page shown) {
            String query = query(shown.previous());
            return shown.cards().isEmpty() || shown.previous() == 1 ? query
                    : query + "&before=" + encode(sort.position(shown.cards().get(0)));
        }

        private static String encode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isEmpty()) {
                query.append('&').append(name).append('=').append(encode(value));
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

        /** The total as the page shows it: "1000+" when a search was counted only up to the cap. */
        public String totalText() {
            return capped ? total + "+" : Long.toString(total);
        }

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

        /**
         * The count, stopping after {@code cap + 1} matches. Read newest first: in the tenant's part of an index that
         * holds what a search filters on (V41), rather than by a scan of the table that finds the tenant's cards where
         * it happens to.
         */
        public String count(int cap) {
            return "select count(*) from (select 1 from card where " + where + " order by created_at desc, id desc limit "
                    + (cap + 1) + ") matches";
        }

        /**
         * A page of {@code limit} cards next to the cursor's card, in {@code sort}'s order: the index is entered at the
         * cursor's sort key, so no card before it is read. Its parameters follow this statement's.
         */
        public String select(int limit, Sort sort, Cursor cursor) {
            boolean up = cursor.after() == sort.ascending;
            String order = cursor.after() ? sort.orderBy : sort.reversed;
            int value = parameters.size() + 1;
            int id = cursor.value() == null ? value : value + 1;
            String op = up ? ">" : "<";
            List<String> ranges = new ArrayList<>();
            if (cursor.value() != null) {
                ranges.add("(" + sort.key.column + ", id) " + op + " (" + sort.key.parameter.formatted(value) + ", ?"
                        + id + ")");
                if (!up && sort.key == Key.QUANTITY) {
                    ranges.add("quantity is null"); // below every stock, so after it when going down
                }
            } else { // a card without stock: the others without stock by id, then (going up) every card with stock
                ranges.add("quantity is null and id " + op + " ?" + id);
                if (up) {
                    ranges.add("quantity is not null");
                }
            }
            String ids;
            if (ranges.size() == 1) {
                ids = "select id from card where " + where + " and " + ranges.get(0) + " order by " + order + " limit "
                        + limit;
            } else { // each range in its own index scan: an "or" would read every card before the cursor first
                ids = "select id from (";
                for (int i = 0; i < ranges.size(); i++) {
                    ids += (i == 0 ? "" : " union all ") + "(select id, quantity from card where " + where + " and "
                            + ranges.get(i) + " order by " + order + " limit " + limit + ")";
                }
                ids += ") range order by " + order + " limit " + limit;
            }
            return "select card.* from card join (" + ids + ") page using (id) order by " + sort.orderBy;
        }

        /** Binds this statement's parameters and then the cursor's (see {@link #select(int, Sort, Cursor)}). */
        public Query bind(Query query, Cursor cursor) {
            bind(query);
            int next = parameters.size() + 1;
            if (cursor.value() != null) {
                query.setParameter(next++, cursor.value());
            }
            query.setParameter(next, cursor.id());
            return query;
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
            // A card id matches exactly (the unique index); a title by any part of it (the trigram index). A term
            // without upper or lower case (Chinese, digits) matches the same with like, which compares bytes, where
            // ilike lowercases every title it reads first: a broad Chinese search read its cards several times slower.
            String search = filter.search();
            boolean cased = !search.equals(search.toLowerCase(Locale.ROOT))
                    || !search.equals(search.toUpperCase(Locale.ROOT));
            int n = parameters.size();
            where.append(" and (card_id = ?").append(n + 1).append(cased ? " or title ilike ?" : " or title like ?")
                    .append(n + 2).append(" escape '\\')");
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
        Cursor cursor = filter.cursor();
        if (cursor != null && page > 1) {
            List<Card> cards = statement.bind(em.createNativeQuery(statement.select(size, filter.sort(), cursor),
                    Card.class), cursor).getResultList();
            // Cards deleted or added since the link was made can leave too few on either side of the cursor: then the
            // page number decides, as for a typed address.
            if (cursor.after() ? !cards.isEmpty() : cards.size() == size) {
                return new Page(cards, total, capped, page, size);
            }
        }
        List<Card> cards = statement.bind(em.createNativeQuery(statement.select(size, (long) (page - 1) * size,
                capped ? -1 : total), Card.class)).getResultList();
        return new Page(cards, total, capped, page, size);
    }
}
