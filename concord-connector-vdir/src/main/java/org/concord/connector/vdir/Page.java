package org.concord.connector.vdir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concord.spi.Change;
import org.concord.spi.KnownObject;
import org.concord.spi.KnownObjects;

/**
 * Files about to be examined, with the hub's links of them looked up together: one look at the
 * hub per page instead of one per file. The links are looked up when the page is examined, never
 * kept from one call of the feed to the next (the engine applies a batch in between).
 *
 * <p>The files whose links were looked up are examined side by side, one share per core: reading
 * and decoding them, and hashing what they hold (which the engine needs for every change), is most
 * of a listing's work, and the reader's thread would otherwise do it alone. The writer's own files
 * are examined on the calling thread, as they may need a link looked up alone, and the view of the
 * links is only the calling thread's to use.
 */
final class Page {

    /** Files per look at the hub: enough to spread its cost, few enough to stay small. */
    static final int MAX_FILES = 256;
    /** Fewer files than this are examined on the calling thread: a share would not pay for its thread. */
    private static final int MIN_FILES_PER_SHARE = 16;
    private static final int SHARES = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

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
     * Examines the page's files, at most as many as {@code out} has room for under {@code limit};
     * their changes are added to {@code out} in the page's order, and the files left stay for the
     * next call.
     */
    void examine(FileExaminer examiner, KnownObjects known, ReadMode mode, int limit, List<Change> out)
            throws IOException, InterruptedException {
        int count = Math.min(files.size(), limit - out.size());
        if (count <= 0) {
            return;
        }
        List<ObjectFile> taken = new ArrayList<>(count);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            ObjectFile file = files.poll();
            taken.add(file);
            if (examiner.needsKnown(file)) {
                ids.add(file.nativeId());
            }
        }
        Map<String, KnownObject> found = known.findAll(ids);
        @SuppressWarnings("unchecked")
        Optional<Change>[] changes = new Optional[count];
        List<Integer> lookedUp = new ArrayList<>(ids.size());
        for (int i = 0; i < count; i++) {
            if (ids.contains(taken.get(i).nativeId())) {
                lookedUp.add(i);
            }
        }
        examineSideBySide(examiner, mode, taken, lookedUp, found, changes);
        for (int i = 0; i < count; i++) {
            if (changes[i] == null) {
                // the writer's own file: if it changed since, its link is looked up now, on this thread
                String id = taken.get(i).nativeId();
                changes[i] = examiner.examine(taken.get(i), () -> known.find(id), mode);
            }
        }
        for (Optional<Change> change : changes) {
            change.ifPresent(out::add);
        }
    }

    private static void examineSideBySide(FileExaminer examiner, ReadMode mode, List<ObjectFile> taken,
            List<Integer> indexes, Map<String, KnownObject> found, Optional<Change>[] changes)
            throws IOException, InterruptedException {
        int shares = Math.min(SHARES, indexes.size() / MIN_FILES_PER_SHARE);
        if (shares <= 1) {
            examineShare(examiner, mode, taken, indexes, found, changes);
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>(shares);
            for (int s = 0; s < shares; s++) {
                List<Integer> share = indexes.subList(indexes.size() * s / shares, indexes.size() * (s + 1) / shares);
                running.add(pool.submit(() -> {
                    try {
                        examineShare(examiner, mode, taken, share, found, changes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> f : running) {
                    f.get();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                throw e;
            } catch (ExecutionException e) {
                pool.shutdownNow();
                switch (e.getCause()) {
                    case UncheckedIOException io -> throw io.getCause();
                    case RuntimeException re -> throw re;
                    case Error error -> throw error;
                    default -> throw new IllegalStateException("examining files failed", e.getCause());
                }
            }
        }
    }

    /** Examines the files at {@code indexes}, whose links are in {@code found}; each change is hashed here. */
    private static void examineShare(FileExaminer examiner, ReadMode mode, List<ObjectFile> taken, List<Integer> indexes,
            Map<String, KnownObject> found, Optional<Change>[] changes) throws IOException {
        for (int i : indexes) {
            ObjectFile file = taken.get(i);
            Optional<Change> change = examiner.examine(file, FileExaminer.Known.of(Optional.ofNullable(found.get(file.nativeId()))), mode);
            if (change.isPresent() && change.get() instanceof Change.Upsert upsert) {
                upsert.payload().contentHash();
            }
            changes[i] = change;
        }
    }

    void clear() {
        files.clear();
    }
}
