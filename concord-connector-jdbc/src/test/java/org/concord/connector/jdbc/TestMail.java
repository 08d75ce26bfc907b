package org.concord.connector.jdbc;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailEnvelope;
import org.concord.spi.MailMessage;

/**
 * Messages for archive tests, written as RFC 822 files (text, HTML, base64 attachments) and read
 * back as the SPI's {@link MailMessage}: the source streamed from the file, each attachment's
 * decoded bytes made again on demand from a seed, so a 25 MB attachment is never in memory.
 */
final class TestMail {

    /** An attachment whose {@code size} bytes are made from {@code seed}. */
    record Part(String name, String mediaType, long size, long seed) {
        InputStream open() {
            return new Generated(size, seed);
        }

        String sha256() throws IOException {
            return TestMail.sha256(open());
        }
    }

    /** What a message has; {@code brokenHtml} writes its HTML part as base64 with garbage inside and leaves out the closing boundary. */
    record Spec(String messageId, String subject, String fromName, String from, List<String> to, List<String> cc, Instant date,
            String text, String html, List<Part> parts, boolean broken) {}

    static Spec spec(String messageId, Part... parts) {
        return new Spec(messageId, "Proposal v2", "Hanna Schulz", "hanna.schulz@northwind.example", List.of("alice@crm.example"),
                List.of("lukas.brandt@northwind.example"), Instant.parse("2025-03-27T15:42:00Z"),
                "Hello Alice,\nthe revised proposal is attached.\nHanna", "<p>Hello Alice,</p><p>the <b>revised</b> proposal is attached.</p>",
                List.of(parts), false);
    }

    private TestMail() {}

    /** Writes the message to {@code file} and answers it as the SPI carries it. */
    static MailMessage write(Path file, Spec s, List<String> warnings) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
            line(out, "Message-ID: " + s.messageId());
            line(out, "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(s.date().atOffset(ZoneOffset.UTC)));
            line(out, "From: " + s.fromName() + " <" + s.from() + ">");
            line(out, "To: " + String.join(", ", s.to()));
            if (!s.cc().isEmpty()) {
                line(out, "Cc: " + String.join(", ", s.cc()));
            }
            line(out, "Subject: " + s.subject());
            line(out, "MIME-Version: 1.0");
            line(out, "Content-Type: multipart/mixed; boundary=\"outer-b1\"");
            line(out, "");
            line(out, "--outer-b1");
            line(out, "Content-Type: multipart/alternative; boundary=\"inner-b2\"");
            line(out, "");
            line(out, "--inner-b2");
            line(out, "Content-Type: text/plain; charset=utf-8");
            line(out, "Content-Transfer-Encoding: 8bit");
            line(out, "");
            line(out, s.text());
            line(out, "--inner-b2");
            line(out, "Content-Type: text/html; charset=utf-8");
            if (s.broken()) {
                line(out, "Content-Transfer-Encoding: base64");
                line(out, "");
                String b64 = Base64.getEncoder().encodeToString(s.html().getBytes(StandardCharsets.UTF_8));
                line(out, b64.substring(0, 16));
                line(out, "@@ not base64 at all @@");
                line(out, b64.substring(16));
                // the alternative and the message end here, without their closing boundaries
            } else {
                line(out, "Content-Transfer-Encoding: 8bit");
                line(out, "");
                line(out, s.html());
                line(out, "--inner-b2--");
                attachments(out, s);
                line(out, "--outer-b1--");
            }
        }
        return message(file, s, warnings);
    }

    private static void attachments(OutputStream out, Spec s) throws IOException {
        for (Part p : s.parts()) {
            line(out, "--outer-b1");
            line(out, "Content-Type: " + p.mediaType() + "; name=\"" + p.name() + "\"");
            line(out, "Content-Disposition: attachment; filename=\"" + p.name() + "\"");
            line(out, "Content-Transfer-Encoding: base64");
            line(out, "");
            try (InputStream in = p.open(); OutputStream enc = Base64.getMimeEncoder().wrap(new NonClosing(out))) {
                in.transferTo(enc);
            }
            line(out, "");
        }
    }

    /** A message {@link #write} wrote before, read again (in another JVM). */
    static MailMessage message(Path file, Spec s, List<String> warnings) throws IOException {
        List<MailAttachment> attachments = new ArrayList<>();
        for (Part p : s.parts()) {
            attachments.add(new MailAttachment(p.name(), p.mediaType(), p.size(), p::open));
        }
        MailEnvelope envelope = new MailEnvelope(s.messageId(), s.subject(), s.from(), s.fromName() + " <" + s.from() + ">",
                s.to(), s.cc(), Optional.of(s.date()), s.text());
        return new MailMessage(envelope, Files.size(file), () -> Files.newInputStream(file), attachments, warnings);
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\r');
        out.write('\n');
    }

    static String sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes made from a seed by xorshift, as many as asked, the same every time. */
    private static final class Generated extends InputStream {
        private long left;
        private long state;

        Generated(long size, long seed) {
            this.left = size;
            this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        }

        private int next() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (int) (state & 0xff);
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return next();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) next();
            }
            left -= n;
            return n;
        }
    }

    /** Lets the base64 encoder be closed (to write its last bytes) without closing the message file. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
