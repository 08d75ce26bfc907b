package org.concord.connector.remote.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.remote.kit.AppDescription;
import org.concord.remote.kit.ChangeResult;
import org.concord.remote.kit.DataFormat;
import org.concord.remote.kit.FeedEntry;
import org.concord.remote.kit.FeedQuery;
import org.concord.remote.kit.IncomingChange;
import org.concord.remote.kit.ModidComparison;
import org.concord.remote.kit.ObjectType;
import org.concord.remote.kit.Operation;
import org.concord.remote.kit.RemoteApplication;
import org.concord.remote.kit.TypeFormat;

/**
 * An application held in memory, built with the kit: correct by default, or with deliberate
 * flaws for the conformance suite to find.
 */
public final class MemoryApplication implements RemoteApplication {

    /** Ways to get the protocol wrong. */
    public enum Flaw {
        /** Answers every feed request from the start of the feed, whatever {@code since} says. */
        IGNORES_SINCE,
        /** Gives two consecutive changes the same modid. */
        REPEATS_MODIDS,
        /** Makes a new object for every create, even one repeated with the same client reference. */
        DUPLICATES_REPEATED_CREATE,
        /** Writes whatever version the object has. */
        IGNORES_EXPECTED_VERSION,
        /** Updates the original instead of copying it when asked for a conflict copy. */
        COPY_UPDATES_ORIGINAL,
        /** Deletes objects without logging the delete. */
        FORGETS_DELETES
    }

    private record Stored(String user, ObjectType type, JsonNode data, long version, Optional<String> ref) {}

    private record Logged(long modid, String id, boolean delete, String user, ObjectType type) {}

    private final Set<Flaw> flaws;
    private final Map<ObjectType, TypeFormat> types;
    private final Map<String, Stored> objects = new LinkedHashMap<>();
    private final List<Logged> log = new ArrayList<>();
    private long counter;
    private long nextId = 1;

    public MemoryApplication(Set<Flaw> flaws, Map<ObjectType, TypeFormat> types) {
        this.flaws = flaws.isEmpty() ? EnumSet.noneOf(Flaw.class) : EnumSet.copyOf(flaws);
        this.types = types;
    }

    /** A correct application serving contacts as JSContact. */
    public static MemoryApplication contacts(Flaw... flaws) {
        return new MemoryApplication(flaws.length == 0 ? Set.of() : Set.of(flaws),
                Map.of(ObjectType.CONTACT, TypeFormat.of(DataFormat.JSCONTACT)));
    }

    @Override
    public AppDescription describe() {
        return new AppDescription("memory application", ModidComparison.INTEGER, types, Set.of());
    }

    @Override
    public synchronized List<FeedEntry> changesSince(FeedQuery query) {
        long since = flaws.contains(Flaw.IGNORES_SINCE) ? 0 : query.since().map(Long::parseLong).orElse(0L);
        List<FeedEntry> out = new ArrayList<>();
        if (query.complete()) {
            objects.entrySet().stream().filter(e -> e.getValue().version() > since)
                    .sorted(Comparator.comparingLong(e -> e.getValue().version()))
                    .limit(query.max())
                    .forEach(e -> out.add(upsert(e.getKey(), e.getValue())));
            return out;
        }
        Map<String, Logged> latest = new HashMap<>();
        for (Logged l : log) {
            if (l.modid() > since) {
                latest.put(l.id(), l);
            }
        }
        latest.values().stream().sorted(Comparator.comparingLong(Logged::modid)).limit(query.max()).forEach(l -> {
            Stored s = objects.get(l.id());
            out.add(l.delete() || s == null ? FeedEntry.delete(modid(l.modid()), l.user(), l.type(), l.id())
                    : FeedEntry.upsert(modid(l.modid()), s.user(), s.type(), l.id(), Long.toString(s.version()), s.data()));
        });
        return out;
    }

    private FeedEntry upsert(String id, Stored s) {
        return FeedEntry.upsert(modid(s.version()), s.user(), s.type(), id, Long.toString(s.version()), s.data());
    }

    private String modid(long value) {
        return Long.toString(flaws.contains(Flaw.REPEATS_MODIDS) ? (value + 1) / 2 : value);
    }

    @Override
    public synchronized List<ChangeResult> setChanges(List<IncomingChange> changes) {
        List<ChangeResult> results = new ArrayList<>();
        for (IncomingChange c : changes) {
            results.add(apply(c));
        }
        return results;
    }

    /** Changes an object as a user of the application would, outside Concord. */
    public synchronized void edit(String id, JsonNode data) {
        Stored s = objects.get(id);
        store(id, new Stored(s.user(), s.type(), data, 0, s.ref()));
    }

    public synchronized int size() {
        return objects.size();
    }

    private ChangeResult apply(IncomingChange c) {
        if ((c.isCreate() || c.isConflict()) && !flaws.contains(Flaw.DUPLICATES_REPEATED_CREATE)) {
            Optional<String> earlier = objects.entrySet().stream().filter(e -> e.getValue().ref().equals(Optional.of(c.ref())))
                    .map(Map.Entry::getKey).findFirst();
            if (earlier.isPresent()) {
                return store(earlier.get(), new Stored(c.user(), c.type(), c.data(), 0, Optional.of(c.ref())));
            }
        }
        if (c.isCreate()) {
            return store(Long.toString(nextId++), new Stored(c.user(), c.type(), c.data(), 0, Optional.of(c.ref())));
        }
        String id = c.id().orElseThrow();
        Stored s = objects.get(id);
        if (c.operation() == Operation.DELETE) {
            if (s == null) {
                return ChangeResult.deleted(id);
            }
            if (preconditionFails(c, s)) {
                return new ChangeResult.PreconditionFailed("object " + id + " is at version " + s.version(), Optional.of(Long.toString(s.version())));
            }
            objects.remove(id);
            long modid = ++counter;
            if (!flaws.contains(Flaw.FORGETS_DELETES)) {
                log.add(new Logged(modid, id, true, s.user(), s.type()));
            }
            return ChangeResult.deleted(id);
        }
        if (s == null) {
            return new ChangeResult.NotFound("object " + id + " does not exist");
        }
        if (preconditionFails(c, s)) {
            return new ChangeResult.PreconditionFailed("object " + id + " is at version " + s.version(), Optional.of(Long.toString(s.version())));
        }
        if (c.isConflict() && !flaws.contains(Flaw.COPY_UPDATES_ORIGINAL)) {
            return store(Long.toString(nextId++), new Stored(s.user(), s.type(), c.data(), 0, Optional.of(c.ref())));
        }
        return store(id, new Stored(s.user(), s.type(), c.data(), 0, s.ref()));
    }

    private boolean preconditionFails(IncomingChange c, Stored s) {
        return !flaws.contains(Flaw.IGNORES_EXPECTED_VERSION) && c.expectedVersion().isPresent()
                && !c.expectedVersion().get().equals(Long.toString(s.version()));
    }

    private ChangeResult store(String id, Stored s) {
        long modid = ++counter;
        objects.put(id, new Stored(s.user(), s.type(), s.data(), modid, s.ref()));
        log.add(new Logged(modid, id, false, s.user(), s.type()));
        return ChangeResult.written(id, Long.toString(modid));
    }
}
