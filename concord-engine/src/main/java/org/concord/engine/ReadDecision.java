package org.concord.engine;

import org.concord.store.Pending;

/**
 * What one change read from a system means, as {@link ReadPlanner} decides it. The reader applies
 * it in the batch's transaction.
 */
sealed interface ReadDecision {

    /** Nothing to do (a delete of an object the hub never knew). */
    record Ignore(String why) implements ReadDecision {}

    /** The content is what the hub last synced with the system (our own write coming back, or a reformat). */
    record Echo() implements ReadDecision {}

    /** The system now holds exactly what was pending for it: our write landed (its reply may have been lost). */
    record OwnWriteLanded(Pending pending) implements ReadDecision {}

    /** An object the hub has never seen: a new item. */
    record NewItem() implements ReadDecision {}

    /** An object not linked yet, with the UID of a known item and the same content: link it, nothing to send. */
    record AdoptInSync() implements ReadDecision {}

    /** The object changed (or, not linked yet, differs from its item): every other system gets it. */
    record Update() implements ReadDecision {}

    /** The object was deleted: every other system deletes it too. */
    record Delete() implements ReadDecision {}

    /** Deleted here while an update was pending for this system: the update wins and recreates it. */
    record DeleteLosesToPendingUpdate(Pending pending) implements ReadDecision {}

    /** Deleted here while a delete was pending for this system anyway. */
    record DeleteConfirmsPendingDelete(Pending pending) implements ReadDecision {}

    /**
     * Not linked here yet, and exactly what an earlier create for this system carried, while that
     * create has since become a delete: our create landed (its reply was lost) after the item was
     * deleted elsewhere. Link it, so the pending delete removes it.
     */
    record AdoptForDelete(Pending pending) implements ReadDecision {}

    /** Changed here while a delete was pending for this system: the update wins everywhere. */
    record UpdateBeatsPendingDelete(Pending pending) implements ReadDecision {}

    /** Changed here while another change was pending for this system: the conflict rule decides. */
    record Conflict(Pending pending) implements ReadDecision {}

    /** The object could not be read or converted: a sync error. */
    record Unreadable(String reason) implements ReadDecision {}
}
