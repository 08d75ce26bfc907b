package org.concord.codec;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** iCalendar DATE, DATE-TIME and DURATION values, and the JSCalendar forms of them. */
final class ICalTime {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})(Z?)");
    private static final Pattern DURATION = Pattern.compile(
            "([+-])?P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter ICAL_LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter ICAL_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");

    /** A parsed value: the local date-time, whether it was a DATE, and whether it ended in Z. */
    record Value(LocalDateTime local, boolean date, boolean utc) {
    }

    private ICalTime() {
    }

    /** Parses a DATE or DATE-TIME; null if the text is neither. */
    static Value parse(String text) {
        String v = text.trim();
        Matcher m = DATE_TIME.matcher(v);
        try {
            if (m.matches()) {
                LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        Math.min(59, Integer.parseInt(m.group(6))));
                return new Value(t, false, !m.group(7).isEmpty());
            }
            m = DATE.matcher(v);
            if (m.matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                return new Value(d.atStartOfDay(), true, false);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    static String local(LocalDateTime t) {
        return LOCAL.format(t);
    }

    static LocalDateTime parseLocal(String s) {
        try {
            return LocalDateTime.parse(s, LOCAL);
        } catch (RuntimeException e) {
            try {
                return LocalDateTime.parse(s);
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }

    static String icalLocal(LocalDateTime t) {
        return ICAL_LOCAL.format(t);
    }

    static String icalDate(LocalDateTime t) {
        return ICAL_DATE.format(t);
    }

    static String icalUtc(Instant i) {
        return ICAL_LOCAL.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC)) + "Z";
    }

    /** A UTC DATE-TIME as an RFC 3339 instant ("2024-01-02T10:00:00Z"); null otherwise. */
    static String utcInstant(String text) {
        Value v = parse(text);
        if (v == null || v.date() || !v.utc()) {
            return null;
        }
        return v.local().toInstant(ZoneOffset.UTC).toString();
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches() || text.trim().equals("P") || text.trim().endsWith("T")) {
            return null;
        }
        long seconds = 0;
        seconds += group(m, 2) * 7 * 86400;
        seconds += group(m, 3) * 86400;
        seconds += group(m, 4) * 3600;
        seconds += group(m, 5) * 60;
        seconds += group(m, 6);
        return Duration.ofSeconds("-".equals(m.group(1)) ? -seconds : seconds);
    }

    private static long group(Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }

    /** The one form every duration gets: days, then hours/minutes/seconds ("P1DT2H", "-PT15M", "PT0S"). */
    static String formatDuration(Duration d) {
        long s = Math.abs(d.getSeconds());
        StringBuilder b = new StringBuilder(d.isNegative() ? "-P" : "P");
        long days = s / 86400;
        long rest = s % 86400;
        if (days > 0) {
            b.append(days).append('D');
        }
        if (rest > 0 || days == 0) {
            b.append('T');
            long h = rest / 3600;
            long min = (rest % 3600) / 60;
            long sec = rest % 60;
            if (h > 0) {
                b.append(h).append('H');
            }
            if (min > 0) {
                b.append(min).append('M');
            }
            if (sec > 0 || (h == 0 && min == 0)) {
                b.append(sec).append('S');
            }
        }
        return b.toString();
    }

    /** Canonical form of an iCalendar DURATION text; null if it is not one. */
    static String canonicalDuration(String text) {
        Duration d = parseDuration(text);
        return d == null ? null : formatDuration(d);
    }
}
