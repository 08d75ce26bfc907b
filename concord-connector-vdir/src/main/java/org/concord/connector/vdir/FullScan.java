package org.concord.connector.vdir;

import java.io.IOException;
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

    private final Kind kind;
    private final FolderWalk walk;
    private DeleteSweep sweep;
    private final FileExaminer examiner;
    private final Page page = new Page();
    private boolean walked;
    private boolean started;

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
     * are examined a page at a time, the hub's links of a page looked up together.
     */
    boolean step(KnownObjects known, int limit, List<Change> out, long deadline) throws IOException, InterruptedException {
        if (!started) {
            started = true;
            if (sweep != null && known.isEmpty()) {
                // nothing the hub knows can be gone: every link it makes meanwhile comes from a file
                // this listing saw, and a file removed after that is reported by the watcher (or by
                // the next listing, which sweeps, if the watcher lost track)
                sweep = null;
            }
        }
        while (!walked && out.size() < limit) {
            if (page.isEmpty() && !fillPage(Math.min(Page.MAX_FILES, limit - out.size()))) {
                walked = true;
                walk.close();
                break;
            }
            page.examine(examiner, known, kind.files, limit, out);
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped during a full listing");
            }
            if (System.nanoTime() - deadline > 0) {
                // the reader gets what was found so far, and the watcher's news before the rest
                break;
            }
        }
        if (!walked) {
            if (!page.isEmpty() || walk.hasNext()) {
                return false;
            }
            walked = true;
            walk.close();
        }
        if (sweep == null) {
            return true;
        }
        return out.size() < limit && sweep.step(known, limit, out);
    }

    /** Takes up to {@code size} files from the walk into the page; false if the walk is over. */
    private boolean fillPage(int size) throws IOException {
        while (page.size() < size) {
            Optional<ObjectFile> file = walk.next();
            if (file.isEmpty()) {
                break;
            }
            page.add(file.get());
        }
        return !page.isEmpty();
    }

    @Override
    public void close() {
        page.clear();
        walk.close();
    }
}
