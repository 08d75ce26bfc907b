package org.concord.connector.vdir;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorException;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.spi.KnownObject;
import org.concord.spi.KnownObjects;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/** Plays the engine's part for one system: keeps its links and cursor, applies what it reads and writes. */
final class TestHub implements KnownObjects {

    final Map<String, KnownObject> links = new ConcurrentHashMap<>();
    Cursor cursor = Cursor.START;
    /** How many links the connector was shown by visits of all of them: what a sweep for deleted files costs the hub. */
    final java.util.concurrent.atomic.AtomicLong visited = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public Optional<KnownObject> find(String nativeId) {
        return Optional.ofNullable(links.get(nativeId));
    }

    @Override
    public void forEach(Consumer<KnownObject> visitor) {
        links.values().forEach(link -> {
            visited.incrementAndGet();
            visitor.accept(link);
        });
    }

    /** One getChanges call, applied like the engine would: links follow what was read, the cursor advances. */
    ChangeBatch read(Connector connector, int limit, Duration maxWait, boolean full)
            throws ConnectorException, InterruptedException {
        ChangeBatch batch = connector.getChanges(new FeedRequest(cursor, limit, maxWait, full, this));
        apply(batch);
        return batch;
    }

    void apply(ChangeBatch batch) {
        for (Change change : batch.changes()) {
            switch (change) {
                case Change.Upsert u -> links.put(u.nativeId(),
                        new KnownObject(u.scope(), u.nativeId(), u.version(), u.payload().contentHash()));
                case Change.Delete d -> links.remove(d.nativeId());
                case Change.Unreadable x -> { }
            }
        }
        cursor = batch.next();
    }

    /** Reads until nothing more is ready, without waiting. */
    List<Change> readAll(Connector connector, int limit) throws ConnectorException, InterruptedException {
        return readAll(connector, limit, false);
    }

    List<Change> readAll(Connector connector, int limit, boolean full) throws ConnectorException, InterruptedException {
        List<Change> all = new ArrayList<>();
        ChangeBatch batch;
        int calls = 0;
        do {
            batch = read(connector, limit, Duration.ZERO, full);
            all.addAll(batch.changes());
            if (++calls > 1_000_000) {
                throw new AssertionError("the feed never ends");
            }
        } while (batch.more());
        return all;
    }

    /** Writes, and records the links of what was written, as the writer does. */
    List<WriteResult> write(Connector connector, List<Write> writes) throws ConnectorException, InterruptedException {
        List<WriteResult> results = connector.setChanges(writes);
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            switch (results.get(i)) {
                case WriteResult.Written w -> {
                    var payload = switch (write) {
                        case Write.Create c -> c.payload();
                        case Write.Update u -> u.payload();
                        case Write.Delete d -> throw new AssertionError("a delete answered Written");
                    };
                    links.put(w.nativeId(), new KnownObject(write.scope(), w.nativeId(), w.version(), payload.contentHash()));
                }
                case WriteResult.Deleted d -> {
                    if (write instanceof Write.Delete delete) {
                        links.remove(delete.nativeId());
                    }
                }
                default -> { }
            }
        }
        return results;
    }

    WriteResult write(Connector connector, Write write) throws ConnectorException, InterruptedException {
        return write(connector, List.of(write)).getFirst();
    }
}
