package org.concord.engine;

import java.util.Set;
import org.concord.model.Payload;

/** How a conflict resolves, as {@link ConflictRule} decides it. */
sealed interface ConflictDecision {

    /** The policy that decided, as stored with the conflict ("merge", "merge, then duplicate", …). */
    String policy();

    /** What happened, in words, for the conflict record and the logs. */
    String why();

    /**
     * The pending version keeps the item (and is still written to the conflicting system); the
     * conflicting system's version becomes a new item, queued for {@code targets}. When
     * {@code fanOutAfterCreate} is set, it is created there first and then synced to all as new.
     */
    record Duplicate(String policy, String why, Set<String> targets, boolean fanOutAfterCreate) implements ConflictDecision {
        public Duplicate {
            targets = Set.copyOf(targets);
        }
    }

    /** The pending version wins; the conflicting system's version is overwritten. */
    record KeepPending(String policy, String why) implements ConflictDecision {}

    /** The conflicting system's version wins everywhere. */
    record KeepIncoming(String policy, String why) implements ConflictDecision {}

    /** Both versions merged field by field; the result goes to every system. */
    record Merged(String policy, String why, Payload merged) implements ConflictDecision {}

    /** The item is held with both versions until an admin decides. */
    record Hold(String policy, String why) implements ConflictDecision {}
}
