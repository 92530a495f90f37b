package io.kaquan.jobs;

import java.time.LocalTime;
import java.util.Optional;

/**
 * How often a Quartz cron fires, for the shapes our schedules use (every N hours, every N minutes, daily at HH:MM), so
 * that a page can say it in words. Any other shape is not described: the page then shows the cron as a tooltip only.
 */
public sealed interface Cadence {

    /** At minute 0 of every {@code hours}-th hour of the day (a divisor of 24, so the gaps are even). */
    record EveryHours(int hours) implements Cadence {
    }

    /** At second 0 of every {@code minutes}-th minute of the hour (a divisor of 60). */
    record EveryMinutes(int minutes) implements Cadence {
    }

    /** Once a day at {@code time}, in the jobs' zone. */
    record DailyAt(LocalTime time) implements Cadence {
    }

    /** The cadence of a cron expression (seconds minutes hours day-of-month month day-of-week [year]). */
    static Optional<Cadence> of(String cron) {
        if (cron == null) {
            return Optional.empty();
        }
        String[] f = cron.trim().split("\\s+");
        if (f.length < 6 || f.length > 7 || !f[0].equals("0") || !any(f[3]) || !f[4].equals("*") || !any(f[5])
                || (f.length == 7 && !f[6].equals("*")) || (f[3].equals("?") && f[5].equals("?"))) {
            return Optional.empty();
        }
        String minute = f[1];
        String hour = f[2];
        Integer hourStep = step(hour);
        if (minute.equals("0") && hourStep != null) {
            return hourStep >= 1 && hourStep <= 24 && 24 % hourStep == 0
                    ? Optional.of(new EveryHours(hourStep))
                    : Optional.empty();
        }
        Integer minuteStep = step(minute);
        if (hour.equals("*") && minuteStep != null) {
            return minuteStep >= 1 && minuteStep <= 60 && 60 % minuteStep == 0
                    ? Optional.of(new EveryMinutes(minuteStep))
                    : Optional.empty();
        }
        Integer m = number(minute, 59);
        Integer h = number(hour, 23);
        return m != null && h != null ? Optional.of(new DailyAt(LocalTime.of(h, m))) : Optional.empty();
    }

    /** The step of "*" (1), "*&#47;n" or "0/n" (n); null for anything else. */
    private static Integer step(String field) {
        if (field.equals("*")) {
            return 1;
        }
        if (field.startsWith("*/") || field.startsWith("0/")) {
            return number(field.substring(2), 60);
        }
        return null;
    }

    private static Integer number(String field, int max) {
        if (!field.matches("\\d{1,2}")) {
            return null;
        }
        int n = Integer.parseInt(field);
        return n <= max ? n : null;
    }

    /** Every day of the month or of the week. */
    private static boolean any(String field) {
        return field.equals("*") || field.equals("?");
    }
}
