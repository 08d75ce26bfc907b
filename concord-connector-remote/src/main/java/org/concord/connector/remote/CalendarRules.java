package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JSCalendar times: an event's end as start plus duration (RFC 8984 local date-times and durations). */
final class CalendarRules {
    private static final Pattern DURATION = Pattern.compile("P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private CalendarRules() {}

    static Optional<String> end(ObjectNode canonical) {
        JsonNode start = canonical.get("start");
        if (start == null || !start.isTextual()) {
            return Optional.empty();
        }
        try {
            LocalDateTime from = LocalDateTime.parse(start.asText());
            Duration d = parseDuration(canonical.path("duration").asText("PT0S")).orElse(Duration.ZERO);
            return Optional.of(from.plus(d).format(LOCAL));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String durationUntil(ObjectNode canonical, String end) throws ConversionException {
        JsonNode start = canonical.get("start");
        if (start == null || !start.isTextual()) {
            throw new ConversionException("an end time needs a start time (map a field to 'start')");
        }
        LocalDateTime from;
        LocalDateTime to;
        try {
            from = LocalDateTime.parse(start.asText());
            to = LocalDateTime.parse(end);
        } catch (DateTimeParseException e) {
            throw new ConversionException("end '" + end + "' or start '" + start.asText()
                    + "' is not a local date-time such as 2026-03-01T10:00:00");
        }
        Duration d = Duration.between(from, to);
        if (d.isNegative()) {
            throw new ConversionException("end " + end + " is before start " + start.asText());
        }
        return format(d);
    }

    static Optional<Duration> parseDuration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || text.equals("P") || text.endsWith("T")) {
            return Optional.empty();
        }
        long seconds = group(m, 1) * 7 * 86_400 + group(m, 2) * 86_400 + group(m, 3) * 3_600 + group(m, 4) * 60 + group(m, 5);
        return Optional.of(Duration.ofSeconds(seconds));
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "PT0S";
        }
        long days = s / 86_400;
        long h = s % 86_400 / 3_600;
        long min = s % 3_600 / 60;
        long sec = s % 60;
        StringBuilder b = new StringBuilder("P");
        if (days > 0) {
            b.append(days).append('D');
        }
        if (h + min + sec > 0) {
            b.append('T');
            if (h > 0) {
                b.append(h).append('H');
            }
            if (min > 0) {
                b.append(min).append('M');
            }
            if (sec > 0) {
                b.append(sec).append('S');
            }
        }
        return b.toString();
    }

    private static long group(Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }
}
