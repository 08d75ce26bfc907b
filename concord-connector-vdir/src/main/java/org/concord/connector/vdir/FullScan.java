package org.concord.connector.vdir;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.concord.spi.Change;
import org.concord.spi.KnownObjects;

/**
 * One full listing, done in steps of at most {@code limit} changes: first every file is compared
 * with the hub's links (new or changed files are read), then, unless this is a full re-read, the
 * links whose files are gone become deletes.
 */
final class FullScan implements AutoCloseable {

    private final FolderWalk walk;
    private final DeleteSweep sweep;
    private final FileExaminer examiner;
    private final boolean full;
    private boolean walked;

    /** @param full a full re-read: every file is reported, and no delete is inferred */
    FullScan(Layout layout, FileExaminer examiner, boolean full) throws IOException {
        this.walk = new FolderWalk(layout);
        this.sweep = full ? null : new DeleteSweep(layout);
        this.examiner = examiner;
        this.full = full;
    }

    boolean full() {
        return full;
    }

    /** Adds changes to {@code out} until it holds {@code limit}; true when the listing is over. */
    boolean step(KnownObjects known, int limit, List<Change> out) throws IOException, InterruptedException {
        long visited = 0;
        while (!walked && out.size() < limit) {
            if ((++visited & 1023) == 0 && Thread.interrupted()) {
                throw new InterruptedException("stopped during a full listing");
            }
            Optional<ObjectFile> file = walk.next();
            if (file.isEmpty()) {
                walked = true;
                walk.close();
            } else {
                examiner.examine(file.get(), known, full ? ReadMode.EVERYTHING : ReadMode.CHANGES).ifPresent(out::add);
            }
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
        return out.size() < limit ? sweep.step(known, limit, out) : false;
    }

    @Override
    public void close() {
        walk.close();
    }
}
