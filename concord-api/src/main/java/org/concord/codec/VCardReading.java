package org.concord.codec;

import com.github.mangstadt.vinnie.VObjectProperty;
import com.github.mangstadt.vinnie.io.Context;
import com.github.mangstadt.vinnie.io.SyntaxRules;
import com.github.mangstadt.vinnie.io.VObjectDataListener;
import com.github.mangstadt.vinnie.io.VObjectReader;
import com.github.mangstadt.vinnie.io.Warning;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads vCard text into cards of {@link NativeProperty}, on ez-vcard's syntax layer (vinnie):
 * unfolding, quoted-printable and charsets, vCard 2.1 bare parameters. A line that is not a
 * property at all is kept as an {@code X-CONCORD-UNPARSED} property rather than dropped.
 */
final class VCardReading {

    /** The name under which a line that could not be read as a property is carried. */
    static final String UNPARSED = "X-CONCORD-UNPARSED";

    private static final Pattern VERSION_LINE = Pattern.compile("(?im)^[ \\t]*VERSION[ \\t]*:[ \\t]*([0-9.]+)");
    private static final Pattern BEGIN_LINE = Pattern.compile("(?im)^[ \\t]*BEGIN[ \\t]*:[ \\t]*VCARD[ \\t]*$");

    record RawCard(String version, int line, List<NativeProperty> properties) {
        VCardVersion knownVersion() {
            return VCardVersion.byCode(version).orElse(VCardVersion.V3_0);
        }
    }

    private VCardReading() {
    }

    static Optional<VCardVersion> firstVersion(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher begin = BEGIN_LINE.matcher(text);
        if (!begin.find()) {
            return Optional.empty();
        }
        Matcher m = VERSION_LINE.matcher(text);
        return m.find(begin.end()) ? VCardVersion.byCode(m.group(1)) : Optional.empty();
    }

    static List<RawCard> read(String text) throws CodecException {
        if (text == null || text.isBlank()) {
            throw new CodecException("vCard: the text is empty");
        }
        Listener listener = new Listener();
        try (VObjectReader reader = new VObjectReader(new TextReader(text), SyntaxRules.vcard())) {
            reader.setCaretDecodingEnabled(true);
            reader.parse(listener);
        } catch (IOException e) {
            throw new CodecException("vCard: cannot read the text: " + e.getMessage(), e);
        }
        if (listener.open != null) {
            throw new CodecException("vCard: the VCARD that begins on line " + listener.open.line
                    + " has no END:VCARD (truncated text?)");
        }
        if (listener.cards.isEmpty()) {
            String first = text.strip().lines().findFirst().orElse("");
            if (first.length() > 60) {
                first = first.substring(0, 60) + "…";
            }
            String hint = text.toUpperCase(Locale.ROOT).contains("BEGIN:VCALENDAR") ? " (an iCalendar object, not a vCard)" : "";
            throw new CodecException("vCard: no BEGIN:VCARD found; the text starts with '" + first + "'" + hint);
        }
        return listener.cards;
    }

    private static final class Open {
        final int line;
        String version;
        final List<NativeProperty> properties = new ArrayList<>();

        Open(int line) {
            this.line = line;
        }
    }

    private static final class Listener implements VObjectDataListener {
        final List<RawCard> cards = new ArrayList<>();
        Open open;
        int depth;

        @Override
        public void onComponentBegin(String name, Context context) {
            if ("VCARD".equalsIgnoreCase(name) && depth == 0) {
                open = new Open(context.getLineNumber());
            }
            depth++;
        }

        @Override
        public void onComponentEnd(String name, Context context) {
            depth = Math.max(0, depth - 1);
            if (depth == 0 && open != null) {
                cards.add(new RawCard(open.version, open.line, List.copyOf(open.properties)));
                open = null;
            }
        }

        @Override
        public void onProperty(VObjectProperty property, Context context) {
            if (open == null) {
                return; // text between cards is not part of any object
            }
            open.properties.add(toNative(property, context.getLineNumber(), "2.1".equals(open.version)));
        }

        @Override
        public void onVersion(String value, Context context) {
            if (open != null && depth == 1) {
                open.version = value;
            } else if (open != null) {
                open.properties.add(new NativeProperty(null, "VERSION", Map.of(), value, context.getLineNumber()));
            }
        }

        @Override
        public void onWarning(Warning warning, VObjectProperty property, Exception thrown, Context context) {
            if (open == null) {
                return;
            }
            if (property != null) {
                // e.g. a quoted-printable value that does not decode: keep the value as written
                open.properties.add(toNative(property, context.getLineNumber(), "2.1".equals(open.version)));
            } else if (warning == Warning.MALFORMED_LINE && context.getUnfoldedLine() != null
                    && !context.getUnfoldedLine().isBlank()) {
                open.properties.add(new NativeProperty(null, UNPARSED, Map.of(), context.getUnfoldedLine(),
                        context.getLineNumber()));
            }
        }
    }

    private static NativeProperty toNative(VObjectProperty property, int line, boolean v21) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        boolean quotedPrintable = property.getParameters().isQuotedPrintable();
        for (Map.Entry<String, List<String>> e : property.getParameters()) {
            String name = e.getKey() == null ? "type" : e.getKey().toLowerCase(Locale.ROOT);
            if ("charset".equals(name) || ("encoding".equals(name) && quotedPrintable)) {
                continue; // transport details, already applied by the reader
            }
            List<String> values = params.computeIfAbsent(name, k -> new ArrayList<>());
            for (String v : e.getValue()) {
                if ("type".equals(name)) {
                    for (String part : v.split(",")) {
                        if (!part.isBlank()) {
                            values.add(part.trim().toLowerCase(Locale.ROOT)); // TYPE values ignore case
                        }
                    }
                } else {
                    values.add(v21 && v.indexOf('%') >= 0 ? v.replace("%3A", ":").replace("%3B", ";").replace("%25", "%") : v);
                }
            }
        }
        String value = property.getValue() == null ? "" : property.getValue();
        if (quotedPrintable && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            // vCard 2.1 line breaks travel as QP; keep them in the escaped form the other versions use
            value = value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
        }
        return new NativeProperty(property.getGroup(), property.getName(), params, value, line);
    }
}
