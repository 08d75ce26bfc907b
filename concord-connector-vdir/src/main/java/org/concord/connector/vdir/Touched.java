package org.concord.connector.vdir;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the watcher saw since the last look: files to check, or the need for a full listing. The
 * set is bounded: past {@link #MAX_PATHS} touched files a full listing is cheaper and keeps memory flat.
 * Not thread-safe: each instance is used by one thread at a time.
 */
final class Touched {

    static final int MAX_PATHS = 20_000;

    private final Set<Path> files = new LinkedHashSet<>();
    private boolean rescan;

    void file(Path path) {
        if (rescan) {
            return;
        }
        files.add(path);
        if (files.size() > MAX_PATHS) {
            rescanAll();
        }
    }

    /** Something happened that touched paths alone cannot tell (overflow, a folder gone). */
    void rescanAll() {
        rescan = true;
        files.clear();
    }

    /** Takes the rescan request, if there is one. */
    boolean takeRescan() {
        boolean was = rescan;
        rescan = false;
        return was;
    }

    boolean rescanRequested() {
        return rescan;
    }

    Optional<Path> poll() {
        Iterator<Path> it = files.iterator();
        if (!it.hasNext()) {
            return Optional.empty();
        }
        Path next = it.next();
        it.remove();
        return Optional.of(next);
    }

    boolean isEmpty() {
        return files.isEmpty() && !rescan;
    }

    /** Hands everything over to {@code other}, and is empty afterwards. */
    void moveInto(Touched other) {
        if (rescan) {
            other.rescanAll();
        } else {
            files.forEach(other::file);
        }
        files.clear();
        rescan = false;
    }
}
