package org.concord.connector.vdir;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files this connector wrote within the last {@link FileVersion#RACY_WINDOW}, with their
 * version and bytes. A file modified that recently is "racy": a same-size rewrite could keep its
 * version, so the feed must look at its content. When that content is byte for byte what we
 * wrote under that version, nothing changed, and decoding and hashing it again (most of the
 * cost of a sync's last round, which reads back everything just written) can be skipped.
 *
 * <p>Files that left the window are swept out every few hundred writes, so memory is what a
 * couple of seconds of writes hold. The writer's threads add, the reader's looks up.
 */
final class RecentWrites {
    private record Written(String version, byte[] bytes, long atNanos) {}

    /** Writes between two sweeps of what left the window. */
    private static final int SWEEP_EVERY = 256;

    private final Map<String, Written> byNativeId = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final long windowNanos = FileVersion.RACY_WINDOW.toNanos();

    void wrote(String nativeId, String version, byte[] bytes) {
        long now = System.nanoTime();
        byNativeId.put(nativeId, new Written(version, bytes, now));
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            forgetOlderThan(now - windowNanos);
        }
    }

    /** Whether {@code bytes} are what this connector wrote as {@code version} of the file, within the window. */
    boolean isOwn(String nativeId, String version, byte[] bytes) {
        Written w = byNativeId.get(nativeId);
        return w != null && System.nanoTime() - w.atNanos() < windowNanos && w.version().equals(version)
                && Arrays.equals(w.bytes(), bytes);
    }

    private void forgetOlderThan(long nanos) {
        for (Iterator<Written> it = byNativeId.values().iterator(); it.hasNext(); ) {
            if (it.next().atNanos() - nanos < 0) {
                it.remove();
            }
        }
    }
}
