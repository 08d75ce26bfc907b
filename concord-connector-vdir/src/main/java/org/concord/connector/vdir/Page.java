package org.concord.connector.vdir;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.spi.Change;
import org.concord.spi.KnownObject;
import org.concord.spi.KnownObjects;

/**
 * Files about to be examined, with the hub's links of them looked up together: one look at the
 * hub per page instead of one per file. The links are looked up when the page is examined, never
 * kept from one call of the feed to the next (the engine applies a batch in between).
 */
final class Page {

    /** Files per look at the hub: enough to spread its cost, few enough to stay small. */
    static final int MAX_FILES = 256;

    private final Deque<ObjectFile> files = new ArrayDeque<>();

    boolean isEmpty() {
        return files.isEmpty();
    }

    int size() {
        return files.size();
    }

    void add(ObjectFile file) {
        files.add(file);
    }

    /**
     * Examines the page's files in order until it is done, {@code out} holds {@code limit}
     * changes or the time is up (at {@code deadline}, a {@link System#nanoTime()} value); the
     * files left stay for the next call.
     */
    void examine(FileExaminer examiner, KnownObjects known, ReadMode mode, int limit, List<Change> out, long deadline)
            throws IOException, InterruptedException {
        Set<String> ids = new HashSet<>();
        for (ObjectFile file : files) {
            if (examiner.needsKnown(file)) {
                ids.add(file.nativeId());
            }
        }
        Map<String, KnownObject> found = known.findAll(ids);
        int examined = 0;
        while (!files.isEmpty() && out.size() < limit) {
            if ((++examined & 15) == 0) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("stopped while examining files");
                }
                if (System.nanoTime() - deadline > 0) {
                    return;
                }
            }
            ObjectFile file = files.poll();
            String id = file.nativeId();
            // a file not looked up (the writer's own) is looked up alone, if it turns out to need it
            FileExaminer.Known last = ids.contains(id)
                    ? FileExaminer.Known.of(Optional.ofNullable(found.get(id)))
                    : () -> known.find(id);
            examiner.examine(file, last, mode).ifPresent(out::add);
        }
    }

    void clear() {
        files.clear();
    }
}
