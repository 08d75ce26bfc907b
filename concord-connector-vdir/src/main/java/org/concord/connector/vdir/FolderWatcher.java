package org.concord.connector.vdir;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the root (for user folders), each user folder (for collection folders) and each
 * collection folder (for object files), and turns what it hears into {@link Touched} entries.
 * New folders are watched as they appear, then listed, so files made before the watch are not
 * missed. Safe to use from the reader and the writer at once: the writer registers the folders it
 * creates before writing into them.
 *
 * <p>A thread of its own takes the events as they come, whatever the reader is doing: the JDK's
 * watch service keeps at most 512 events per folder until they are taken, and turns more into an
 * overflow, which costs a full listing. A bulk write of a few hundred files (four events each:
 * temp file made, written, renamed away, and the file itself) while the reader was busy would
 * otherwise make one listing of the whole folder after another.
 */
final class FolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FolderWatcher.class);

    /** After a first event, wait this long for the next one: an editor's save is several events. */
    private static final long SETTLE_QUIET_MILLIS = 15;
    /** …but never longer than this in all, so an edit is reported well within 250 ms. */
    private static final long SETTLE_MAX_NANOS = TimeUnit.MILLISECONDS.toNanos(80);
    /** Keys handled before what they held is handed over, so a reader never waits long for a busy folder's news. */
    private static final int MAX_KEYS_PER_LOOK = 1_000;

    private final String system;
    private final Layout layout;
    private final WatchService service;
    private final Map<Path, WatchKey> watched = new ConcurrentHashMap<>();
    private final AtomicBoolean limitReported = new AtomicBoolean();
    /** The root's file key (device, inode) when it was watched; null where the file system has none. */
    private volatile Object rootIdentity;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition heardSomething = lock.newCondition();
    /** What the events said since a reader last collected. Guarded by {@link #lock}. */
    private final Touched heard = new Touched();
    /** When the last events were handed over ({@link System#nanoTime()}). Guarded by {@link #lock}. */
    private long lastHeard;
    private Thread taker;

    private FolderWatcher(String system, Layout layout, WatchService service) {
        this.system = system;
        this.layout = layout;
        this.service = service;
    }

    /** Starts watching the root, every included user folder and their collection folders. */
    static FolderWatcher start(String system, Layout layout) throws IOException {
        FolderWatcher watcher = new FolderWatcher(system, layout, layout.root().getFileSystem().newWatchService());
        try {
            watcher.watchTree();
            // a platform thread: a virtual one can wait behind busy virtual threads (the writer's,
            // the reader's) long enough for a folder's events to overflow meanwhile
            watcher.taker = Thread.ofPlatform().daemon().name("vdir-watch-" + system).start(watcher::takeEvents);
            return watcher;
        } catch (IOException | RuntimeException e) {
            watcher.close();
            throw e;
        }
    }

    /** The taker thread: every key as soon as it is signalled, until the service closes. */
    private void takeEvents() {
        while (true) {
            Touched found = new Touched();
            try {
                WatchKey key = service.take();
                for (int n = 0; key != null && n < MAX_KEYS_PER_LOOK; n++) {
                    handle(key, found);
                    key = service.poll();
                }
                if (key != null) {
                    handle(key, found);
                }
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // what the events said is unknown: a listing finds it
                LOG.warn("vdir '{}': handling folder events failed: {}; a full listing will", system, e.toString());
                found.rescanAll();
            }
            lock.lock();
            try {
                found.moveInto(heard);
                lastHeard = System.nanoTime();
                heardSomething.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Checks that the root is still the folder being watched, and watches it afresh if it is not
     * (it was removed, unmounted or renamed, and a folder is there again): true then, and the
     * caller lists it to find what happened meanwhile. A missing root is a {@link NoSuchFileException}.
     */
    boolean rewatchIfReplaced() throws IOException {
        Object identity = Files.readAttributes(layout.root(), BasicFileAttributes.class).fileKey();
        WatchKey rootKey = watched.get(layout.root());
        if (rootKey != null && rootKey.isValid() && Objects.equals(identity, rootIdentity)) {
            return false;
        }
        // watches that follow the old folder's inodes would report its paths under the new one
        watched.values().forEach(WatchKey::cancel);
        watched.clear();
        watchTree();
        return true;
    }

    private void watchTree() throws IOException {
        rootIdentity = Files.readAttributes(layout.root(), BasicFileAttributes.class).fileKey();
        watch(layout.root());
        try (DirectoryStream<Path> users = Files.newDirectoryStream(layout.root())) {
            for (Path user : users) {
                if (isUserFolder(user)) {
                    watchUser(user, null);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
    }

    /** The writer made this folder (a user or collection folder) and is about to write into it. */
    void folderCreated(Path folder) {
        watch(folder);
    }

    /** Folders watched now; for tests and diagnostics. */
    int watchedFolders() {
        return watched.size();
    }

    /**
     * Collects what happened into {@code into}: waits up to {@code wait} for a first event (zero:
     * only what is already there), then briefly for the events that follow it.
     */
    void collect(Duration wait, Touched into) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (heard.isEmpty() && !wait.isZero() && !wait.isNegative()) {
                long deadline = System.nanoTime() + wait.toNanos();
                while (heard.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    heardSomething.awaitNanos(left);
                }
                if (!heard.isEmpty()) {
                    settle();
                }
            }
            heard.moveInto(into);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the events stop for a moment, or for at most {@link #SETTLE_MAX_NANOS}. Under the lock. */
    private void settle() throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_MAX_NANOS;
        long quiet = TimeUnit.MILLISECONDS.toNanos(SETTLE_QUIET_MILLIS);
        while (true) {
            long until = Math.min(lastHeard + quiet, deadline);
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            heardSomething.awaitNanos(left);
        }
    }

    private void handle(WatchKey key, Touched into) {
        Path folder = (Path) key.watchable();
        int depth = folder.equals(layout.root()) ? 0 : layout.root().relativize(folder).getNameCount();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                into.rescanAll();
                continue;
            }
            Path child = folder.resolve((Path) event.context());
            switch (depth) {
                case 0 -> folderEvent(event.kind(), child, isUserFolder(child), into, true);
                case 1 -> folderEvent(event.kind(), child, Layout.COLLECTIONS.contains(child.getFileName().toString()),
                        into, false);
                case 2 -> {
                    if (Layout.isObjectFileName(child.getFileName().toString())) {
                        into.file(child);
                    }
                }
                default -> { }
            }
        }
        if (!key.reset()) {
            // the folder is gone or moved away: what it held must be found missing by a listing
            watched.remove(folder, key);
            into.rescanAll();
        }
    }

    private void folderEvent(WatchEvent.Kind<?> kind, Path child, boolean relevant, Touched into, boolean userLevel) {
        if (kind == ENTRY_CREATE && relevant && Files.isDirectory(child)) {
            if (userLevel) {
                watchUser(child, into);
            } else {
                watchCollection(child, into);
            }
        } else if (kind == ENTRY_DELETE && watched.containsKey(child)) {
            // removed or renamed away: a watch that followed the folder would report its files under this name
            unwatchTree(child);
            into.rescanAll();
        }
    }

    private void unwatchTree(Path folder) {
        watched.entrySet().removeIf(entry -> {
            if (entry.getKey().startsWith(folder)) {
                entry.getValue().cancel();
                return true;
            }
            return false;
        });
    }

    private boolean isUserFolder(Path path) {
        String name = path.getFileName().toString();
        return Layout.userNameProblem(name).isEmpty() && layout.includesUser(name) && Files.isDirectory(path);
    }

    /** Watches a user folder first, then lists it, so a collection made in between is not missed. */
    private void watchUser(Path user, Touched into) {
        watch(user);
        for (String collection : Layout.COLLECTIONS) {
            Path folder = user.resolve(collection);
            if (Files.isDirectory(folder)) {
                watchCollection(folder, into);
            }
        }
    }

    /** Watches a collection folder; when it is new ({@code into} given), its files are checked too. */
    private void watchCollection(Path folder, Touched into) {
        watch(folder);
        if (into == null) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (Layout.isObjectFileName(file.getFileName().toString())) {
                    into.file(file);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            // gone again already: its parent's event tells
        } catch (IOException | DirectoryIteratorException e) {
            LOG.warn("vdir '{}': cannot list new folder {}: {}; a full listing will", system, folder, e.toString());
            into.rescanAll();
        }
    }

    private void watch(Path folder) {
        try {
            // registering a folder again is harmless, and renews a key whose folder was replaced
            watched.put(folder, folder.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY));
        } catch (NoSuchFileException | NotDirectoryException e) {
            // gone before we could watch it: nothing to watch
        } catch (ClosedWatchServiceException e) {
            // closing
        } catch (IOException e) {
            // typically the inotify watch limit (fs.inotify.max_user_watches): changes there are
            // then found by the periodic full listing only
            if (limitReported.compareAndSet(false, true)) {
                LOG.warn("vdir '{}': cannot watch {} ({}); changes in unwatched folders are found by the periodic "
                        + "full listing only (raise fs.inotify.max_user_watches)", system, folder, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("vdir '{}': closing the folder watcher failed", system, e);
        }
        if (taker != null) {
            taker.interrupt();
        }
        watched.clear();
    }
}
