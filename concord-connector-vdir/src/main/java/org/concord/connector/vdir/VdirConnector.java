package org.concord.connector.vdir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.concord.model.ItemType;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.ArchiveResult;
import org.concord.spi.ArchiveTarget;
import org.concord.spi.Capability;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorException;
import org.concord.spi.Description;
import org.concord.spi.FeedRequest;
import org.concord.spi.Health;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;
import org.concord.spi.RetryableConnectorException;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * A folder of {@code .vcf} and {@code .ics} files as a system. The reader's feed, the writer and
 * the watchdog's ping share only the watcher (thread-safe) and the folder itself. As an archive
 * target it files e-mail under {@code <user>/archive/} and finds contacts by reading their files;
 * both are stateless and safe beside everything else.
 */
final class VdirConnector implements Connector, ArchiveTarget {

    static final String KIND = "vdir";

    private final VdirSettings settings;
    private final Layout layout;
    private final VdirArchive archive;
    private final ContactSearch search;
    private volatile FolderWatcher watcher;
    private volatile VdirFeed feed;
    private volatile VdirWriter writer;

    VdirConnector(VdirSettings settings) {
        this.settings = settings;
        this.layout = new Layout(settings.root(), settings.users());
        this.archive = new VdirArchive(settings.system(), layout.root(), settings.archiveSizeCap());
        this.search = new ContactSearch(settings.system(), layout);
    }

    @Override
    public Description describe() {
        return new Description(KIND, EnumSet.allOf(ItemType.class), Set.of(Capability.PUSH, Capability.ARCHIVE, Capability.SEARCH));
    }

    @Override
    public long sizeCap() {
        return archive.sizeCap();
    }

    @Override
    public List<RecordRef> search(RecordQuery query) throws ConnectorException, InterruptedException {
        return search.search(query);
    }

    @Override
    public ArchiveResult archive(ArchiveRequest request) throws ConnectorException, InterruptedException {
        return archive.archive(request);
    }

    @Override
    public synchronized void open() throws ConnectorException {
        if (feed != null) {
            return;
        }
        Path root = layout.root();
        try {
            Files.createDirectories(root);
        } catch (FileAlreadyExistsException e) {
            throw new PermanentConnectorException(name() + root + " exists but is not a folder", e);
        } catch (AccessDeniedException e) {
            throw new PermanentConnectorException(name() + "cannot create folder " + root + ": permission denied on "
                    + e.getFile(), e);
        } catch (IOException e) {
            throw new RetryableConnectorException(name() + "cannot create folder " + root + ": " + e, e);
        }
        try {
            watcher = FolderWatcher.start(settings.system(), layout);
        } catch (IOException e) {
            throw new RetryableConnectorException(name() + "cannot watch folder " + root + ": " + e
                    + " (the inotify limits fs.inotify.max_user_instances / max_user_watches may be too low)", e);
        }
        RecentWrites recent = new RecentWrites();
        writer = new VdirWriter(settings.system(), layout, settings.vcardVersion(), watcher, recent);
        feed = new VdirFeed(settings.system(), layout, watcher, settings.rescanInterval(), recent);
    }

    @Override
    public ChangeBatch getChanges(FeedRequest request) throws ConnectorException, InterruptedException {
        return requireOpen(feed).next(request);
    }

    @Override
    public List<WriteResult> setChanges(List<Write> writes) throws ConnectorException, InterruptedException {
        return requireOpen(writer).apply(writes);
    }

    @Override
    public Health ping() {
        Path root = layout.root();
        if (!Files.exists(root)) {
            return new Health.Down(name() + "folder " + root + " does not exist");
        }
        if (!Files.isDirectory(root)) {
            return new Health.Down(name() + root + " is not a folder");
        }
        if (!Files.isWritable(root)) {
            return new Health.Down(name() + "folder " + root + " is not writable");
        }
        return new Health.Up("folder " + root);
    }

    @Override
    public synchronized void close() {
        VdirFeed openFeed = feed;
        feed = null;
        writer = null;
        if (openFeed != null) {
            openFeed.close();
        }
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    private <T> T requireOpen(T part) {
        if (part == null) {
            throw new IllegalStateException(name() + "connector is not open");
        }
        return part;
    }

    private String name() {
        return "vdir '" + settings.system() + "': ";
    }
}
