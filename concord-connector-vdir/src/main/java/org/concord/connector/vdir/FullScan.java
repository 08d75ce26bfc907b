package org.concord.connector.vdir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concord.spi.Change;
import org.concord.spi.KnownObjects;

/**
 * One full listing, done in steps of at most {@code limit} changes: first every file is compared
 * with the hub's links (new or changed files are read), then, if the listing may infer deletes,
 * the links whose files are gone become deletes.
 */
final class FullScan implements AutoCloseable {

    /** What a listing reports. */
    enum Kind {
        /** The normal safety net: changed files, and deletes. */
        CHANGES(ReadMode.CHANGES, true),
        /** A read from the start of the feed: every file, and deletes of what the hub knows but is gone. */
        FROM_START(ReadMode.EVERYTHING, true),
        /** A full re-read: every file, and never a delete. */
        FULL_REREAD(ReadMode.EVERYTHING, false);

        private final ReadMode files;
        private final boolean deletes;

        Kind(ReadMode files, boolean deletes) {
            this.files = files;
            this.deletes = deletes;
        }
    }

    /** Files compared with the hub's links per lookup. */
    static final int PAGE = 256;

    private final Kind kind;
    private final FolderWalk walk;
    private final DeleteSweep sweep;
    private final FileExaminer examiner;
    private boolean walked;

    FullScan(Layout layout, FileExaminer examiner, Kind kind) throws IOException {
        this.kind = kind;
        this.walk = new FolderWalk(layout);
        this.sweep = kind.deletes ? new DeleteSweep(layout) : null;
        this.examiner = examiner;
    }

    Kind kind() {
        return kind;
    }

    /**
     * Adds changes to {@code out} until it holds {@code limit} or the time is up (at
     * {@code deadline}, a {@link System#nanoTime()} value); true when the listing is over. Files
     * are compared with the hub's links a page at a time: one lookup per page, not per file.
     */
    boolean step(KnownObjects known, int limit, List<Change> out, long deadline) throws IOException, InterruptedException {
        boolean first = true;
        while (!walked && out.size() < limit) {
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped during a full listing");
            }
            if (!first && System.nanoTime() - deadline > 0) {
                // the reader gets what was found so far, and the watcher's news before the rest
                return false;
            }
            first = false;
            List<ObjectFile> page = new ArrayList<>();
            int room = Math.min(PAGE, limit - out.size());
            while (page.size() < room) {
                Optional<ObjectFile> file = walk.next();
                if (file.isEmpty()) {
                    walked = true;
                    walk.close();
                    break;
                }
                page.add(file.get());
            }
            examiner.examineAll(page, known, kind.files, out);
        }
        if (!walked) {
            walked = !walk.hasNext();
            if (!walked) {
                return false;
            }
            walk.close();
        }
        if (sweep == null) {
            return true;
        }
        return out.size() < limit && sweep.step(known, limit, out);
    }

    @Override
    public void close() {
        walk.close();
    }
}
