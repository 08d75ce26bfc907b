package org.concord.codec;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;

/**
 * Reads iCalendar text into raw components with ical4j's parser (unfolding, tokenizing). Values
 * stay as written: the mapping decides per property what they mean, so one bad value never fails
 * the whole object.
 */
final class ICalReading {

    /** BEGIN / END lines in any case: ical4j's parser wants them upper case, RFC 5545 says case does not matter. */
    private static final Pattern BEGIN_END = Pattern.compile("(?m)^[ \\t]*((?i:begin|end)[ \\t]*:[^\\r\\n]*)");
    private static final Pattern BEGIN_CALENDAR = Pattern.compile("(?im)^[ \\t]*BEGIN[ \\t]*:[ \\t]*VCALENDAR[ \\t]*\\r?$");

    private ICalReading() {
    }

    /** Every VCALENDAR of the text (a concatenation of several is accepted). */
    static List<RawComponent> read(String text) throws CodecException {
        if (text == null || text.isBlank()) {
            throw new CodecException("iCalendar: the text is empty");
        }
        List<Integer> starts = new ArrayList<>();
        Matcher m = BEGIN_CALENDAR.matcher(text);
        while (m.find()) {
            starts.add(m.start());
        }
        if (starts.isEmpty()) {
            String first = text.strip().lines().findFirst().orElse("");
            if (first.length() > 60) {
                first = first.substring(0, 60) + "…";
            }
            String hint = text.toUpperCase(Locale.ROOT).contains("BEGIN:VCARD") ? " (a vCard, not an iCalendar object)" : "";
            throw new CodecException("iCalendar: no BEGIN:VCALENDAR found; the text starts with '" + first + "'" + hint);
        }
        List<RawComponent> calendars = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String part = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            int firstLine = (int) text.substring(0, starts.get(i)).chars().filter(c -> c == '\n').count() + 1;
            calendars.add(readOne(part, firstLine));
        }
        return calendars;
    }

    /** The text with BEGIN / END lines upper-cased (only when some are not). */
    static String normalizeDelimiters(String text) {
        Matcher m = BEGIN_END.matcher(text);
        StringBuilder b = null;
        int last = 0;
        while (m.find()) {
            String line = m.group(1);
            String upper = line.toUpperCase(Locale.ROOT).replaceAll("[ \\t]*:[ \\t]*", ":").strip();
            if (!upper.equals(line)) {
                if (b == null) {
                    b = new StringBuilder(text.length());
                }
                b.append(text, last, m.start()).append(upper);
                last = m.end();
            }
        }
        if (b == null) {
            return text;
        }
        return b.append(text, last, text.length()).toString();
    }

    private static RawComponent readOne(String rawText, int firstLine) throws CodecException {
        String text = normalizeDelimiters(rawText);
        Handler handler = new Handler();
        try {
            new CalendarParserImpl().parse(new UnfoldingReader(new StringReader(text), true), handler);
        } catch (ParserException e) {
            int line = e.getLineNo() > 0 ? e.getLineNo() + firstLine - 1 : firstLine;
            String reason = e.getMessage() == null ? "syntax error" : e.getMessage().replaceFirst("^Error at line \\d+:\\s*", "");
            throw new CodecException("iCalendar: not a valid VCALENDAR at line " + line + ": " + reason, e);
        } catch (IOException | RuntimeException e) {
            throw new CodecException("iCalendar: cannot read the VCALENDAR starting on line " + firstLine + ": " + e.getMessage(), e);
        }
        if (handler.calendar == null) {
            throw new CodecException("iCalendar: the VCALENDAR starting on line " + firstLine + " is not complete");
        }
        return handler.calendar;
    }

    private static final class Builder {
        final String name;
        final List<NativeProperty> properties = new ArrayList<>();
        final List<RawComponent> components = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        RawComponent build() {
            return new RawComponent(name, List.copyOf(properties), List.copyOf(components));
        }
    }

    private static final class Handler implements ContentHandler {
        final Deque<Builder> stack = new ArrayDeque<>();
        RawComponent calendar;
        String propertyName;
        Map<String, List<String>> params;
        String value;

        @Override
        public void startCalendar() {
            stack.push(new Builder("VCALENDAR"));
        }

        @Override
        public void endCalendar() {
            if (!stack.isEmpty()) {
                Builder b = stack.pop();
                calendar = b.build();
            }
        }

        @Override
        public void startComponent(String name) {
            stack.push(new Builder(name));
        }

        @Override
        public void endComponent(String name) {
            if (stack.size() > 1) {
                RawComponent c = stack.pop().build();
                stack.peek().components.add(c);
            }
        }

        @Override
        public void startProperty(String name) {
            propertyName = name;
            params = new LinkedHashMap<>();
            value = "";
        }

        @Override
        public void parameter(String name, String paramValue) {
            String v = paramValue == null ? "" : paramValue;
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                v = v.substring(1, v.length() - 1);
            }
            params.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(v);
        }

        @Override
        public void propertyValue(String propertyValue) {
            value = propertyValue == null ? "" : propertyValue;
        }

        @Override
        public void endProperty(String name) {
            if (!stack.isEmpty() && propertyName != null) {
                stack.peek().properties.add(new NativeProperty(null, propertyName.trim(), params, value, 0));
            }
            propertyName = null;
        }
    }
}
