package org.concord.store.jdbc;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Cursor;
import org.concord.spi.KnownObject;
import org.concord.store.ConflictRecord;
import org.concord.store.DueEntry;
import org.concord.store.ErrorPhase;
import org.concord.store.HistoryEntry;
import org.concord.store.Item;
import org.concord.store.Link;
import org.concord.store.Pending;
import org.concord.store.PendingOp;
import org.concord.store.StoreTx;
import org.concord.store.SyncError;
import org.concord.store.SystemState;

/**
 * One transaction (or one read) of a {@link JdbcStore}. Valid only while its work runs: afterwards
 * every call is refused, because the connection has moved on to other work. A read refuses every
 * change.
 */
final class JdbcTx implements StoreTx {

    private final String store;
    private final boolean writable;
    private final LinkOps links;
    private final PendingOps pending;
    private final DueEntryOps due;
    private final ErrorOps errors;
    private final ConflictOps conflicts;
    private final StateOps states;
    private boolean ended;

    JdbcTx(Session session, SeqCounter seqs, boolean writable) {
        this.store = session.backend().describe();
        this.writable = writable;
        this.links = new LinkOps(session);
        this.pending = new PendingOps(session, seqs);
        this.due = new DueEntryOps(session);
        this.errors = new ErrorOps(session);
        this.conflicts = new ConflictOps(session);
        this.states = new StateOps(session);
    }

    void end() {
        ended = true;
    }

    private void reading(String operation) {
        if (ended) {
            throw new IllegalStateException(store + ": " + operation + " called after its transaction ended");
        }
    }

    private void changing(String operation) {
        reading(operation);
        if (!writable) {
            throw new IllegalStateException(store + ": " + operation + " called inside a read; use transact");
        }
    }

    // ---- items and links

    @Override
    public Optional<Item> itemByUid(String user, ItemType type, String uid) {
        reading("itemByUid");
        return links.itemByUid(user, type, uid);
    }

    @Override
    public Optional<Item> item(String globalId) {
        reading("item");
        return links.item(globalId);
    }

    @Override
    public void saveItem(Item item) {
        changing("saveItem");
        links.saveItem(item);
    }

    @Override
    public void deleteItem(String globalId) {
        changing("deleteItem");
        links.deleteItem(globalId);
    }

    @Override
    public Optional<Link> link(String system, String nativeId) {
        reading("link");
        return links.link(system, nativeId);
    }

    @Override
    public Map<String, KnownObject> knownObjects(String system, Collection<String> nativeIds) {
        reading("knownObjects");
        return links.knownObjects(system, nativeIds);
    }

    @Override
    public void forEachKnownObject(String system, Consumer<KnownObject> visitor) {
        reading("forEachKnownObject");
        links.forEachKnownObject(system, visitor);
    }

    @Override
    public Optional<Link> linkOfItem(String system, String globalId) {
        reading("linkOfItem");
        return links.linkOfItem(system, globalId);
    }

    @Override
    public List<Link> links(String globalId) {
        reading("links");
        return links.links(globalId);
    }

    @Override
    public void saveLink(Link link) {
        changing("saveLink");
        links.saveLink(link);
    }

    @Override
    public void deleteLink(String system, String nativeId) {
        changing("deleteLink");
        links.deleteLink(system, nativeId);
    }

    @Override
    public void forEachLink(String system, Consumer<Link> visitor) {
        reading("forEachLink");
        links.forEachLink(system, visitor);
    }

    @Override
    public long countLinks(String system) {
        reading("countLinks");
        return links.countLinks(system);
    }

    // ---- cursors

    @Override
    public Cursor cursor(String system) {
        reading("cursor");
        return states.cursor(system);
    }

    @Override
    public void saveCursor(String system, Cursor cursor) {
        changing("saveCursor");
        states.saveCursor(system, cursor);
    }

    // ---- pending

    @Override
    public long putPending(String target, String globalId, PendingOp op, Optional<Payload> payload, String origin, Instant now) {
        changing("putPending");
        return pending.put(target, globalId, op, payload, origin, now);
    }

    @Override
    public Optional<Pending> pending(String target, String globalId) {
        reading("pending");
        return pending.pending(target, globalId);
    }

    @Override
    public List<Pending> duePending(String target, Instant now, int limit) {
        reading("duePending");
        return pending.due(target, now, limit);
    }

    @Override
    public List<DueEntry> dueEntries(String target, Instant now, int limit) {
        reading("dueEntries");
        return due.due(target, now, limit);
    }

    @Override
    public boolean removePending(String target, String globalId, long seq) {
        changing("removePending");
        return pending.remove(target, globalId, seq);
    }

    @Override
    public void deferPending(String target, String globalId, long seq, int attempts, Instant notBefore, String error) {
        changing("deferPending");
        pending.defer(target, globalId, seq, attempts, notBefore, error);
    }

    @Override
    public long countPending(String target) {
        reading("countPending");
        return pending.count(target);
    }

    @Override
    public Optional<Instant> oldestPending(String target) {
        reading("oldestPending");
        return pending.oldest(target);
    }

    // ---- sync errors

    @Override
    public void recordError(String system, ErrorPhase phase, String objectRef, Optional<String> globalId, String message, Instant now) {
        changing("recordError");
        errors.record(system, phase, objectRef, globalId, message, now);
    }

    @Override
    public void clearError(String system, ErrorPhase phase, String objectRef) {
        changing("clearError");
        errors.clear(system, phase, objectRef);
    }

    @Override
    public List<SyncError> errors(Optional<String> system, int limit) {
        reading("errors");
        return errors.newest(system, limit);
    }

    @Override
    public Optional<SyncError> error(long id) {
        reading("error");
        return errors.one(id);
    }

    @Override
    public void deleteError(long id) {
        changing("deleteError");
        errors.delete(id);
    }

    @Override
    public long countErrors(String system) {
        reading("countErrors");
        return errors.count(system);
    }

    // ---- conflicts

    @Override
    public long recordConflict(ConflictRecord conflict) {
        changing("recordConflict");
        return conflicts.record(conflict);
    }

    @Override
    public List<ConflictRecord> conflicts(boolean openOnly, int limit) {
        reading("conflicts");
        return conflicts.newest(openOnly, limit);
    }

    @Override
    public Optional<ConflictRecord> conflict(long id) {
        reading("conflict");
        return conflicts.one(id);
    }

    @Override
    public Optional<ConflictRecord> openConflictOf(String globalId) {
        reading("openConflictOf");
        return conflicts.openOfItem(globalId);
    }

    @Override
    public void saveConflictVersion(long id, String system, Payload payload) {
        changing("saveConflictVersion");
        conflicts.saveVersion(id, system, payload);
    }

    @Override
    public Map<String, Payload> conflictVersions(long id) {
        reading("conflictVersions");
        return conflicts.versions(id);
    }

    @Override
    public void closeConflict(long id, String decision) {
        changing("closeConflict");
        conflicts.close(id, decision);
    }

    @Override
    public long countConflicts(boolean openOnly) {
        reading("countConflicts");
        return conflicts.count(openOnly);
    }

    // ---- system states

    @Override
    public Optional<SystemState> systemState(String system) {
        reading("systemState");
        return states.systemState(system);
    }

    @Override
    public void saveSystemState(SystemState state) {
        changing("saveSystemState");
        states.saveSystemState(state);
    }

    // ---- history

    @Override
    public void addHistory(HistoryEntry entry) {
        changing("addHistory");
        states.addHistory(entry);
    }

    @Override
    public List<HistoryEntry> history(String globalId, int limit) {
        reading("history");
        return states.history(globalId, limit);
    }
}
