package org.concord.codec;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes iCalendar lines: CRLF endings, folding at 75 octets without splitting a character,
 * parameter values quoted where the syntax needs it.
 */
final class ICalWriting {

    private final StringBuilder out = new StringBuilder(1024);

    void begin(String name) {
        line("BEGIN:" + name.toUpperCase(Locale.ROOT));
    }

    void end(String name) {
        line("END:" + name.toUpperCase(Locale.ROOT));
    }

    void property(String name, Map<String, List<String>> params, String value) {
        StringBuilder b = new StringBuilder(safeName(name).toUpperCase(Locale.ROOT));
        params.forEach((k, values) -> {
            if (values.isEmpty()) {
                return;
            }
            b.append(';').append(safeName(k).toUpperCase(Locale.ROOT)).append('=');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(paramValue(values.get(i)));
            }
        });
        String v = value == null ? "" : value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
        line(b.append(':').append(v).toString());
    }

    void property(NativeProperty p) {
        property(p.name(), p.params(), p.value());
    }

    /** A whole raw component, e.g. a carried VALARM or a VTIMEZONE. */
    void component(RawComponent c) {
        begin(c.name());
        c.properties().forEach(this::property);
        c.components().forEach(this::component);
        end(c.name());
    }

    void raw(String text) {
        out.append(text);
        if (!text.endsWith("\r\n")) {
            out.append("\r\n");
        }
    }

    String text() {
        return out.toString();
    }

    static String componentText(RawComponent c) {
        ICalWriting w = new ICalWriting();
        w.component(c);
        return w.text();
    }

    private static String paramValue(String v) {
        String clean = v.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('"', '\'');
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c == ':' || c == ';' || c == ',' || c == '=') {
                // ical4j's reader treats a backslash inside quotes as an escape
                return '"' + clean.replace("\\", "\\\\") + '"';
            }
        }
        return clean;
    }

    private static String safeName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '-');
        }
        return b.isEmpty() ? "X-UNNAMED" : b.toString();
    }

    /** Folds at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence or a surrogate pair. */
    private void line(String line) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + len > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += len;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
