package org.concord.testkit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.model.ItemType;
import org.concord.spi.Capability;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.Cursor;
import org.concord.spi.Description;
import org.concord.spi.FeedRequest;
import org.concord.spi.Health;
import org.concord.spi.RetryableConnectorException;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * A connector to an {@link InMemorySystem}. Its feed is the system's modification log (the cursor
 * is the last modification id read); creates are named after the global id, so a create repeated
 * after a lost reply overwrites instead of doubling, as a well-behaved server does.
 */
public final class InMemoryConnector implements Connector {

    private static final String FULL = "full:";

    private final InMemorySystem system;

    public InMemoryConnector(InMemorySystem system) {
        this.system = system;
    }

    public InMemorySystem system() {
        return system;
    }

    @Override
    public Description describe() {
        return new Description("memory", EnumSet.allOf(ItemType.class), EnumSet.of(Capability.PUSH));
    }

    @Override
    public void open() throws RetryableConnectorException, InterruptedException {
        system.enter();
    }

    @Override
    public ChangeBatch getChanges(FeedRequest request) throws RetryableConnectorException, InterruptedException {
        system.enter();
        if (request.full() || request.since().value().startsWith(FULL)) {
            return fullRead(request);
        }
        long since = request.since().isStart() ? 0 : Long.parseLong(request.since().value());
        List<Map.Entry<Long, Change>> entries = system.feedAfter(since, request.limit() + 1, request.maxWait());
        system.enter();
        boolean more = entries.size() > request.limit();
        List<Change> changes = new ArrayList<>();
        long last = since;
        for (Map.Entry<Long, Change> e : entries.subList(0, Math.min(entries.size(), request.limit()))) {
            changes.add(e.getValue());
            last = e.getKey();
        }
        return new ChangeBatch(changes, new Cursor(Long.toString(last)), more);
    }

    /** Pages through every object; the cursor "full:OFFSET:MODID" resumes, and ends at MODID. */
    private ChangeBatch fullRead(FeedRequest request) {
        int offset = 0;
        long resumeAt;
        String since = request.since().value();
        if (since.startsWith(FULL)) {
            String[] parts = since.substring(FULL.length()).split(":");
            offset = Integer.parseInt(parts[0]);
            resumeAt = Long.parseLong(parts[1]);
        } else {
            resumeAt = system.lastModId();
        }
        List<InMemorySystem.Stored> all = system.list();
        int end = Math.min(all.size(), offset + request.limit());
        List<Change> changes = new ArrayList<>();
        for (InMemorySystem.Stored s : all.subList(Math.min(offset, all.size()), end)) {
            changes.add(new Change.Upsert(s.scope(), s.nativeId(), s.version(), s.payload()));
        }
        boolean more = end < all.size();
        Cursor next = more ? new Cursor(FULL + end + ":" + resumeAt) : new Cursor(Long.toString(resumeAt));
        return new ChangeBatch(changes, next, more);
    }

    @Override
    public List<WriteResult> setChanges(List<Write> writes) throws RetryableConnectorException, InterruptedException {
        system.enter();
        if (system.takeTransientWriteFailure()) {
            throw new RetryableConnectorException("memory '" + system.name() + "': connection reset during write");
        }
        List<WriteResult> results = new ArrayList<>();
        system.lock().lock();
        try {
            for (Write write : writes) {
                results.add(apply(write));
            }
        } finally {
            system.lock().unlock();
        }
        if (system.takeLostReply()) {
            throw new RetryableConnectorException("memory '" + system.name() + "': reply lost after write");
        }
        return results;
    }

    /** What the system keeps of a payload (all of it, unless it is lossy). */
    private org.concord.model.Payload kept(org.concord.model.Payload p) {
        String field = system.droppedField();
        if (field == null || p.property(field).isEmpty()) {
            return p;
        }
        var json = p.json();
        json.remove(field);
        return org.concord.model.Payload.of(p.type(), json);
    }

    private static WriteResult written(String nativeId, String version, org.concord.model.Payload sent,
            org.concord.model.Payload kept) {
        return kept == sent
                ? new WriteResult.Written(nativeId, version)
                : new WriteResult.Written(nativeId, version, Optional.of(kept));
    }

    private WriteResult apply(Write write) {
        if (system.rejects(write.globalId())) {
            return new WriteResult.Rejected("memory '" + system.name() + "': object " + write.globalId() + " refused");
        }
        return switch (write) {
            case Write.Create c -> {
                String nativeId = "g-" + c.globalId();
                var kept = kept(c.payload());
                InMemorySystem.Stored stored = new InMemorySystem.Stored(c.scope(), nativeId, system.nextVersion(), kept);
                system.put(stored);
                yield written(nativeId, stored.version(), c.payload(), kept);
            }
            case Write.Update u -> {
                InMemorySystem.Stored current = system.get(u.nativeId());
                if (current == null) {
                    yield new WriteResult.Gone("memory '" + system.name() + "': " + u.nativeId() + " is gone");
                }
                if (!versionMatches(u.expectedVersion(), current)) {
                    yield new WriteResult.PreconditionFailed("memory '" + system.name() + "': " + u.nativeId()
                            + " has version " + current.version() + ", expected " + u.expectedVersion().orElseThrow());
                }
                var kept = kept(u.payload());
                InMemorySystem.Stored stored =
                        new InMemorySystem.Stored(current.scope(), u.nativeId(), system.nextVersion(), kept);
                system.put(stored);
                yield written(u.nativeId(), stored.version(), u.payload(), kept);
            }
            case Write.Delete d -> {
                InMemorySystem.Stored current = system.get(d.nativeId());
                if (current == null) {
                    yield new WriteResult.Deleted();
                }
                if (!versionMatches(d.expectedVersion(), current)) {
                    yield new WriteResult.PreconditionFailed("memory '" + system.name() + "': " + d.nativeId()
                            + " has version " + current.version() + ", expected " + d.expectedVersion().orElseThrow());
                }
                system.remove(d.nativeId());
                yield new WriteResult.Deleted();
            }
        };
    }

    private static boolean versionMatches(Optional<String> expected, InMemorySystem.Stored current) {
        return expected.isEmpty() || expected.get().equals(current.version());
    }

    @Override
    public Health ping() {
        return system.isDown()
                ? new Health.Down("memory '" + system.name() + "': system is down")
                : new Health.Up("memory '" + system.name() + "'");
    }

    @Override
    public void close() {}
}
