package io.kaquan.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.kaquan.card.CardTexts;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.Csv;

/**
 * The current tenant's statistics for a range of days: the whole account (both sources added) or one free coupon,
 * every day of the range (zero where WeChat had nothing), and their totals.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatsReport {

    /** Cards listed by the picker at once; the others are found by their title or card id. */
    public static final int PICKER_SIZE = 20;

    /** The longest search text (titles are at most 27 characters, card ids 32). */
    static final int SEARCH_MAX = 64;

    /** The longest range shown at once. */
    public static final int MAX_DAYS = 366;

    /** The range shown when none is asked for: the last 30 days that WeChat serves. */
    static final int DEFAULT_DAYS = 30;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    StatsSync sync;

    @Inject
    EntityManager em;

    /** What was asked (the texts, to refill the form), what is shown, and the field errors (already in words). */
    public record Filter(String fromText, String toText, String cardId, LocalDate from, LocalDate to,
            Map<String, String> errors) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** The query string of this filter (for the CSV link). */
        public String query() {
            StringBuilder query = new StringBuilder("?from=").append(from).append("&to=").append(to);
            if (cardId != null) {
                query.append("&card=").append(java.net.URLEncoder.encode(cardId, java.nio.charset.StandardCharsets.UTF_8));
            }
            return query.toString();
        }
    }

    /** A card the page can show: a card of the mirror (title and type), or one only WeChat's statistics know. */
    public record CardOption(String cardId, String title, String cardType) {

        /** The title and the type in words; the card id of a card without a title in the mirror. */
        public String label() {
            return title == null || title.isBlank() ? cardId
                    : cardType == null ? title : title + " · " + CardTexts.typeLabel(cardType);
        }
    }

    /**
     * The card picker: the cards matching the search (all cards when blank), newest first, at most {@link #PICKER_SIZE}
     * of them, and the chosen card even if it does not match; {@code more}: other cards match, so the page offers the
     * search (a tenant with a few cards gets a plain list); {@code nothingFound}: the search matched no card.
     */
    public record Picker(List<CardOption> options, String search, boolean more, boolean nothingFound) {

        public boolean searchable() {
            return more || !search.isEmpty();
        }

        /** How many cards are listed when more match. */
        public int size() {
            return PICKER_SIZE;
        }
    }

    public record Day(LocalDate day, Counts counts) {
    }

    /**
     * Member cards over the range (getcardmembercardinfo, both sources): sums of the daily figures, and the member
     * totals of the range's last day with data.
     */
    public record MemberCards(long viewCnt, long viewUser, long receiveCnt, long receiveUser, long activeUser,
            long verifyCnt, long verifyUser, long totalUser, long totalReceiveUser, LocalDate lastDay) {
    }

    public record Report(Filter filter, CardOption card, List<Day> days, Counts total,
            LocalDate syncedThrough, boolean quotaStopped, MemberCards memberCards) {

        public boolean hasData() {
            return !total.equals(new Counts());
        }
    }

    /** Reads the form; blank dates take the default range, wrong ones an error and the default range. */
    public Filter filter(String fromText, String toText, String card, StatsMsg msg) {
        LocalDate yesterday = sync.today().minusDays(1);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate to = date(toText, "to", errors, msg);
        LocalDate from = date(fromText, "from", errors, msg);
        if (to == null) {
            to = from != null && from.plusDays(DEFAULT_DAYS - 1).isBefore(yesterday)
                    ? from.plusDays(DEFAULT_DAYS - 1)
                    : yesterday;
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        if (errors.isEmpty() && from.isAfter(to)) {
            errors.put("from", msg.rangeReversed());
        } else if (errors.isEmpty() && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            errors.put("to", msg.rangeTooLong(MAX_DAYS));
        }
        if (!errors.isEmpty()) {
            to = yesterday;
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        String cardId = card == null || card.isBlank() ? null : card.strip();
        return new Filter(text(fromText), text(toText), cardId, from, to, Map.copyOf(errors));
    }

    /** The report of the filter; a card this tenant does not have is 404, like any other tenant's data. */
    public Report report(Filter filter) {
        return report(currentTenant.id(), filter);
    }

    /** The report of a tenant resolved by the caller (the page's edge, or bench/stats). */
    Report report(long tenantId, Filter filter) {
        CardOption card = filter.cardId() == null ? null
                : option(tenantId, filter.cardId()).orElseThrow(NotFoundException::new);
        Map<LocalDate, Counts> byDay = daily(tenantId, filter.cardId(), filter.from(), filter.to());
        List<Day> days = new ArrayList<>();
        Counts total = new Counts();
        for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
            Counts counts = byDay.getOrDefault(day, new Counts());
            days.add(new Day(day, counts));
            total = total.plus(counts);
        }
        StatsApi api = card == null ? StatsApi.ACCOUNT : StatsApi.CARDS;
        // The tenant's few sync states (one per API) in one read: the shown API's day, and any API's quota stop.
        List<StatsSyncState> states = StatsSyncState.list("tenantId", tenantId);
        StatsSyncState state = states.stream().filter(s -> s.api == api).findFirst().orElse(null);
        Instant now = Instant.now();
        boolean stopped = states.stream().anyMatch(s -> s.stoppedAt(now));
        MemberCards members = card == null ? memberCards(tenantId, filter.from(), filter.to()) : null;
        return new Report(filter, card, days, total, state == null ? null : state.syncedThrough, stopped,
                members);
    }

    /** Null when WeChat reported no member card activity in the range. */
    private MemberCards memberCards(long tenantId, LocalDate from, LocalDate to) {
        List<MemberCardStatsDay> rows = MemberCardStatsDay.list(
                "tenantId = ?1 and day between ?2 and ?3 order by day", tenantId, from, to);
        if (rows.isEmpty()) {
            return null;
        }
        long[] sums = new long[7];
        for (MemberCardStatsDay row : rows) {
            sums[0] += row.viewCnt;
            sums[1] += row.viewUser;
            sums[2] += row.receiveCnt;
            sums[3] += row.receiveUser;
            sums[4] += row.activeUser;
            sums[5] += row.verifyCnt;
            sums[6] += row.verifyUser;
        }
        LocalDate lastDay = rows.get(rows.size() - 1).day;
        long totalUser = 0;
        long totalReceiveUser = 0;
        for (MemberCardStatsDay row : rows) {
            if (row.day.equals(lastDay)) {
                totalUser += row.totalUser;
                totalReceiveUser += row.totalReceiveUser;
            }
        }
        return new MemberCards(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], totalUser,
                totalReceiveUser, lastDay);
    }

    /** The current tenant's card picker for a search text (blank: the newest cards) and the chosen card (or null). */
    public Picker picker(String search, String chosenCardId) {
        return picker(currentTenant.id(), search, chosenCardId);
    }

    /** The same for the report's card (or null), already read: the picker does not read it again. */
    public Picker picker(String search, Report report) {
        return picker(currentTenant.id(), search, report.filter().cardId(), report.card());
    }

    /**
     * The picker reads at most {@code PICKER_SIZE + 1} cards: the mirror's newest matching ones (title or card id, like
     * the card list's search), then, when they are fewer, cards only WeChat's statistics know, found by skipping
     * through the unique index (one probe per card, never a distinct over every card-day). A search finds such a card
     * by its exact id only: they have no title.
     */
    Picker picker(long tenantId, String search, String chosenCardId) {
        return picker(tenantId, search, chosenCardId, null);
    }

    /** @param chosen the chosen card when the caller has read it already, else null (then read if not listed) */
    private Picker picker(long tenantId, String search, String chosenCardId, CardOption chosen) {
        String text = search == null ? "" : search.strip();
        text = text.length() > SEARCH_MAX ? text.substring(0, SEARCH_MAX) : text;
        Map<String, CardOption> options = new LinkedHashMap<>();
        String where = text.isEmpty() ? "" : " and (c.cardId = :text or c.title ilike :pattern escape '\\')";
        var mirror = em.createQuery("select c.cardId, c.title, c.cardType from Card c where c.tenantId = :tenant"
                + where + " order by c.createdAt desc, c.id desc", Object[].class).setParameter("tenant", tenantId)
                .setMaxResults(PICKER_SIZE + 1);
        if (!text.isEmpty()) {
            mirror.setParameter("text", text).setParameter("pattern",
                    "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        for (Object[] row : mirror.getResultList()) {
            options.put((String) row[0], new CardOption((String) row[0], (String) row[1], (String) row[2]));
        }
        if (options.size() <= PICKER_SIZE) {
            for (String cardId : statsOnly(tenantId, text, PICKER_SIZE + 1 - options.size())) {
                options.putIfAbsent(cardId, new CardOption(cardId, null, null));
            }
        }
        boolean more = options.size() > PICKER_SIZE;
        boolean nothingFound = options.isEmpty() && !text.isEmpty();
        List<CardOption> listed = new ArrayList<>(options.values()).subList(0, Math.min(options.size(), PICKER_SIZE));
        if (chosenCardId != null && listed.stream().noneMatch(option -> option.cardId().equals(chosenCardId))) {
            (chosen != null ? Optional.of(chosen) : option(tenantId, chosenCardId)).ifPresent(c -> listed.add(0, c));
        }
        return new Picker(List.copyOf(listed), text, more, nothingFound);
    }

    /** Up to {@code limit} cards with statistics that the mirror does not have (with a search: the exact card id). */
    @SuppressWarnings("unchecked")
    private List<String> statsOnly(long tenantId, String text, int limit) {
        if (!text.isEmpty()) {
            return em.createNativeQuery("""
                    select s.card_id from card_stats_daily s where s.tenant_id = ?1 and s.card_id = ?2
                        and not exists (select 1 from card c where c.tenant_id = ?1 and c.card_id = ?2)
                    limit 1""").setParameter(1, tenantId).setParameter(2, text).getResultList();
        }
        return em.createNativeQuery("""
                with recursive ids (card_id) as (
                    (select card_id from card_stats_daily where tenant_id = ?1 order by card_id limit 1)
                    union all
                    select (select s.card_id from card_stats_daily s where s.tenant_id = ?1 and s.card_id > ids.card_id
                            order by s.card_id limit 1)
                    from ids where ids.card_id is not null)
                select i.card_id from ids i where i.card_id is not null
                    and not exists (select 1 from card c where c.tenant_id = ?1 and c.card_id = i.card_id)
                limit ?2""").setParameter(1, tenantId).setParameter(2, limit).getResultList();
    }

    /** One card of the tenant: from the mirror, or known to WeChat's statistics only. */
    private Optional<CardOption> option(long tenantId, String cardId) {
        List<Object[]> mirrored = em.createQuery("select c.cardId, c.title, c.cardType from Card c"
                + " where c.tenantId = ?1 and c.cardId = ?2", Object[].class).setParameter(1, tenantId)
                .setParameter(2, cardId).setMaxResults(1).getResultList();
        if (!mirrored.isEmpty()) {
            Object[] row = mirrored.get(0);
            return Optional.of(new CardOption((String) row[0], (String) row[1], (String) row[2]));
        }
        boolean withStats = !em.createNativeQuery(
                "select 1 from card_stats_daily where tenant_id = ?1 and card_id = ?2 limit 1")
                .setParameter(1, tenantId).setParameter(2, cardId).getResultList().isEmpty();
        return withStats ? Optional.of(new CardOption(cardId, null, null)) : Optional.empty();
    }

    /** WeChat's account-wide figures of one day (T+1: yesterday's arrive the next morning), empty until synced. */
    public Optional<Counts> accountDay(long tenantId, LocalDate day) {
        return Optional.ofNullable(daily(tenantId, null, day, day).get(day));
    }

    private Map<LocalDate, Counts> daily(long tenantId, String cardId, LocalDate from, LocalDate to) {
        String sums = "select s.day, sum(s.counts.viewCnt), sum(s.counts.viewUser), sum(s.counts.receiveCnt),"
                + " sum(s.counts.receiveUser), sum(s.counts.verifyCnt), sum(s.counts.verifyUser),"
                + " sum(s.counts.givenCnt), sum(s.counts.givenUser), sum(s.counts.expireCnt), sum(s.counts.expireUser)";
        var query = cardId == null
                ? em.createQuery(sums + " from AccountStatsDay s where s.tenantId = :tenant"
                        + " and s.day between :from and :to group by s.day", Object[].class)
                : em.createQuery(sums + " from CardStatsDay s where s.tenantId = :tenant and s.cardId = :card"
                        + " and s.day between :from and :to group by s.day", Object[].class)
                        .setParameter("card", cardId);
        Map<LocalDate, Counts> days = new HashMap<>();
        for (Object[] row : query.setParameter("tenant", tenantId).setParameter("from", from).setParameter("to", to)
                .getResultList()) {
            days.put((LocalDate) row[0], new Counts(n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5]),
                    n(row[6]), n(row[7]), n(row[8]), n(row[9]), n(row[10])));
        }
        return days;
    }

    /** The report as CSV: a header in the visitor's language, one line per day, then the totals. */
    public static Csv csv(Report report, StatsMsg msg) {
        Csv csv = new Csv();
        List<String> header = new ArrayList<>(List.of(msg.colDay(), msg.filterCard()));
        for (Metric metric : Metric.values()) {
            header.add(msg.timesOf(msg.metric(metric)));
            header.add(msg.peopleOf(msg.metric(metric)));
        }
        csv.line(header);
        String card = report.card() == null ? msg.allCards() : report.card().cardId();
        for (Day day : report.days()) {
            csv.line(values(day.day().toString(), card, day.counts()));
        }
        csv.line(values(msg.total(), card, report.total()));
        return csv;
    }

    private static List<String> values(String first, String card, Counts counts) {
        List<String> values = new ArrayList<>(List.of(first, card));
        for (Metric metric : Metric.values()) {
            values.add(Long.toString(counts.get(metric, false)));
            values.add(Long.toString(counts.get(metric, true)));
        }
        return values;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static LocalDate date(String text, String field, Map<String, String> errors, StatsMsg msg) {
        String value = text(text);
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            errors.put(field, msg.dateInvalid());
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, msg.dateInvalid());
            return null;
        }
    }
}
