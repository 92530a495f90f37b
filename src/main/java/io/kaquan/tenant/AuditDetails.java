package io.kaquan.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the free-form details of an audit entry ("operation=12 delta=5 reason=活动", "card_id=p1; reason=…",
 * "name: a → b, mode: SAFE → PLAIN") as key/value lines. A key is a lower-case word followed by "=" or ": " at the
 * start or after a separator; a value runs to the next key, so values may hold spaces. Text before the first key is
 * a line without a key. Pure, so that the page and its test read the same.
 */
public final class AuditDetails {

    private static final Pattern KEY = Pattern.compile("(?:^|(?<=[\\s;,]))([a-z][a-z_-]*)(?:=|: )");

    /** One line: {@code key} null for text that names no key. */
    public record Line(String key, String value) {
    }

    private AuditDetails() {
    }

    public static List<Line> lines(String details) {
        List<Line> lines = new ArrayList<>();
        if (details == null || details.isBlank()) {
            return lines;
        }
        Matcher m = KEY.matcher(details);
        List<int[]> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(new int[] { m.start(), m.end(), m.start(1), m.end(1) });
        }
        String lead = trim(details.substring(0, keys.isEmpty() ? details.length() : keys.get(0)[0]));
        if (!lead.isEmpty()) {
            lines.add(new Line(null, lead));
        }
        for (int i = 0; i < keys.size(); i++) {
            int[] k = keys.get(i);
            int end = i + 1 < keys.size() ? keys.get(i + 1)[0] : details.length();
            lines.add(new Line(details.substring(k[2], k[3]), trim(details.substring(k[1], end))));
        }
        return lines;
    }

    private static String trim(String text) {
        return text.replaceAll("^[\\s;,]+|[\\s;,]+$", "");
    }
}
