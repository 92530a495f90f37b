package io.kaquan.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parameters parsed into bounded values: a date a merchant can mean (years 2000–2099, so that no arithmetic or
 * database conversion overflows), and a "back" address that is a path on this site.
 */
public final class BoundedInput {

    public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

    private BoundedInput() {
    }

    /** The ISO date (yyyy-MM-dd), or null when blank, not a date, or outside 2000–2099. */
    public static LocalDate date(String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > 10) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY) ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Where to go back to: a same-origin relative path (with its query) that is a valid URI, else {@code fallback}.
     * Never an open redirect, never a 500 from {@link URI#create}.
     */
    public static String backPath(String back, String fallback) {
        if (back == null || back.length() > 2000 || !back.startsWith("/") || back.startsWith("//")
                || back.contains("\\")) {
            return fallback;
        }
        try {
            URI uri = new URI(back);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? back : fallback;
        } catch (URISyntaxException e) {
            return fallback;
        }
    }
}
