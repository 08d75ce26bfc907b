package org.concord.store.jdbc;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A link's per-field hashes as JSON text: {@code {"emails":"3f…","name":"9a…"}}, keys sorted.
 *
 * <p>Written and read by hand rather than with a general JSON library: every change the engine
 * reads saves a link and most look one up, and for these flat objects of short strings the
 * library's set-up cost was a quarter of the store's CPU time.
 */
final class FieldHashes {

    private FieldHashes() {}

    static String toJson(Map<String, String> hashes) {
        String[] keys = hashes.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        StringBuilder json = new StringBuilder(2 + keys.length * 56).append('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(json, keys[i]).append(':');
            quote(json, hashes.get(keys[i]));
        }
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    /** Reads what {@link #toJson} wrote (or any JSON object whose values are all strings). */
    static Map<String, String> fromJson(String json) throws SQLException {
        return new Reader(json).object();
    }

    private static final class Reader {
        private final String json;
        private int at;

        Reader(String json) {
            this.json = json;
        }

        Map<String, String> object() throws SQLException {
            List<Map.Entry<String, String>> entries = new ArrayList<>();
            skipSpace();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                at++;
            } else {
                while (true) {
                    String key = string();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    entries.add(Map.entry(key, string()));
                    skipSpace();
                    char c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw malformed("',' or '}' expected");
                    }
                    skipSpace();
                }
            }
            skipSpace();
            if (at != json.length()) {
                throw malformed("text after the object");
            }
            try {
                @SuppressWarnings("unchecked")
                Map.Entry<String, String>[] array = entries.toArray(new Map.Entry[0]);
                return Map.ofEntries(array);
            } catch (IllegalArgumentException e) {
                throw malformed("a field appears twice");
            }
        }

        private String string() throws SQLException {
            expect('"');
            int start = at;
            while (at < json.length()) {
                char c = json.charAt(at);
                if (c == '"') {
                    return json.substring(start, at++);
                }
                if (c == '\\') {
                    return escaped(start);
                }
                at++;
            }
            throw malformed("unterminated string");
        }

        private String escaped(int start) throws SQLException {
            StringBuilder s = new StringBuilder(json.substring(start, at));
            while (true) {
                char c = next();
                if (c == '"') {
                    return s.toString();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'u' -> {
                        if (at + 4 > json.length()) {
                            throw malformed("short \\u escape");
                        }
                        try {
                            s.append((char) Integer.parseInt(json, at, at + 4, 16));
                        } catch (NumberFormatException x) {
                            throw malformed("bad \\u escape");
                        }
                        at += 4;
                    }
                    default -> throw malformed("bad escape \\" + e);
                }
            }
        }

        private void skipSpace() {
            while (at < json.length() && Character.isWhitespace(json.charAt(at))) {
                at++;
            }
        }

        private char peek() throws SQLException {
            if (at >= json.length()) {
                throw malformed("unexpected end");
            }
            return json.charAt(at);
        }

        private char next() throws SQLException {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) throws SQLException {
            if (next() != c) {
                throw malformed("'" + c + "' expected");
            }
        }

        private SQLException malformed(String reason) {
            return new SQLException("field hashes are not a JSON object of strings (" + reason + " at " + at + ")");
        }
    }
}
