package org.concord.connector.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.concord.spi.MailAttachment;

/**
 * The attachment files of one archive transaction in the CRM's upload directory. Each is streamed
 * to a hidden temp file beside its place and synced ({@link #stage}), renamed to its row's id just
 * before the transaction commits ({@link #publish}), and removed again if it does not commit
 * ({@link #discard}). A crash before the commit leaves at worst a file no row names; a row never
 * names a file that is not complete.
 */
final class UploadFiles {
    static final String TEMP_PREFIX = ".concord-upload-";
    private static final int BUFFER = 64 * 1024;

    private record Staged(Path temp, Path target) {}

    /** The attachment itself failed: it cannot be read, or it is larger than the cap. Trying again does not help. */
    static final class BadAttachment extends IOException {
        BadAttachment(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path dir;
    private final long cap;
    private final List<Staged> staged = new ArrayList<>();
    private final List<Path> placed = new ArrayList<>();

    UploadFiles(Path dir, long cap) {
        this.dir = dir;
        this.cap = cap;
    }

    /** Why files cannot go into the directory, or empty when they can. */
    static Optional<String> problem(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.of("the upload directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            return Optional.of("the upload directory " + dir + " is not writable");
        }
        return Optional.empty();
    }

    /** Whether a row id can name a file of the directory as it is. */
    static boolean isFileName(String id) {
        return id.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");
    }

    /** Streams the attachment to a temp file that {@link #publish} renames to {@code rowId}. */
    void stage(String rowId, MailAttachment attachment) throws IOException, InterruptedException {
        if (!isFileName(rowId)) {
            throw new IOException("row id '" + rowId + "' cannot name a file of the upload directory");
        }
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID() + ".part");
        staged.add(new Staged(temp, dir.resolve(rowId)));
        byte[] buf = new byte[BUFFER];
        long total = 0;
        try (InputStream in = open(attachment);
                FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            while ((n = read(in, buf, attachment)) > 0) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("archive stopped while writing attachment '" + attachment.name() + "'");
                }
                total += n;
                if (total > cap) {
                    throw new BadAttachment("attachment '" + attachment.name() + "' is larger than the archive-size-cap of "
                            + cap + " bytes", null);
                }
                ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
            out.force(true);
        }
    }

    private static InputStream open(MailAttachment a) throws BadAttachment {
        try {
            return a.content().open();
        } catch (IOException e) {
            throw new BadAttachment("attachment '" + a.name() + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private static int read(InputStream in, byte[] buf, MailAttachment a) throws BadAttachment {
        try {
            return in.read(buf);
        } catch (IOException e) {
            throw new BadAttachment("attachment '" + a.name() + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** Renames every staged file to its place and makes the renames durable. */
    void publish() throws IOException {
        for (Staged s : staged) {
            Files.move(s.temp(), s.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            placed.add(s.target());
        }
        if (!staged.isEmpty()) {
            try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
                folder.force(true);
            }
        }
    }

    /** Removes every file this transaction wrote, staged or placed. */
    void discard() {
        for (Staged s : staged) {
            deleteQuietly(s.temp());
        }
        for (Path p : placed) {
            deleteQuietly(p);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover file is named by no row: harmless, and removing it is not worth failing the call
        }
    }
}
