package org.concord.connector.vdir;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.concord.spi.Change;
import org.concord.spi.KnownObject;
import org.concord.spi.KnownObjects;

/**
 * Finds objects the hub knows whose files are gone: it visits the hub's links and checks that
 * each file still exists. At most {@link #MAX_BUFFERED} deletes are held between calls, so memory
 * stays flat even when a user removes most of a large folder; when more are missing, another
 * pass follows once the engine has applied the first ones (the known view then lacks them).
 */
final class DeleteSweep {

    static final int MAX_BUFFERED = 10_000;

    private final Layout layout;
    private final Deque<KnownObject> found = new ArrayDeque<>();
    private long missingInLastPass = Long.MAX_VALUE;
    private boolean lastPass;

    DeleteSweep(Layout layout) {
        this.layout = layout;
    }

    /** Adds deletes to {@code out} until it holds {@code limit}; true when the sweep is over. */
    boolean step(KnownObjects known, int limit, List<Change> out) throws InterruptedException {
        while (out.size() < limit) {
            if (found.isEmpty()) {
                if (lastPass) {
                    return true;
                }
                pass(known);
                if (found.isEmpty()) {
                    return true;
                }
            }
            KnownObject object = found.poll();
            // checked again: the file may be back, or the engine may have dropped the link meanwhile
            Optional<ObjectFile> file = layout.parse(object.nativeId());
            if (file.isPresent() && !Files.exists(file.get().path()) && known.find(object.nativeId()).isPresent()) {
                out.add(new Change.Delete(object.scope(), object.nativeId(), Optional.ofNullable(object.version())));
            }
        }
        return found.isEmpty() && lastPass;
    }

    private void pass(KnownObjects known) throws InterruptedException {
        long[] missing = {0};
        long[] visited = {0};
        try {
            known.forEach(object -> {
                if ((++visited[0] & 1023) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new Stopped();
                }
                Optional<ObjectFile> file = layout.parse(object.nativeId());
                // ids of excluded users or of no file shape are not ours to judge
                if (file.isPresent() && !Files.exists(file.get().path())) {
                    missing[0]++;
                    if (found.size() < MAX_BUFFERED) {
                        found.add(object);
                    }
                }
            });
        } catch (Stopped e) {
            Thread.interrupted();
            throw new InterruptedException("stopped while looking for deleted files");
        }
        // the last pass: all found fit, or no progress since the previous pass (the engine keeps
        // links we reported gone, e.g. a delete that lost to an update): the next listing retries
        lastPass = missing[0] <= found.size() || missing[0] >= missingInLastPass;
        missingInLastPass = missing[0];
    }

    /** Stops a visit of the known objects when the reader is interrupted. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
