package org.concord.codec;

import com.github.mangstadt.vinnie.SyntaxStyle;
import com.github.mangstadt.vinnie.VObjectParameters;
import com.github.mangstadt.vinnie.io.VObjectWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes vCard lines on ez-vcard's syntax layer (vinnie): folding, quoted-printable for 2.1,
 * parameter quoting (and RFC 6868 caret encoding for 4.0). Names and parameter values that a
 * version cannot carry are made safe rather than refused, so writing never fails.
 */
final class VCardWriting {

    private final StringWriter out = new StringWriter(512);
    private final VObjectWriter writer;
    private final VCardVersion version;

    VCardWriting(VCardVersion version) {
        this.version = version;
        this.writer = new VObjectWriter(out, version == VCardVersion.V2_1 ? SyntaxStyle.OLD : SyntaxStyle.NEW);
        writer.setCaretEncodingEnabled(version == VCardVersion.V4_0);
        if (version == VCardVersion.V2_1) {
            // vinnie folds quoted-printable so that a continuation may begin with a space, which
            // readers then take for folding and drop; 2.1 readers accept long lines
            writer.getFoldedLineWriter().setLineLength(null);
        }
    }

    VCardVersion version() {
        return version;
    }

    void begin() {
        io(() -> {
            writer.writeBeginComponent("VCARD");
            writer.writeVersion(version.code());
        });
    }

    void end() {
        io(() -> writer.writeEndComponent("VCARD"));
    }

    /**
     * Writes one property. {@code value} is already in escaped text form (as the 3.0/4.0 syntax
     * has it); for 2.1 a line break ({@code \n}) or a non-ASCII character switches to
     * quoted-printable UTF-8, the way 2.1 readers expect.
     */
    void property(String group, String name, Map<String, List<String>> params, String value) {
        VObjectParameters p = new VObjectParameters();
        params.forEach((k, vs) -> {
            String pname = safeName(k).toUpperCase(Locale.ROOT);
            for (String v : vs) {
                p.put(pname, safeParamValue(v));
            }
        });
        String v = value == null ? "" : value;
        if (version == VCardVersion.V2_1) {
            v = v.replace("\\n", "\r\n").replace("\\N", "\r\n");
            if (needsQuotedPrintable(v)) {
                p.removeAll("ENCODING");
                p.put("ENCODING", "QUOTED-PRINTABLE");
                p.removeAll("CHARSET");
                p.put("CHARSET", "UTF-8");
            }
        } else {
            v = v.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
        }
        String g = group == null || group.isEmpty() ? null : safeName(group);
        String n = safeName(name).toUpperCase(Locale.ROOT);
        String finalValue = v;
        io(() -> writer.writeProperty(g, n, p, finalValue));
    }

    String text() {
        io(writer::flush);
        return out.toString();
    }

    private static boolean needsQuotedPrintable(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c > 126 || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /** Property, group and parameter names: only the characters the syntax reserves are replaced. */
    private static String safeName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c < ' ' || c == '.' || c == ':' || c == ';' || c == '=' || c == ',' || c == '"' ? '-' : c);
        }
        return b.isEmpty() ? "X-UNNAMED" : b.toString();
    }

    private String safeParamValue(String value) {
        String v = value.replace("\r\n", " ").replace('\r', ' ').replace('\n', version == VCardVersion.V4_0 ? '\n' : ' ');
        if (version == VCardVersion.V2_1) {
            // 2.1 has no quoting; VCardReading reverses this for 2.1 cards
            return v.replace("%", "%25").replace(":", "%3A").replace(";", "%3B");
        }
        return version == VCardVersion.V4_0 ? v : v.replace('"', '\'');
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
    }
}
