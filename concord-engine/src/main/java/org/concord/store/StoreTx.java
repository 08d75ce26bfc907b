package org.concord.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Cursor;
import org.concord.spi.KnownObject;

/**
 * The operations of one transaction (or one read). Only valid inside the {@link Store.Work} it
 * was handed to: a call after the work returned throws {@link IllegalStateException}, and so does
 * a change inside {@link Store#read}.
 *
 * <p><b>Conventions:</b> instants are stored to the millisecond. Links and pending entries belong
 * to a saved {@link Item}: a transaction that leaves a link or a pending entry of an item that was
 * never saved fails at commit. Failures of the database are {@link StoreException}s that name the
 * store and the operation.
 */
public interface StoreTx {

    // ---- items and links

    Optional<Item> item(String globalId);

    /** The item of a user and type whose objects carry this UID. */
    Optional<Item> itemByUid(String user, ItemType type, String uid);

    /** Inserts or replaces an item (its UID may change: a duplicate gets a new one). */
    void saveItem(Item item);

    /** Deletes the item, its links and its pending entries (it is gone everywhere); its history stays. */
    void deleteItem(String globalId);

    Optional<Link> link(String system, String nativeId);

    /**
     * What the links of a system with these native ids say a listing should compare against, by
     * native id (ids without a link are left out): a page of a listing in a few statements, and
     * without the item ids and field hashes a comparison does not need.
     */
    default Map<String, KnownObject> knownObjects(String system, Collection<String> nativeIds) {
        Map<String, KnownObject> found = new HashMap<>();
        for (String id : nativeIds) {
            link(system, id).ifPresent(l -> found.put(id, Link.known(l)));
        }
        return found;
    }

    Optional<Link> linkOfItem(String system, String globalId);

    List<Link> links(String globalId);

    /**
     * Inserts or replaces the link of (system, native id). A system holds an item at most once:
     * an older link of the same item in the same system, under another native id, is replaced.
     */
    void saveLink(Link link);

    void deleteLink(String system, String nativeId);

    /**
     * Streams every link of a system without holding them all in memory, in no particular order.
     * The visitor may use this transaction meanwhile (look up, put pending).
     */
    void forEachLink(String system, Consumer<Link> visitor);

    /** As {@link #forEachLink}, with only what a listing compares against. */
    default void forEachKnownObject(String system, Consumer<KnownObject> visitor) {
        forEachLink(system, l -> visitor.accept(Link.known(l)));
    }

    long countLinks(String system);

    // ---- cursors

    /** The cursor stored for a system, or {@link Cursor#START}. */
    Cursor cursor(String system);

    void saveCursor(String system, Cursor cursor);

    // ---- pending

    /**
     * Makes this the one pending entry of (target, item), replacing any older one, with a new
     * {@code seq} greater than every seq handed out before by this store, across restarts. The
     * entry starts afresh: enqueued and not before {@code now}, no attempts, no last error.
     *
     * @param payload the state to write; required for {@link PendingOp#UPSERT}
     * @return the new seq
     */
    long putPending(String target, String globalId, PendingOp op, Optional<Payload> payload, String origin, Instant now);

    Optional<Pending> pending(String target, String globalId);

    /** Entries of a target whose {@code notBefore} is not after {@code now}, oldest seq first, at most {@code limit}. */
    List<Pending> duePending(String target, Instant now, int limit);

    /**
     * The entries {@link #duePending} returns, each with its item, the target's link of it and
     * whether an open conflict holds it, as {@link #item}, {@link #linkOfItem} and
     * {@link #openConflictOf} tell; a store may read them all in one query.
     */
    default List<DueEntry> dueEntries(String target, Instant now, int limit) {
        return duePending(target, now, limit).stream()
                .map(p -> new DueEntry(p, item(p.globalId()), linkOfItem(target, p.globalId()),
                        openConflictOf(p.globalId()).isPresent()))
                .toList();
    }

    /** Removes the entry only if it still has {@code seq} (was not replaced meanwhile). */
    boolean removePending(String target, String globalId, long seq);

    /**
     * Records a failed attempt of the entry with {@code seq}, if it was not replaced meanwhile: its
     * attempts, when to try again and why it failed. The seq stays.
     */
    void deferPending(String target, String globalId, long seq, int attempts, Instant notBefore, String error);

    long countPending(String target);

    /** When the oldest entry (lowest seq) still pending for the target was enqueued. */
    Optional<Instant> oldestPending(String target);

    // ---- sync errors

    /**
     * Records (or counts again) an error of one object in one system and phase. A repeat adds one
     * to the count and takes the new message and time; the first time stays, and a global id once
     * known is kept when the repeat has none.
     */
    void recordError(String system, ErrorPhase phase, String objectRef, Optional<String> globalId, String message, Instant now);

    /** Clears the errors of an object, once it synced fine. */
    void clearError(String system, ErrorPhase phase, String objectRef);

    /** The most recently seen errors first, of one system or of all. */
    List<SyncError> errors(Optional<String> system, int limit);

    Optional<SyncError> error(long id);

    void deleteError(long id);

    /** The number of objects of a system in error (not the sum of their counts). */
    long countErrors(String system);

    // ---- conflicts

    /** Stores a conflict under a new id, which it returns; the record's own id is ignored. */
    long recordConflict(ConflictRecord conflict);

    /** The newest conflicts first; only those still open if {@code openOnly}. */
    List<ConflictRecord> conflicts(boolean openOnly, int limit);

    Optional<ConflictRecord> conflict(long id);

    /** Closes a conflict with the decision taken (replacing its decision text), and drops the versions it held. */
    void closeConflict(long id, String decision);

    /** The open conflict of an item, if one holds it. */
    Optional<ConflictRecord> openConflictOf(String globalId);

    /** Keeps (or replaces) one system's version of a held conflict. */
    void saveConflictVersion(long id, String system, Payload payload);

    /** The versions of a held conflict, by system. */
    Map<String, Payload> conflictVersions(long id);

    long countConflicts(boolean openOnly);

    // ---- system states

    Optional<SystemState> systemState(String system);

    void saveSystemState(SystemState state);

    // ---- history

    void addHistory(HistoryEntry entry);

    /** The newest entries of an item, newest first. */
    List<HistoryEntry> history(String globalId, int limit);
}
