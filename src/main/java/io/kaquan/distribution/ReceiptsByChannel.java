package io.kaquan.distribution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.kaquan.card.CardLookup;
import io.kaquan.code.ChannelReceipts;
import io.kaquan.tenant.CurrentTenant;
import io.kaquan.web.Csv;
import io.kaquan.wechat.WeChatTime;

/**
 * Receipts per channel over a range of China's days, for one card or all the tenant's cards: each channel by its name,
 * scene values no channel of the tenant has, and the receipts that came without one (not through a QR code, or a
 * friend's gift). Counted from the code mirror in one grouped query.
 */
@ApplicationScoped
public class ReceiptsByChannel {

    /** The longest range counted at once. */
    static final int MAX_DAYS = 366;

    /** The range counted when none is asked for: the last 30 days, today included (the mirror is live). */
    static final int DEFAULT_DAYS = 30;

    /** What a row counts: a channel of the tenant, a scene value none of its channels has, or no scene value at all. */
    public enum Source {
        CHANNEL,
        UNREGISTERED,
        NONE
    }

    /** One row: the channel's name (CHANNEL), the scene value (CHANNEL and UNREGISTERED), and the receipts. */
    public record Row(Source source, String channel, String outerStr, long count) {
    }

    /** The asked dates as typed (to refill the form), the days counted, and the field errors in words. */
    public record Range(String fromText, String toText, LocalDate from, LocalDate to, Map<String, String> errors) {

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** A range already checked elsewhere (the statistics dashboard's). */
        public static Range of(LocalDate from, LocalDate to) {
            return new Range(from.toString(), to.toString(), from, to, Map.of());
        }

        /** The query string of the range. */
        public String query() {
            return "from=" + from + "&to=" + to;
        }
    }

    public record Report(String cardId, Range range, List<Row> rows, long total) {

        /** The CSV export of this report (from=…&to=…, and card=… for one card). */
        public String csvQuery() {
            return "?" + range.query() + (cardId == null ? ""
                    : "&card=" + java.net.URLEncoder.encode(cardId, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Inject
    CurrentTenant currentTenant;

    @Inject
    ChannelReceipts receipts;

    @Inject
    CardLookup cards;

    @Inject
    DistributionCalls calls;

    /** Reads the dates; blank ones take the default range, wrong ones an error (in words) and the default range. */
    public Range range(String fromText, String toText) {
        DistributionMsg msg = calls.msg();
        LocalDate today = LocalDate.now(WeChatTime.ZONE);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(fromText, "from", errors, msg);
        LocalDate to = date(toText, "to", errors, msg);
        if (to == null) {
            to = from != null && from.plusDays(DEFAULT_DAYS - 1).isBefore(today) ? from.plusDays(DEFAULT_DAYS - 1)
                    : today;
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        if (errors.isEmpty() && from.isAfter(to)) {
            errors.put("from", msg.errRangeReversed());
        } else if (errors.isEmpty() && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            errors.put("to", msg.errRangeTooLong(MAX_DAYS));
        }
        if (!errors.isEmpty()) {
            to = today;
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        return new Range(text(fromText), text(toText), from, to, Map.copyOf(errors));
    }

    /** Every member reads; a card the tenant does not have is 404 (cardId null: all the tenant's cards). */
    public Report of(String cardId, Range range) {
        if (cardId != null) {
            cards.live(cardId);
        }
        return counted(cardId, range);
    }

    /** The same for a card that may be known to WeChat's statistics only (none of its codes are then mirrored). */
    public Report counted(String cardId, Range range) {
        Instant from = range.from().atStartOfDay(WeChatTime.ZONE).toInstant();
        Instant until = range.to().plusDays(1).atStartOfDay(WeChatTime.ZONE).toInstant();
        Map<String, Long> counts = receipts.byOuterStr(cardId, from, until);
        Map<String, String> names = DistributionCalls.inTx(() -> {
            Map<String, String> byOuterStr = new LinkedHashMap<>();
            Channel.ofTenant(currentTenant.id()).forEach(c -> byOuterStr.put(Integer.toString(c.outerStr), c.name));
            return byOuterStr;
        });
        List<Row> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            String outer = count.getKey();
            String name = outer == null ? null : names.get(outer);
            Source source = outer == null ? Source.NONE : name == null ? Source.UNREGISTERED : Source.CHANNEL;
            rows.add(new Row(source, name, outer, count.getValue()));
            total += count.getValue();
        }
        // Channels first, most receipts first; then unknown scene values; "no channel" last.
        rows.sort(Comparator.comparing(Row::source).thenComparing(Comparator.comparingLong(Row::count).reversed())
                .thenComparing(r -> r.outerStr() == null ? "" : r.outerStr()));
        return new Report(cardId, range, List.copyOf(rows), total);
    }

    /** The report as CSV: the header in the visitor's language, one line per row, then the total. */
    public Csv csv(Report report) {
        DistributionMsg msg = calls.msg();
        Csv csv = new Csv().line(List.of(msg.colFrom(), msg.colTo(), msg.colChannel(), msg.colOuterStr(),
                msg.colReceipts()));
        String from = report.range().from().toString();
        String to = report.range().to().toString();
        for (Row row : report.rows()) {
            csv.line(List.of(from, to, label(row, msg), row.outerStr() == null ? "" : row.outerStr(),
                    Long.toString(row.count())));
        }
        return csv.line(List.of(from, to, msg.receiptsTotal(), "", Long.toString(report.total())));
    }

    private static String label(Row row, DistributionMsg msg) {
        return row.source() == Source.CHANNEL ? row.channel() : msg.receiptSource(row.source());
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static LocalDate date(String text, String field, Map<String, String> errors, DistributionMsg msg) {
        String value = text(text);
        if (value.isEmpty()) {
            return null;
        }
        try {
            if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the error
        }
        errors.put(field, msg.errDate());
        return null;
    }
}
