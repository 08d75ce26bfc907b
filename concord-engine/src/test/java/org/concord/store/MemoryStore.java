package org.concord.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Cursor;

/**
 * A store in memory for engine tests: every transaction works on a copy of the state that
 * replaces it on commit, so a rollback is simply dropping the copy. Simple rather than fast.
 * A "restart" keeps the same instance (the durable part).
 */
public final class MemoryStore implements Store {

    private static final class State {
        Map<String, Item> items = new HashMap<>();
        Map<String, Link> links = new HashMap<>(); // system + '\0' + nativeId
        Map<String, Cursor> cursors = new HashMap<>();
        Map<String, Pending> pending = new HashMap<>(); // target + '\0' + globalId
        Map<String, SyncError> errors = new HashMap<>(); // system + phase + ref
        TreeMap<Long, ConflictRecord> conflicts = new TreeMap<>();
        Map<String, SystemState> states = new HashMap<>();
        List<HistoryEntry> history = new ArrayList<>();
        Map<Long, Map<String, Payload>> versions = new HashMap<>();
        long seq;
        long ids;

        State copy() {
            State s = new State();
            s.items = new HashMap<>(items);
            s.links = new HashMap<>(links);
            s.cursors = new HashMap<>(cursors);
            s.pending = new HashMap<>(pending);
            s.errors = new HashMap<>(errors);
            s.conflicts = new TreeMap<>(conflicts);
            s.states = new HashMap<>(states);
            s.history = new ArrayList<>(history);
            versions.forEach((k, v) -> s.versions.put(k, new java.util.TreeMap<>(v)));
            s.seq = seq;
            s.ids = ids;
            return s;
        }
    }

    private State committed = new State();
    private boolean failNextCommit;

    /** The next transaction fails when it commits (as if the process died before the commit). */
    public synchronized void failNextCommit() {
        failNextCommit = true;
    }

    /** Forgets an injected failure that has not fired yet. */
    public synchronized void clearFaults() {
        failNextCommit = false;
    }

    @Override
    public synchronized <T> T transact(Work<T> work) {
        State working = committed.copy();
        T result = work.run(new Tx(working));
        if (failNextCommit) {
            failNextCommit = false;
            throw new StoreException("memory store: commit failed (injected)");
        }
        committed = working;
        return result;
    }

    @Override
    public synchronized <T> T read(Work<T> work) {
        return work.run(new Tx(committed.copy()));
    }

    @Override
    public String describe() {
        return "memory";
    }

    @Override
    public void close() {}

    private static String key(String a, String b) {
        return a + '\0' + b;
    }

    private static final class Tx implements StoreTx {
        private final State s;

        Tx(State s) {
            this.s = s;
        }

        @Override
        public Optional<Item> item(String globalId) {
            return Optional.ofNullable(s.items.get(globalId));
        }

        @Override
        public Optional<Item> itemByUid(String user, ItemType type, String uid) {
            return s.items.values().stream()
                    .filter(i -> i.user().equals(user) && i.type() == type && i.uid().equals(Optional.of(uid)))
                    .findFirst();
        }

        @Override
        public void saveItem(Item item) {
            s.items.put(item.globalId(), item);
        }

        @Override
        public void deleteItem(String globalId) {
            s.items.remove(globalId);
            s.links.values().removeIf(l -> l.globalId().equals(globalId));
            s.pending.values().removeIf(p -> p.globalId().equals(globalId));
        }

        @Override
        public Optional<Link> link(String system, String nativeId) {
            return Optional.ofNullable(s.links.get(key(system, nativeId)));
        }

        @Override
        public Optional<Link> linkOfItem(String system, String globalId) {
            return s.links.values().stream()
                    .filter(l -> l.system().equals(system) && l.globalId().equals(globalId))
                    .findFirst();
        }

        @Override
        public List<Link> links(String globalId) {
            return s.links.values().stream().filter(l -> l.globalId().equals(globalId)).toList();
        }

        @Override
        public void saveLink(Link link) {
            s.links.values().removeIf(l -> l.system().equals(link.system()) && l.globalId().equals(link.globalId())
                    && !l.nativeId().equals(link.nativeId()));
            s.links.put(key(link.system(), link.nativeId()), link);
        }

        @Override
        public void deleteLink(String system, String nativeId) {
            s.links.remove(key(system, nativeId));
        }

        @Override
        public void forEachLink(String system, Consumer<Link> visitor) {
            s.links.values().stream().filter(l -> l.system().equals(system)).toList().forEach(visitor);
        }

        @Override
        public long countLinks(String system) {
            return s.links.values().stream().filter(l -> l.system().equals(system)).count();
        }

        @Override
        public Cursor cursor(String system) {
            return s.cursors.getOrDefault(system, Cursor.START);
        }

        @Override
        public void saveCursor(String system, Cursor cursor) {
            s.cursors.put(system, cursor);
        }

        @Override
        public long putPending(String target, String globalId, PendingOp op, Optional<Payload> payload, String origin,
                Instant now) {
            long seq = ++s.seq;
            s.pending.put(key(target, globalId),
                    new Pending(target, globalId, seq, op, payload, origin, now, 0, now, Optional.empty()));
            return seq;
        }

        @Override
        public Optional<Pending> pending(String target, String globalId) {
            return Optional.ofNullable(s.pending.get(key(target, globalId)));
        }

        @Override
        public List<Pending> duePending(String target, Instant now, int limit) {
            return s.pending.values().stream()
                    .filter(p -> p.target().equals(target) && !p.notBefore().isAfter(now))
                    .sorted(Comparator.comparingLong(Pending::seq))
                    .limit(limit)
                    .toList();
        }

        @Override
        public boolean removePending(String target, String globalId, long seq) {
            Pending p = s.pending.get(key(target, globalId));
            if (p != null && p.seq() == seq) {
                s.pending.remove(key(target, globalId));
                return true;
            }
            return false;
        }

        @Override
        public void deferPending(String target, String globalId, long seq, int attempts, Instant notBefore, String error) {
            Pending p = s.pending.get(key(target, globalId));
            if (p != null && p.seq() == seq) {
                s.pending.put(key(target, globalId), new Pending(target, globalId, seq, p.op(), p.payload(), p.origin(),
                        p.enqueuedAt(), attempts, notBefore, Optional.of(error)));
            }
        }

        @Override
        public long countPending(String target) {
            return s.pending.values().stream().filter(p -> p.target().equals(target)).count();
        }

        @Override
        public Optional<Instant> oldestPending(String target) {
            return s.pending.values().stream().filter(p -> p.target().equals(target))
                    .map(Pending::enqueuedAt).min(Comparator.naturalOrder());
        }

        @Override
        public void recordError(String system, ErrorPhase phase, String objectRef, Optional<String> globalId,
                String message, Instant now) {
            String k = system + '\0' + phase.code() + '\0' + objectRef;
            SyncError old = s.errors.get(k);
            s.errors.put(k, old == null
                    ? new SyncError(++s.ids, system, phase, objectRef, globalId, message, now, now, 1)
                    : new SyncError(old.id(), system, phase, objectRef, globalId, message, old.firstAt(), now, old.count() + 1));
        }

        @Override
        public void clearError(String system, ErrorPhase phase, String objectRef) {
            s.errors.remove(system + '\0' + phase.code() + '\0' + objectRef);
        }

        @Override
        public List<SyncError> errors(Optional<String> system, int limit) {
            return s.errors.values().stream().filter(e -> system.isEmpty() || e.system().equals(system.get()))
                    .sorted(Comparator.comparingLong(SyncError::id)).limit(limit).toList();
        }

        @Override
        public Optional<SyncError> error(long id) {
            return s.errors.values().stream().filter(e -> e.id() == id).findFirst();
        }

        @Override
        public void deleteError(long id) {
            s.errors.values().removeIf(e -> e.id() == id);
        }

        @Override
        public long countErrors(String system) {
            return s.errors.values().stream().filter(e -> e.system().equals(system)).count();
        }

        @Override
        public long recordConflict(ConflictRecord c) {
            long id = ++s.ids;
            s.conflicts.put(id, new ConflictRecord(id, c.globalId(), c.system(), c.otherOrigin(), c.policy(),
                    c.decision(), c.duplicateId(), c.at(), c.open()));
            return id;
        }

        @Override
        public List<ConflictRecord> conflicts(boolean openOnly, int limit) {
            return s.conflicts.descendingMap().values().stream().filter(c -> !openOnly || c.open()).limit(limit).toList();
        }

        @Override
        public Optional<ConflictRecord> conflict(long id) {
            return Optional.ofNullable(s.conflicts.get(id));
        }

        @Override
        public void closeConflict(long id, String decision) {
            ConflictRecord c = s.conflicts.get(id);
            s.versions.remove(id);
            if (c != null) {
                s.conflicts.put(id, new ConflictRecord(id, c.globalId(), c.system(), c.otherOrigin(), c.policy(),
                        decision, c.duplicateId(), c.at(), false));
            }
        }

        @Override
        public Optional<ConflictRecord> openConflictOf(String globalId) {
            return s.conflicts.descendingMap().values().stream()
                    .filter(c -> c.open() && c.globalId().equals(globalId)).findFirst();
        }

        @Override
        public void saveConflictVersion(long id, String system, Payload payload) {
            s.versions.computeIfAbsent(id, k -> new java.util.TreeMap<>()).put(system, payload);
        }

        @Override
        public Map<String, Payload> conflictVersions(long id) {
            return new java.util.TreeMap<>(s.versions.getOrDefault(id, Map.of()));
        }

        @Override
        public long countConflicts(boolean openOnly) {
            return s.conflicts.values().stream().filter(c -> !openOnly || c.open()).count();
        }

        @Override
        public Optional<SystemState> systemState(String system) {
            return Optional.ofNullable(s.states.get(system));
        }

        @Override
        public void saveSystemState(SystemState state) {
            s.states.put(state.system(), state);
        }

        @Override
        public void addHistory(HistoryEntry entry) {
            s.history.add(entry);
        }

        @Override
        public List<HistoryEntry> history(String globalId, int limit) {
            return s.history.reversed().stream().filter(h -> h.globalId().equals(globalId)).limit(limit).toList();
        }
    }
}
