package org.concord.connector.jdbc;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.concord.spi.MailMessage;

/**
 * The HTML body of a message, for a CRM that keeps it beside the plain text. The SPI's envelope
 * carries only the text, so the HTML part is found in the source: the first {@code text/html} part
 * that is not an attachment, decoded with its charset. The source is parsed through a
 * {@link SourceWindow}, so attachments are streamed past, never held.
 */
final class HtmlBody {
    /** More HTML than this is cut: a record keeps the message, the body is for reading. */
    static final int MAX_CHARS = 1_000_000;
    private static final int MAX_DEPTH = 30;
    private static final Session SESSION = Session.getInstance(properties());

    private HtmlBody() {}

    private static Properties properties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "false");
        return p;
    }

    /** The HTML body, or empty when the message has none; what cannot be read becomes a warning. */
    static Optional<String> read(MailMessage message, List<String> warnings) {
        try (SourceWindow source = SourceWindow.of(message.source())) {
            return find(new MimeMessage(SESSION, source), 0, warnings);
        } catch (MessagingException | IOException | RuntimeException e) {
            warnings.add("the HTML body cannot be read (" + reason(e) + "): the record keeps the plain text only");
            return Optional.empty();
        }
    }

    /** The failure in words, with the cause a MIME parser wraps ("Error in input stream") spelled out. */
    private static String reason(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != e; c = c.getCause()) {
            if (c.getMessage() != null && !b.toString().contains(c.getMessage())) {
                b.append(": ").append(c.getMessage());
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return b.toString();
    }

    private static Optional<String> find(Part part, int depth, List<String> warnings) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (part.isMimeType("multipart/*")) {
            if (!(part.getContent() instanceof MimeMultipart multipart)) {
                return Optional.empty();
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                Optional<String> html;
                try {
                    html = find(multipart.getBodyPart(i), depth + 1, warnings);
                } catch (MessagingException | IOException | RuntimeException e) {
                    continue; // the reader of the message warned about this part already
                }
                if (html.isPresent()) {
                    return html;
                }
            }
            return Optional.empty();
        }
        if (part.isMimeType("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName() == null) {
            return Optional.of(text(part, warnings));
        }
        return Optional.empty();
    }

    private static String text(Part part, List<String> warnings) throws MessagingException, IOException {
        StringBuilder b = new StringBuilder();
        try (Reader r = new InputStreamReader(part.getInputStream(), charset(part))) {
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) > 0) {
                int room = MAX_CHARS - b.length();
                b.append(buf, 0, Math.min(n, room));
                if (n > room) {
                    warnings.add("the HTML body is longer than " + MAX_CHARS + " characters: the record keeps the start");
                    break;
                }
            }
        } catch (IOException e) {
            warnings.add("the HTML body cannot be fully decoded (" + reason(e) + "): the record keeps what could be read");
        }
        return b.toString();
    }

    private static Charset charset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(name.strip()));
        } catch (MessagingException | IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
