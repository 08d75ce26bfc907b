package org.concord.app.archive;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailEnvelope;
import org.concord.spi.MailMessage;

/**
 * Reads a MIME message into an envelope, its plain text and its attachments, keeping what can be
 * read and a warning for each thing that cannot (a header that does not parse, a multipart with
 * no closing boundary, a part whose encoding is broken). Each attachment is decoded once here, to
 * a counter, so its size is exact and a broken one is known before anything is filed.
 */
final class MimeReader {
    /** Lenient where mail in the wild is sloppy, strict where we must notice breakage. */
    static final Session SESSION = Session.getInstance(properties());

    /** More plain text than this is cut: a record keeps the message, the text is for reading. */
    static final int MAX_TEXT_CHARS = 1_000_000;
    private static final int MAX_DEPTH = 30;

    private final Path file;
    private final long size;
    private final List<String> warnings = new ArrayList<>();
    private final List<MailAttachment> attachments = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private String plain;
    private String html;

    MimeReader(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    private static Properties properties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.decodeparameters", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "false");
        // headers in raw UTF-8 (RFC 6532), as many mailers now send them
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    MailMessage read(MimeMessage m) throws IOException {
        String messageId = messageId(m);
        String subject = header("Subject", () -> m.getSubject()).orElse("");
        List<String> from = addresses(m, "From");
        String fromDisplay = header("From", () -> {
            Address[] a = m.getFrom();
            return a == null || a.length == 0 ? null : a[0] instanceof InternetAddress ia ? ia.toUnicodeString() : a[0].toString();
        }).orElse(raw(m, "From"));
        Optional<Instant> date = header("Date", () -> m.getSentDate() == null ? null : m.getSentDate().toInstant().toString())
                .map(Instant::parse);
        walk(m, 0, "the message");
        String text = plain != null ? plain : html != null ? HtmlText.of(html) : "";
        MailEnvelope envelope = new MailEnvelope(messageId, subject, from.isEmpty() ? "" : from.getFirst(), fromDisplay,
                addresses(m, "To"), addresses(m, "Cc"), date, text);
        return new MailMessage(envelope, size, () -> Files.newInputStream(file), attachments, warnings);
    }

    private interface HeaderRead {
        String get() throws MessagingException;
    }

    private Optional<String> header(String name, HeaderRead read) {
        try {
            return Optional.ofNullable(read.get()).map(String::strip);
        } catch (MessagingException | RuntimeException e) {
            warnings.add("the " + name + " header cannot be read (" + e.getMessage() + "): it is left out");
            return Optional.empty();
        }
    }

    private static String raw(MimeMessage m, String name) {
        try {
            String v = m.getHeader(name, ", ");
            return v == null ? "" : v.strip();
        } catch (MessagingException e) {
            return "";
        }
    }

    private List<String> addresses(MimeMessage m, String name) {
        String value = raw(m, name);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
                if (a.getAddress() != null && a.getAddress().contains("@")) {
                    out.add(a.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        } catch (AddressException e) {
            warnings.add("the " + name + " header is not a list of addresses (" + e.getMessage() + "): '" + shorten(value) + "'");
            return out;
        }
        if (out.isEmpty()) {
            warnings.add("the " + name + " header holds no e-mail address: '" + shorten(value) + "'");
        }
        return out;
    }

    private String messageId(MimeMessage m) throws IOException {
        String id = raw(m, "Message-ID");
        if (!id.isEmpty()) {
            return id;
        }
        String made = "<" + sha256(file) + "@concord.invalid>";
        warnings.add("the message has no Message-ID: it is filed as " + made + ", made from its content");
        return made;
    }

    private void walk(Part part, int depth, String where) {
        if (depth > MAX_DEPTH) {
            warnings.add(where + " is nested more than " + MAX_DEPTH + " levels deep: what is deeper is left out");
            return;
        }
        try {
            if (part.isMimeType("multipart/*")) {
                Object content = part.getContent();
                if (!(content instanceof MimeMultipart mp)) {
                    warnings.add(where + " says it is multipart but cannot be split: it is left out (the source keeps it)");
                    return;
                }
                int count = mp.getCount();
                if (!mp.isComplete()) {
                    warnings.add(where + " has no closing boundary: the message looks cut short, and its last part may be incomplete");
                }
                for (int i = 0; i < count; i++) {
                    walk(mp.getBodyPart(i), depth + 1, "part " + (depth == 0 ? "" : where.replace("part ", "") + ".") + (i + 1));
                }
                return;
            }
            String name = fileName(part);
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
            if (name == null && !attached && !part.isMimeType("message/rfc822")) {
                if (part.isMimeType("text/plain") && plain == null) {
                    plain = text(part, where);
                    return;
                }
                if (part.isMimeType("text/html") && html == null) {
                    html = text(part, where);
                    return;
                }
                if (part.isMimeType("text/*") || depth > 0 && part.getDisposition() == null) {
                    return;
                }
            }
            attachment(part, name != null ? name : part.isMimeType("message/rfc822") ? "message.eml" : "attachment", where);
        } catch (MessagingException | IOException | RuntimeException e) {
            warnings.add(where + " cannot be read (" + e.getMessage() + "): it is left out (the source keeps it)");
        }
    }

    private void attachment(Part part, String name, String where) throws MessagingException {
        long decoded;
        try (InputStream in = part.getInputStream()) {
            decoded = in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            warnings.add("attachment '" + name + "' (" + where + ") cannot be decoded (" + e.getMessage()
                    + "): it is left out (the source keeps it as sent)");
            return;
        }
        String type = mediaType(part);
        attachments.add(new MailAttachment(unique(name), type, decoded, () -> {
            try {
                return part.getInputStream();
            } catch (MessagingException e) {
                throw new IOException("attachment '" + name + "' cannot be opened: " + e.getMessage(), e);
            }
        }));
    }

    private String unique(String name) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; !names.add(candidate); n++) {
            candidate = stem + " (" + n + ")" + ext;
        }
        return candidate;
    }

    private String text(Part part, String where) throws MessagingException, IOException {
        Charset charset = charset(part, where);
        StringBuilder b = new StringBuilder();
        try (Reader r = new java.io.InputStreamReader(part.getInputStream(), charset)) {
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                int room = MAX_TEXT_CHARS - b.length();
                b.append(buf, 0, Math.min(n, room));
                if (n > room) {
                    warnings.add("the text of " + where + " is longer than " + MAX_TEXT_CHARS + " characters: the record keeps the start");
                    break;
                }
            }
        } catch (IOException e) {
            warnings.add("the text of " + where + " cannot be fully decoded (" + e.getMessage() + "): the record keeps what could be read");
        }
        return b.toString();
    }

    private Charset charset(Part part, String where) throws MessagingException {
        String type = part.getContentType();
        try {
            String name = new jakarta.mail.internet.ContentType(type).getParameter("charset");
            if (name == null) {
                return StandardCharsets.US_ASCII;
            }
            return Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (jakarta.mail.internet.ParseException | IllegalArgumentException e) {
            warnings.add("the charset of " + where + " is unknown (" + shorten(type) + "): it is read as UTF-8");
            return StandardCharsets.UTF_8;
        }
    }

    private static String mediaType(Part part) {
        try {
            return new jakarta.mail.internet.ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return rawUtf8(MimeUtility.decodeText(name)).strip();
        } catch (UnsupportedEncodingException e) {
            return rawUtf8(name).strip();
        }
    }

    /**
     * A part's headers are read as ISO-8859-1, so a name sent as raw UTF-8 (RFC 6532) arrives as
     * one character per byte: if its bytes are valid UTF-8 with some above ASCII, that is what
     * was meant.
     */
    static String rawUtf8(String s) {
        if (s.chars().allMatch(c -> c < 0x80) || s.chars().anyMatch(c -> c > 0xff)) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return s;
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
