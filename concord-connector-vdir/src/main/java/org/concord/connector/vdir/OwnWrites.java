package org.concord.connector.vdir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files the writer wrote lately, each with the version and a digest of the bytes it was
 * given: what the hub's link of that file says, or is about to say once the writer has recorded
 * it. The feed hears of each such file from the watcher, and here it recognizes the hub's own
 * write without looking the link up, or reading and decoding the file only to find an echo.
 *
 * <p>A file whose version is the one written is the file written, as with a link; a "racy" one
 * (see {@link FileVersion#isRacy}) is that only if its bytes are still the bytes written. Bounded
 * to the latest {@value #MAX_FILES} files: forgetting one costs only the work it would have saved.
 *
 * <p>Thread-safe: the writer's threads add, the reader's thread looks.
 */
final class OwnWrites {

    static final int MAX_FILES = 20_000;

    /** What was written to one file. */
    record Written(String version, byte[] digest) {
        /** Whether {@code content} is what was written. */
        boolean sameBytes(byte[] content) {
            return MessageDigest.isEqual(digest, OwnWrites.digest(content));
        }
    }

    private final Map<Path, Written> files = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Written> eldest) {
            return size() > MAX_FILES;
        }
    };

    /** The writer renamed {@code content} into place at {@code path}, where it has {@code version}. */
    void wrote(Path path, String version, byte[] content) {
        Written written = new Written(version, digest(content));
        synchronized (files) {
            // re-inserted, so a file written again counts as the newest
            files.remove(path);
            files.put(path, written);
        }
    }

    /** The file at {@code path} is gone or no longer ours. */
    void forget(Path path) {
        synchronized (files) {
            files.remove(path);
        }
    }

    /** What the writer wrote to {@code path}, if the file still has the version it was given. */
    Optional<Written> find(Path path, String version) {
        Written written;
        synchronized (files) {
            written = files.get(path);
        }
        return written != null && written.version().equals(version) ? Optional.of(written) : Optional.empty();
    }

    /** Whether the writer wrote {@code path} lately (it may have changed since). */
    boolean has(Path path) {
        synchronized (files) {
            return files.containsKey(path);
        }
    }

    int size() {
        synchronized (files) {
            return files.size();
        }
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
