package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RRULE ↔ JSCalendar RecurrenceRule (RFC 8984 §4.3.3). UNTIL is a local date-time in the
 * object's time zone, as JSCalendar has it; the caller converts from and to UTC.
 */
final class RecurrenceRules {

    private static final Set<String> FREQUENCIES = Set.of("YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY");
    private static final Set<String> DAYS = Set.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final Pattern NDAY = Pattern.compile("([+-]?\\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)");
    private static final Pattern INT = Pattern.compile("[+-]?\\d{1,3}");
    private static final Pattern MONTH = Pattern.compile("\\d{1,2}L?");

    private RecurrenceRules() {
    }

    /**
     * Parses an RRULE value; null when any part is unknown or malformed (the caller then carries
     * the property as written). {@code until} turns the UNTIL text into a local date-time.
     */
    static ObjectNode parse(String value, Function<String, LocalDateTime> until) {
        ObjectNode rule = Json.object();
        rule.put("@type", "RecurrenceRule");
        boolean hasFrequency = false;
        for (String part : value.trim().split(";")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            String key = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            String v = part.substring(eq + 1).trim();
            switch (key) {
                case "FREQ" -> {
                    String f = v.toUpperCase(Locale.ROOT);
                    if (!FREQUENCIES.contains(f) || hasFrequency) {
                        return null;
                    }
                    rule.put("frequency", f.toLowerCase(Locale.ROOT));
                    hasFrequency = true;
                }
                case "INTERVAL" -> {
                    int n = positive(v);
                    if (n < 1) {
                        return null;
                    }
                    if (n != 1) {
                        rule.put("interval", n);
                    }
                }
                case "COUNT" -> {
                    int n = positive(v);
                    if (n < 1) {
                        return null;
                    }
                    rule.put("count", n);
                }
                case "UNTIL" -> {
                    LocalDateTime t = until.apply(v);
                    if (t == null) {
                        return null;
                    }
                    rule.put("until", ICalTime.local(t));
                }
                case "WKST" -> {
                    String d = v.toUpperCase(Locale.ROOT);
                    if (!DAYS.contains(d)) {
                        return null;
                    }
                    if (!d.equals("MO")) {
                        rule.put("firstDayOfWeek", d.toLowerCase(Locale.ROOT));
                    }
                }
                case "BYDAY" -> {
                    ArrayNode days = rule.putArray("byDay");
                    for (String d : v.split(",")) {
                        Matcher m = NDAY.matcher(d.trim().toUpperCase(Locale.ROOT));
                        if (!m.matches()) {
                            return null;
                        }
                        ObjectNode nday = days.addObject();
                        nday.put("day", m.group(2).toLowerCase(Locale.ROOT));
                        if (m.group(1) != null) {
                            nday.put("nthOfPeriod", Integer.parseInt(m.group(1).replace("+", "")));
                        }
                    }
                }
                case "BYMONTH" -> {
                    ArrayNode months = rule.putArray("byMonth");
                    for (String mo : v.split(",")) {
                        if (!MONTH.matcher(mo.trim()).matches()) {
                            return null;
                        }
                        months.add(mo.trim().toUpperCase(Locale.ROOT));
                    }
                }
                case "BYMONTHDAY" -> { if (!ints(rule, "byMonthDay", v)) { return null; } }
                case "BYYEARDAY" -> { if (!ints(rule, "byYearDay", v)) { return null; } }
                case "BYWEEKNO" -> { if (!ints(rule, "byWeekNo", v)) { return null; } }
                case "BYHOUR" -> { if (!ints(rule, "byHour", v)) { return null; } }
                case "BYMINUTE" -> { if (!ints(rule, "byMinute", v)) { return null; } }
                case "BYSECOND" -> { if (!ints(rule, "bySecond", v)) { return null; } }
                case "BYSETPOS" -> { if (!ints(rule, "bySetPosition", v)) { return null; } }
                case "RSCALE" -> rule.put("rscale", v.toLowerCase(Locale.ROOT));
                case "SKIP" -> rule.put("skip", v.toLowerCase(Locale.ROOT));
                default -> {
                    return null;
                }
            }
        }
        if (!hasFrequency || (rule.has("count") && rule.has("until"))) {
            return null;
        }
        return rule;
    }

    private static int positive(String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean ints(ObjectNode rule, String name, String v) {
        ArrayNode a = rule.putArray(name);
        for (String s : v.split(",")) {
            if (!INT.matcher(s.trim()).matches()) {
                return false;
            }
            a.add(Integer.parseInt(s.trim().replace("+", "")));
        }
        return true;
    }

    /** Writes an RRULE value; {@code until} formats the local UNTIL for the object's zone. */
    static String format(JsonNode rule, Function<LocalDateTime, String> until) {
        StringBuilder b = new StringBuilder("FREQ=").append(rule.path("frequency").asText("daily").toUpperCase(Locale.ROOT));
        if (rule.path("interval").asInt(1) > 1) {
            b.append(";INTERVAL=").append(rule.get("interval").asInt());
        }
        if (rule.has("count")) {
            b.append(";COUNT=").append(rule.get("count").asInt());
        } else if (rule.hasNonNull("until")) {
            LocalDateTime t = ICalTime.parseLocal(rule.get("until").asText());
            if (t != null) {
                b.append(";UNTIL=").append(until.apply(t));
            }
        }
        list(b, "BYSECOND", rule.get("bySecond"));
        list(b, "BYMINUTE", rule.get("byMinute"));
        list(b, "BYHOUR", rule.get("byHour"));
        JsonNode byDay = rule.get("byDay");
        if (byDay != null && byDay.isArray() && !byDay.isEmpty()) {
            b.append(";BYDAY=");
            for (int i = 0; i < byDay.size(); i++) {
                JsonNode d = byDay.get(i);
                if (i > 0) {
                    b.append(',');
                }
                if (d.has("nthOfPeriod")) {
                    b.append(d.get("nthOfPeriod").asInt());
                }
                b.append(d.path("day").asText("mo").toUpperCase(Locale.ROOT));
            }
        }
        list(b, "BYMONTHDAY", rule.get("byMonthDay"));
        list(b, "BYYEARDAY", rule.get("byYearDay"));
        list(b, "BYWEEKNO", rule.get("byWeekNo"));
        list(b, "BYMONTH", rule.get("byMonth"));
        list(b, "BYSETPOS", rule.get("bySetPosition"));
        String wkst = Json.text(rule, "firstDayOfWeek");
        if (wkst != null && !wkst.equalsIgnoreCase("mo")) {
            b.append(";WKST=").append(wkst.toUpperCase(Locale.ROOT));
        }
        String rscale = Json.text(rule, "rscale");
        if (rscale != null) {
            b.append(";RSCALE=").append(rscale.toUpperCase(Locale.ROOT));
        }
        String skip = Json.text(rule, "skip");
        if (skip != null) {
            b.append(";SKIP=").append(skip.toUpperCase(Locale.ROOT));
        }
        return b.toString();
    }

    private static void list(StringBuilder b, String name, JsonNode values) {
        if (values == null || !values.isArray() || values.isEmpty()) {
            return;
        }
        b.append(';').append(name).append('=');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(values.get(i).asText());
        }
    }

    static List<String> weekdays() {
        return List.of("mo", "tu", "we", "th", "fr", "sa", "su");
    }
}
