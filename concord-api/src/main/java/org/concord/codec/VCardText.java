package org.concord.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Escaping of vCard text values (RFC 6350 §3.4): backslash, comma, semicolon and line breaks.
 * Unlike a strict reader, an unknown escape such as {@code C:\dir} keeps its backslash, so
 * Windows paths and odd exports survive.
 */
final class VCardText {

    private VCardText() {
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                switch (n) {
                    case 'n', 'N' -> b.append('\n');
                    case ',', ';', '\\', ':' -> b.append(n);
                    default -> {
                        b.append(c).append(n);
                    }
                }
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ',' -> b.append("\\,");
                case ';' -> b.append("\\;");
                case '\r' -> {
                    b.append("\\n");
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Splits on a separator that is not escaped; the parts stay escaped. */
    static List<String> split(String s, char separator, int limit) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator && (limit <= 0 || parts.size() < limit - 1)) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** N, ADR: components separated by ';', values within a component by ','. */
    static List<List<String>> structured(String s) {
        List<List<String>> out = new ArrayList<>();
        for (String component : split(s, ';', 0)) {
            List<String> values = new ArrayList<>();
            if (!component.isEmpty()) {
                for (String v : split(component, ',', 0)) {
                    values.add(unescape(v));
                }
            }
            out.add(values);
        }
        return out;
    }

    /** ORG, GENDER: components separated by ';' only. */
    static List<String> semiStructured(String s, int limit) {
        List<String> out = new ArrayList<>();
        for (String part : split(s, ';', limit)) {
            out.add(unescape(part));
        }
        return out;
    }

    /** NICKNAME, CATEGORIES: values separated by ','. */
    static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        for (String part : split(s, ',', 0)) {
            out.add(unescape(part));
        }
        return out;
    }

    static String writeStructured(List<List<String>> components) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < components.size(); i++) {
            if (i > 0) {
                b.append(';');
            }
            List<String> values = components.get(i);
            for (int j = 0; j < values.size(); j++) {
                if (j > 0) {
                    b.append(',');
                }
                b.append(escape(values.get(j)));
            }
        }
        return b.toString();
    }

    static String writeSemiStructured(List<String> parts) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                b.append(';');
            }
            b.append(escape(parts.get(i)));
        }
        return b.toString();
    }

    static String writeList(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(escape(values.get(i)));
        }
        return b.toString();
    }
}
