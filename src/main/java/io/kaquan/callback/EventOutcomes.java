package io.kaquan.callback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.kaquan.card.CardTexts;
import io.kaquan.wechat.CardStatus;
import io.kaquan.wechat.CardVocabulary;
import io.kaquan.wechat.UserCardStatus;
import io.kaquan.wechat.WeChatTime;

/**
 * An event's outcome note in the reader's language. Handlers store a fixed English sentence with values (stable in the
 * database, greppable in logs); the known sentences are read back here, like {@code CardStatusSync#summary} reads a
 * run's summary. A note no pattern knows is shown as stored.
 */
final class EventOutcomes {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(WeChatTime.ZONE);

    private static final Pattern NO_HANDLER = Pattern.compile("no effect for event type (.+)");
    private static final Pattern REVIEW_STALE = Pattern.compile(
            "not applied: the card's status (\\S+) since (\\S+) is newer than this result of (\\S+)");
    private static final Pattern REVIEW_SAME = Pattern.compile("card (\\S+) was already (\\S+)");
    private static final Pattern REVIEW_NOW = Pattern.compile("(discovered card|card) (\\S+) is now (\\S+)(?: \\((.*)\\))?",
            Pattern.DOTALL);
    private static final Pattern COUNTED = Pattern.compile("counted for (\\S+) on (\\S+)");
    private static final Pattern STOCK = Pattern.compile("low-stock alert raised for (\\S+)");
    private static final Pattern CODE = Pattern.compile("([^/\\s]+)/(\\S+): (.*)", Pattern.DOTALL);

    private static final Pattern PAID = Pattern.compile("paid_count\\+1 \\(fee (\\S+) of (\\S+)\\)");
    private static final Pattern CODE_STATUS = Pattern.compile("code (\\S+) (\\S+)");
    private static final Pattern CODE_STAYS = Pattern.compile("code (\\S+) stays (\\S+) \\(newer than this event\\)");
    private static final Pattern CODE_MOVED = Pattern.compile("code (\\S+) (\\S+) → (\\S+)");

    private EventOutcomes() {
    }

    static String text(String note, CallbackMsg m) {
        if (note == null || note.isEmpty()) {
            return "";
        }
        switch (note) {
            case "test push from the WeChat console: the callback works":
                return m.outcomeConsoleTest();
            case "no CardId":
                return m.outcomeNoCard();
            case "no CardId or UserCardCode":
                return m.outcomeNoCode();
            case "already counted":
                return m.outcomeAlreadyCounted();
            default:
                break;
        }
        Matcher x;
        if ((x = NO_HANDLER.matcher(note)).matches()) {
            return m.outcomeNoHandler();
        }
        if ((x = REVIEW_STALE.matcher(note)).matches()) {
            return m.outcomeReviewStale(card(x.group(1)), time(x.group(2)), time(x.group(3)));
        }
        if ((x = REVIEW_SAME.matcher(note)).matches()) {
            return m.outcomeReviewSame(x.group(1), card(x.group(2)));
        }
        if ((x = REVIEW_NOW.matcher(note)).matches()) {
            String status = card(x.group(3));
            String reason = x.group(4) == null ? "" : m.outcomeReason(x.group(4));
            return (x.group(1).startsWith("discovered") ? m.outcomeReviewDiscovered(x.group(2), status, reason)
                    : m.outcomeReviewNow(x.group(2), status, reason)).strip();
        }
        if ((x = COUNTED.matcher(note)).matches()) {
            return m.outcomeCounted(x.group(1), day(x.group(2)));
        }
        if ((x = STOCK.matcher(note)).matches()) {
            return m.outcomeStockAlert(x.group(1));
        }
        if ((x = CODE.matcher(note)).matches()) {
            String effects = x.group(3);
            if (effects.equals("nothing new")) {
                return m.outcomeCode(x.group(1), x.group(2), m.outcomeNothingNew());
            }
            List<String> parts = new ArrayList<>();
            for (String part : effects.split(", ")) {
                parts.add(effect(part, m));
            }
            // The separator: "；" in Chinese, "; " in English (a message file keeps no trailing space).
            String separator = m.outcomeSeparator();
            if (separator.chars().allMatch(c -> c < 128)) {
                separator = separator + " ";
            }
            return m.outcomeCode(x.group(1), x.group(2), String.join(separator, parts));
        }
        return note;
    }

    private static String effect(String part, CallbackMsg m) {
        switch (part) {
            case "received_count+1":
                return m.effectReceived();
            case "deleted_count+1":
                return m.effectDeleted();
            case "consumed_count+1":
                return m.effectConsumed();
            case "gifted_count+1":
                return m.effectGifted();
            case "gift returned":
                return m.effectGiftReturned();
            default:
                break;
        }
        Matcher x;
        if ((x = PAID.matcher(part)).matches()) {
            return m.effectPaid(yuan(x.group(1)), yuan(x.group(2)));
        }
        if ((x = CODE_STAYS.matcher(part)).matches()) {
            return m.effectCodeStays(x.group(1), code(x.group(2)));
        }
        if ((x = CODE_MOVED.matcher(part)).matches()) {
            return m.effectCodeMoved(x.group(1), code(x.group(2)), code(x.group(3)));
        }
        if ((x = CODE_STATUS.matcher(part)).matches()) {
            return m.effectCodeStatus(x.group(1), code(x.group(2)));
        }
        return part;
    }

    private static String card(String status) {
        return label(status, s -> CardTexts.label(CardStatus.valueOf(s)));
    }

    private static String code(String status) {
        return label(status, s -> CardTexts.label(UserCardStatus.valueOf(s)));
    }

    private static String label(String value, Function<String, String> words) {
        try {
            return words.apply(value);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String time(String instant) {
        try {
            return SECONDS.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private static String day(String day) {
        try {
            return LocalDate.parse(day).toString();
        } catch (DateTimeParseException e) {
            return day;
        }
    }

    /** WeChat's fen as yuan for people ("1050" → "10.50"); anything else as it came. */
    private static String yuan(String fen) {
        try {
            return CardVocabulary.yuan(Long.parseLong(fen));
        } catch (NumberFormatException e) {
            return fen;
        }
    }
}
