package org.concord.app.archive;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.concord.spi.MailMessage;

/**
 * A message copied to a private temp file and read from there: every part is a window on the
 * file, so the message can be read as often as the targets need without holding it in memory.
 * Closing it deletes the file.
 */
public final class SpooledMessage implements AutoCloseable {
    private final Path file;
    private final boolean owned;
    private final SharedFileInputStream shared;
    private final MailMessage message;

    private SpooledMessage(Path file, boolean owned, SharedFileInputStream shared, MailMessage message) {
        this.file = file;
        this.owned = owned;
        this.shared = shared;
        this.message = message;
    }

    /** Copies {@code source} to a temp file readable only by this user, then reads it. */
    public static SpooledMessage spool(InputStream source) throws IOException {
        Path file = Files.createTempFile("concord-archive-", ".eml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (InputStream in = source; var out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return read(file, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Reads a message file in place; the file is left as it is on close. */
    public static SpooledMessage open(Path file) throws IOException {
        return read(file, false);
    }

    private static SpooledMessage read(Path file, boolean owned) throws IOException {
        SharedFileInputStream shared = new SharedFileInputStream(file.toFile());
        try {
            MimeMessage mime = new MimeMessage(MimeReader.SESSION, shared);
            MailMessage message = new MimeReader(file, Files.size(file)).read(mime);
            return new SpooledMessage(file, owned, shared, message);
        } catch (jakarta.mail.MessagingException e) {
            shared.close();
            throw new IOException("the message headers cannot be read: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            shared.close();
            throw e;
        }
    }

    public MailMessage message() {
        return message;
    }

    @Override
    public void close() throws IOException {
        try {
            shared.close();
        } finally {
            if (owned) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** For tests: the spool file. */
    Path file() {
        return file;
    }
}
