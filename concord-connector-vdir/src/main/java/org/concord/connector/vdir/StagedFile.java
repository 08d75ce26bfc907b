package org.concord.connector.vdir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * A file's new content, written and synced to a hidden temp file beside it and then renamed over
 * it: readers see the old file or the new one, never half of one, and a crash leaves at worst a
 * temp file that every reader skips (or the old file, if the folder was not synced yet). The version is taken from the temp file before the rename
 * (a rename keeps mtime, size and inode), so a change made right after the rename is not mistaken
 * for our own write.
 */
final class StagedFile implements AutoCloseable {

    /** Far longer than any write takes: a temp file this old was left by a crash. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final Path target;
    private final Path temp;
    private final String version;
    private boolean committed;

    private StagedFile(Path target, Path temp, String version) {
        this.target = target;
        this.temp = temp;
        this.version = version;
    }

    /** Writes {@code content} beside {@code target}, with the permissions of the file it replaces if there is one. */
    static StagedFile stage(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(Layout.TEMP_PREFIX + UUID.randomUUID() + Layout.TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                keepPermissions(target, temp);
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            String version = FileVersion.of(Files.readAttributes(temp, BasicFileAttributes.class));
            return new StagedFile(target, temp, version);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** The version the target has once committed. */
    String version() {
        return version;
    }

    /**
     * Renames the temp file over the target. The rename survives a crash once the folder is
     * synced ({@link #syncFolder}), which the writer does once per folder and batch.
     */
    void commit() throws IOException {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    /** Makes a file's removal or creation in {@code folder} durable. */
    static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Removes a temp file a crash left behind. Only old ones: a young one may be a write in
     * progress (the writer runs beside the listing).
     */
    static void removeIfAbandoned(Path temp) {
        try {
            if (Files.getLastModifiedTime(temp).toMillis() < System.currentTimeMillis() - ABANDONED_AFTER.toMillis()) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // gone already, or not ours to remove: the next listing tries again
        }
    }

    /** A user who made a file private keeps it private after we rewrite it. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view == null || !Files.exists(target)) {
            // a new file (the common case, checked without the cost of an exception): the umask decides
            return;
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            Files.setPosixFilePermissions(temp, permissions);
        } catch (NoSuchFileException e) {
            // a new file: the process's umask decides, as for any other program
        }
    }

    /** Removes the temp file unless it was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            Files.deleteIfExists(temp);
        }
    }
}
