package org.concord.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * What servers do to a file without a user asking: reorder lines, refold, change line endings,
 * change the case of parameter names, restamp PRODID / REV / DTSTAMP / LAST-MODIFIED. Works on
 * logical (unfolded) lines so each mutation produces valid text.
 */
final class Mutations {

    private Mutations() {
    }

    /** Unfolded logical lines; quoted-printable soft line breaks (vCard 2.1) are joined too. */
    static List<String> logicalLines(String text) {
        List<String> physical = List.of(text.split("\r\n|\n|\r", -1));
        List<String> out = new ArrayList<>();
        boolean qpOpen = false;
        for (String line : physical) {
            if (!out.isEmpty() && (qpOpen || (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')))) {
                String joined = qpOpen ? out.get(out.size() - 1) + "\r\n" + line : out.get(out.size() - 1) + line.substring(1);
                out.set(out.size() - 1, joined);
            } else if (!line.isEmpty()) {
                out.add(line);
            }
            String last = out.isEmpty() ? "" : out.get(out.size() - 1);
            qpOpen = last.toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE") && last.endsWith("=");
        }
        return out;
    }

    static String join(List<String> lines, String eol) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l.replace("\r\n", eol)).append(eol);
        }
        return b.toString();
    }

    /** Reverses the order of the lines inside every component, sub-components moved as a whole. */
    static String reorder(String text) {
        List<String> lines = logicalLines(text);
        List<String> out = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < lines.size()) {
            out.addAll(block(lines, pos));
        }
        return join(out, "\r\n");
    }

    private static List<String> block(List<String> lines, int[] pos) {
        String first = lines.get(pos[0]++);
        if (!first.toUpperCase(Locale.ROOT).startsWith("BEGIN:")) {
            return List.of(first);
        }
        List<List<String>> items = new ArrayList<>();
        List<String> fixedHead = new ArrayList<>();
        String end = null;
        while (pos[0] < lines.size()) {
            String l = lines.get(pos[0]);
            String u = l.toUpperCase(Locale.ROOT);
            if (u.startsWith("END:")) {
                end = l;
                pos[0]++;
                break;
            }
            if (u.startsWith("VERSION:") && items.isEmpty()) {
                fixedHead.add(l); // a vCard's VERSION must stay first
                pos[0]++;
                continue;
            }
            items.add(u.startsWith("BEGIN:") ? block(lines, pos) : List.of(lines.get(pos[0]++)));
        }
        Collections.reverse(items);
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(fixedHead);
        items.forEach(out::addAll);
        if (end != null) {
            out.add(end);
        }
        return out;
    }

    /** Folds every logical line at {@code width} characters (never inside a surrogate pair). */
    static String refold(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String l : logicalLines(text)) {
            if (l.contains("\r\n")) {
                out.add(l); // quoted-printable: its own line structure
                continue;
            }
            StringBuilder b = new StringBuilder();
            int col = 0;
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (col >= width && !Character.isLowSurrogate(c)) {
                    b.append("\r\n ");
                    col = 1;
                }
                b.append(c);
                col++;
            }
            out.add(b.toString());
        }
        return join(out, "\r\n");
    }

    static String lineEndings(String text, String eol) {
        return join(logicalLines(text), eol);
    }

    /** Changes the case of every parameter name (the part before '=' of each ';'-separated segment). */
    static String paramNameCase(String text, boolean upper) {
        List<String> out = new ArrayList<>();
        for (String l : logicalLines(text)) {
            int colon = nameEnd(l);
            String head = l.substring(0, colon);
            String[] parts = head.split(";", -1);
            StringBuilder b = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                String name = eq < 0 ? parts[i] : parts[i].substring(0, eq);
                String rest = eq < 0 ? "" : parts[i].substring(eq);
                b.append(';').append(upper ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT)).append(rest);
            }
            out.add(b + l.substring(colon));
        }
        return join(out, "\r\n");
    }

    /** Position of the ':' that ends name and parameters (not one inside a quoted parameter value). */
    private static int nameEnd(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return line.length();
    }

    /** Replaces the value of every line of the given property names (any parameters kept). */
    static String restamp(String text, List<String> names, UnaryOperator<String> newValue) {
        List<String> out = new ArrayList<>();
        for (String l : logicalLines(text)) {
            int colon = nameEnd(l);
            String head = l.substring(0, colon);
            String name = head.split(";", 2)[0];
            name = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
            if (colon < l.length() && names.contains(name.toUpperCase(Locale.ROOT))) {
                out.add(head + ":" + newValue.apply(name.toUpperCase(Locale.ROOT)));
            } else {
                out.add(l);
            }
        }
        return join(out, "\r\n");
    }
}
