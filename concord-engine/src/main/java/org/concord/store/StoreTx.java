package org.concord.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.concord.model.Payload;
import org.concord.spi.Cursor;

/**
 * The operations of one transaction (or one read). Only valid inside the {@link Store.Work} it
 * was handed to.
 */
public interface StoreTx {

    // ---- items and links

    Optional<Item> item(String globalId);

    /** The item of a user and type whose objects carry this UID. */
    Optional<Item> itemByUid(String user, org.concord.model.ItemType type, String uid);

    /** Inserts or replaces an item (its UID may change: a duplicate gets a new one). */
    void saveItem(Item item);

    /** Deletes the item, its links and its pending entries (it is gone everywhere). */
    void deleteItem(String globalId);

    Optional<Link> link(String system, String nativeId);

    Optional<Link> linkOfItem(String system, String globalId);

    List<Link> links(String globalId);

    /**
     * Inserts or replaces the link of (system, native id). A system holds an item at most once:
     * an older link of the same item in the same system, under another native id, is replaced.
     */
    void saveLink(Link link);

    void deleteLink(String system, String nativeId);

    /** Streams every link of a system without holding them all in memory. */
    void forEachLink(String system, Consumer<Link> visitor);

    long countLinks(String system);

    // ---- cursors

    /** The cursor stored for a system, or {@link Cursor#START}. */
    Cursor cursor(String system);

    void saveCursor(String system, Cursor cursor);

    // ---- pending

    /**
     * Makes this the one pending entry of (target, item), replacing any older one, with a new
     * {@code seq} greater than every seq handed out before. Attempts start at zero.
     *
     * @return the new seq
     */
    long putPending(String target, String globalId, PendingOp op, Optional<Payload> payload, String origin, Instant now);

    Optional<Pending> pending(String target, String globalId);

    /** Entries of a target whose {@code notBefore} has passed, oldest seq first. */
    List<Pending> duePending(String target, Instant now, int limit);

    /** Removes the entry only if it still has {@code seq} (was not replaced meanwhile). */
    boolean removePending(String target, String globalId, long seq);

    /** Records a failed attempt of the entry with {@code seq}, if it was not replaced meanwhile. */
    void deferPending(String target, String globalId, long seq, int attempts, Instant notBefore, String error);

    long countPending(String target);

    /** When the oldest entry still pending for the target was enqueued. */
    Optional<Instant> oldestPending(String target);

    // ---- sync errors

    /** Records (or counts again) an error of one object in one system and phase. */
    void recordError(String system, ErrorPhase phase, String objectRef, Optional<String> globalId, String message, Instant now);

    /** Clears the errors of an object, once it synced fine. */
    void clearError(String system, ErrorPhase phase, String objectRef);

    List<SyncError> errors(Optional<String> system, int limit);

    Optional<SyncError> error(long id);

    void deleteError(long id);

    long countErrors(String system);

    // ---- conflicts

    long recordConflict(ConflictRecord conflict);

    List<ConflictRecord> conflicts(boolean openOnly, int limit);

    Optional<ConflictRecord> conflict(long id);

    /** Closes a conflict with the decision taken, and drops the versions it held. */
    void closeConflict(long id, String decision);

    /** The open conflict of an item, if one holds it. */
    Optional<ConflictRecord> openConflictOf(String globalId);

    /** Keeps (or replaces) one system's version of a held conflict. */
    void saveConflictVersion(long id, String system, Payload payload);

    /** The versions of a held conflict, by system. */
    java.util.Map<String, Payload> conflictVersions(long id);

    long countConflicts(boolean openOnly);

    // ---- system states

    Optional<SystemState> systemState(String system);

    void saveSystemState(SystemState state);

    // ---- history

    void addHistory(HistoryEntry entry);

    /** The newest entries of an item, newest first. */
    List<HistoryEntry> history(String globalId, int limit);
}
