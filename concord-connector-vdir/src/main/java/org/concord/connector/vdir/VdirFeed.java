package org.concord.connector.vdir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.ConnectorException;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.spi.RetryableConnectorException;

/**
 * The folder's change feed. There is no native feed, so changes are found by comparing files with
 * the hub's links ({@link FeedRequest#known()}): a full listing on the first call, every
 * {@code rescan-interval}, after a watcher overflow or a lost batch; in between, only the files
 * the watcher saw touched are checked.
 *
 * <p>The cursor marks the last batch handed out; it is not a position, since the known view
 * carries the real state. A call whose {@code since} is not the last cursor handed out means that
 * batch was not taken (a failed transaction, a restart), so the feed starts over with a full
 * listing instead of trusting its in-memory progress.
 *
 * <p>A read from {@link Cursor#START} lists every file as an upsert, known or not: the feed from
 * its start is everything the folder holds. A full re-read starts when a request with {@code full}
 * comes from the start, follows one without {@code full}, or follows a lost batch; later
 * {@code full} requests continue it, and once it is over they are served from the watcher without
 * deletes, so a re-read never loops and never infers a delete.
 *
 * <p>Used by the reader thread only.
 */
final class VdirFeed implements AutoCloseable {

    /** How long one call may spend listing before it answers with what it has. */
    private static final long STEP_NANOS = Duration.ofMillis(200).toNanos();

    private final String system;
    private final Layout layout;
    private final FolderWatcher watcher;
    private final FileExaminer examiner;
    private final long rescanNanos;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final Touched touched = new Touched();

    private FullScan scan;
    private boolean rescanNeeded = true;
    private boolean previousFull;
    private long lastScanStart;
    private Cursor handedOut;
    private long batches;

    VdirFeed(String system, Layout layout, FolderWatcher watcher, Duration rescanInterval, RecentWrites recent) {
        this.system = system;
        this.layout = layout;
        this.watcher = watcher;
        this.examiner = new FileExaminer(system, recent);
        this.rescanNanos = rescanInterval.toNanos();
    }

    ChangeBatch next(FeedRequest request) throws ConnectorException, InterruptedException {
        boolean lost = handedOut == null || !handedOut.equals(request.since());
        boolean startFull = request.full() && (lost || !previousFull || request.since().isStart());
        previousFull = request.full();
        if (lost || startFull || (isFullReRead() && !request.full())) {
            abandonScan();
        }
        if (lost) {
            rescanNeeded = true;
        }
        try {
            if (watcher.rewatchIfReplaced()) {
                rescanNeeded = true;
            }
            List<Change> out = new ArrayList<>();
            if (startFull) {
                startScan(FullScan.Kind.FULL_REREAD);
            } else if (lost && request.since().isStart()) {
                // the feed from its start is every object the folder holds
                startScan(FullScan.Kind.FROM_START);
            }
            watcher.collect(Duration.ZERO, touched);
            fill(request, out);
            if (out.isEmpty() && !hasWork(request)) {
                Duration wait = request.maxWait();
                if (!request.full()) {
                    Duration untilRescan = Duration.ofNanos(Math.max(0, lastScanStart + rescanNanos - System.nanoTime()));
                    wait = untilRescan.compareTo(wait) < 0 ? untilRescan : wait;
                }
                if (!wait.isZero()) {
                    watcher.collect(wait, touched);
                    fill(request, out);
                }
            }
            // a new marker whenever something was handed out, and never START again: a folder that
            // only receives writes would otherwise be read in full after every restart
            Cursor next = out.isEmpty() && !request.since().isStart()
                    ? request.since()
                    : new Cursor("vdir:" + instance + ":" + ++batches);
            handedOut = next;
            return new ChangeBatch(out, next, hasWork(request));
        } catch (IOException | RuntimeException e) {
            // what this call found is lost with its batch: start over from the known view
            abandonScan();
            rescanNeeded = true;
            throw new RetryableConnectorException(
                    "vdir '" + system + "': reading folder " + layout.root() + " failed: " + e, e);
        } catch (InterruptedException e) {
            abandonScan();
            rescanNeeded = true;
            throw e;
        }
    }

    /**
     * Files the watcher saw come first (they are what a user just did), then a step of the
     * listing in progress, bounded in time so that a listing of a huge folder never holds back
     * an edit for long.
     */
    private void fill(FeedRequest request, List<Change> out) throws IOException, InterruptedException {
        if (touched.takeRescan()) {
            rescanNeeded = true;
        }
        ReadMode mode = request.full() ? ReadMode.CHANGES_WITHOUT_DELETES : ReadMode.CHANGES;
        boolean drained = false;
        while (!drained && out.size() < request.limit()) {
            List<ObjectFile> page = new ArrayList<>();
            int room = Math.min(FullScan.PAGE, request.limit() - out.size());
            while (page.size() < room) {
                Optional<Path> path = touched.poll();
                if (path.isEmpty()) {
                    drained = true;
                    break;
                }
                layout.objectFile(path.get()).ifPresent(page::add);
            }
            examiner.examineAll(page, request.known(), mode, out);
        }
        if (scan == null && !request.full() && (rescanNeeded || rescanDue())) {
            startScan(FullScan.Kind.CHANGES);
        }
        if (scan != null && out.size() < request.limit()
                && scan.step(request.known(), request.limit(), out, System.nanoTime() + STEP_NANOS)) {
            abandonScan();
        }
    }

    private void startScan(FullScan.Kind kind) throws IOException {
        if (!Files.isDirectory(layout.root())) {
            throw new IOException("the folder is missing or not a folder");
        }
        scan = new FullScan(layout, examiner, kind);
        if (kind != FullScan.Kind.FULL_REREAD) {
            rescanNeeded = false;
        }
        lastScanStart = System.nanoTime();
    }

    private boolean isFullReRead() {
        return scan != null && scan.kind() == FullScan.Kind.FULL_REREAD;
    }

    private boolean rescanDue() {
        return System.nanoTime() - lastScanStart >= rescanNanos;
    }

    /**
     * Whether more changes may be ready right now, so the reader asks again without waiting. During
     * a full re-read a pending listing does not count: it waits for the re-read to end.
     */
    private boolean hasWork(FeedRequest request) {
        return scan != null || !touched.isEmpty() || (rescanNeeded && !request.full());
    }

    private void abandonScan() {
        if (scan != null) {
            scan.close();
            scan = null;
        }
    }

    @Override
    public void close() {
        abandonScan();
    }
}
