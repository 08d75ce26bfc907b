package org.concord.codec;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * Compares iCalendar texts the way a user would: both parsed by ical4j, every component reduced
 * to its properties with times as instants (or dates, or floating times), parameter case and
 * order ignored, defaults (ROLE=REQ-PARTICIPANT, PARTSTAT=NEEDS-ACTION, …) dropped, DTEND and
 * DURATION both read as the end, VTIMEZONEs and DTSTAMP left out (regenerated on writing).
 */
final class ICalEquivalence {

    private static final Set<String> IGNORED = Set.of("DTSTAMP", "PRODID", "VERSION", "CALSCALE");

    private ICalEquivalence() {
    }

    static List<String> lost(String original, String rewritten) throws Exception {
        List<String> before = shapes(original);
        List<String> after = new ArrayList<>(shapes(rewritten));
        List<String> missing = new ArrayList<>();
        for (String s : before) {
            if (!after.remove(s)) {
                missing.add(s);
            }
        }
        return missing;
    }

    static List<String> shapes(String original) throws Exception {
        String text = ICalReading.normalizeDelimiters(original);
        List<String> out = new ArrayList<>();
        int start = 0;
        Matcher m = Pattern.compile("(?im)^BEGIN:VCALENDAR").matcher(text);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            start = starts.get(i);
            String part = text.substring(start, i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            Calendar calendar;
            try {
                calendar = new CalendarBuilder().build(new StringReader(part));
            } catch (net.fortuna.ical4j.data.ParserException e) {
                // ical4j refuses values our reader keeps (the lenient corpus file): compare raw lines
                for (RawComponent c : ICalReading.read(part)) {
                    raw(c, "", out);
                }
                continue;
            }
            for (Property p : calendar.getProperties()) {
                if (!IGNORED.contains(p.getName().toUpperCase(Locale.ROOT))) {
                    out.add("VCALENDAR|" + property(p));
                }
            }
            for (Component c : calendar.getComponents()) {
                if (!c.getName().equalsIgnoreCase("VTIMEZONE")) {
                    component(c, c.getName(), out);
                }
            }
        }
        return out;
    }

    private static void component(Component c, String path, List<String> out) {
        String id = c.getProperty("UID").map(Property::getValue).orElse("")
                + c.getProperty("RECURRENCE-ID").map(p -> "@" + property(p)).orElse("");
        String prefix = path + "[" + id + "]|";
        String startTime = null;
        String duration = null;
        for (Property p : c.getProperties()) {
            String name = p.getName().toUpperCase(Locale.ROOT);
            if (IGNORED.contains(name)) {
                continue;
            }
            if (name.equals("DTEND") || name.equals("DURATION")) {
                duration = name.equals("DTEND") ? "END=" + time(p) : "DUR=" + p.getValue();
                continue;
            }
            if (name.equals("DTSTART")) {
                startTime = time(p);
            }
            if (p instanceof DateListProperty<?> list && !(name.equals("RDATE") && p.getValue().contains("/"))) {
                for (Object t : list.getDates()) {
                    out.add(prefix + name + "|" + params(p, true) + "|" + temporal((Temporal) t));
                }
                continue;
            }
            if (name.equals("CATEGORIES")) {
                for (String v : VCardText.list(p.getValue())) {
                    out.add(prefix + name + "|" + v.trim());
                }
                continue;
            }
            out.add(prefix + property(p));
        }
        if (duration != null) {
            out.add(prefix + "END|" + end(startTime, duration));
        }
        int n = 0;
        for (Component sub : subComponents(c)) {
            component(sub, path + "/" + sub.getName() + (n++), out);
        }
    }

    private static void raw(RawComponent c, String path, List<String> out) {
        for (NativeProperty p : c.properties()) {
            if (!IGNORED.contains(p.name())) {
                out.add(path + c.name() + "|" + p.name() + "|" + new TreeMap<>(p.params()) + "|" + p.value());
            }
        }
        c.components().forEach(sub -> raw(sub, path + c.name() + "/", out));
    }

    @SuppressWarnings("unchecked")
    private static List<Component> subComponents(Component c) {
        try {
            Object list = c.getClass().getMethod("getComponentList").invoke(c);
            return (List<Component>) list.getClass().getMethod("getAll").invoke(list);
        } catch (ReflectiveOperationException e) {
            return List.of();
        }
    }

    /** The end as an instant when it can be computed, else the raw DTEND / DURATION. */
    private static String end(String start, String duration) {
        if (duration.startsWith("END=")) {
            return duration.substring(4);
        }
        java.time.Duration d = ICalTime.parseDuration(duration.substring(4));
        if (start != null && d != null) {
            if (start.startsWith("I:")) {
                return "I:" + Instant.parse(start.substring(2)).plus(d);
            }
            if (start.startsWith("D:")) {
                return "D:" + LocalDate.parse(start.substring(2)).plusDays(d.toDays());
            }
            if (start.startsWith("L:")) {
                return "L:" + LocalDateTime.parse(start.substring(2)).plus(d);
            }
        }
        return duration;
    }

    private static String property(Property p) {
        String name = p.getName().toUpperCase(Locale.ROOT);
        String value;
        if (p instanceof DateProperty<?>) {
            value = time(p);
        } else if (name.equals("TRIGGER") && ICalTime.canonicalDuration(p.getValue()) != null) {
            value = ICalTime.canonicalDuration(p.getValue());
        } else if (name.equals("RRULE") || name.equals("EXRULE")) {
            value = rule(p.getValue());
        } else {
            value = p.getValue();
        }
        return name + "|" + params(p, p instanceof DateProperty<?>) + "|" + value;
    }

    private static String rule(String value) {
        TreeMap<String, String> parts = new TreeMap<>();
        for (String part : value.split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                String k = kv[0].toUpperCase(Locale.ROOT);
                String v = kv[1].toUpperCase(Locale.ROOT);
                if (!(k.equals("INTERVAL") && v.equals("1")) && !(k.equals("WKST") && v.equals("MO"))) {
                    parts.put(k, v);
                }
            }
        }
        return parts.toString();
    }

    private static String time(Property p) {
        if (p instanceof DateProperty<?> d) {
            try {
                return temporal(d.getDate());
            } catch (RuntimeException e) {
                return "raw:" + p.getValue();
            }
        }
        return p.getValue();
    }

    private static String temporal(Temporal t) {
        if (t instanceof LocalDate d) {
            return "D:" + d;
        }
        if (t instanceof LocalDateTime l) {
            return "L:" + l;
        }
        if (t instanceof ZonedDateTime z) {
            return "I:" + z.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return "I:" + o.toInstant();
        }
        if (t instanceof Instant i) {
            return "I:" + i;
        }
        return String.valueOf(t);
    }

    private static String params(Property p, boolean time) {
        Map<String, TreeSet<String>> m = new TreeMap<>();
        for (Parameter param : p.getParameters()) {
            String name = param.getName().toUpperCase(Locale.ROOT);
            String v = param.getValue();
            if (time && (name.equals("TZID") || name.equals("VALUE"))) {
                continue;
            }
            if (isDefault(name, v)) {
                continue;
            }
            m.computeIfAbsent(name, k -> new TreeSet<>()).add(v.replace("\"", ""));
        }
        return m.toString();
    }

    private static boolean isDefault(String name, String v) {
        String u = v.toUpperCase(Locale.ROOT);
        return (name.equals("ROLE") && u.equals("REQ-PARTICIPANT")) || (name.equals("PARTSTAT") && u.equals("NEEDS-ACTION"))
                || (name.equals("RSVP") && u.equals("FALSE")) || (name.equals("CUTYPE") && u.equals("INDIVIDUAL"))
                || (name.equals("RELATED") && u.equals("START")) || (name.equals("VALUE") && u.equals("DURATION"))
                || (name.equals("VALUE") && u.equals("URI"));
    }

    static TemporalAmount unused() {
        return java.time.Duration.ZERO;
    }
}
