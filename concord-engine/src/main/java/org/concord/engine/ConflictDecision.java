package org.concord.engine;

import java.util.Set;

/** How a conflict resolves, as {@link ConflictRule} decides it. */
sealed interface ConflictDecision {

    /** Policy name and outcome in words, for the conflict record and the logs. */
    String policy();

    /**
     * The pending version keeps the item (and is still written to the conflicting system); the
     * conflicting system's version becomes a new item, queued for {@code targets}. When
     * {@code fanOutAfterCreate} is set, it is created there first and then synced to all as new.
     */
    record Duplicate(Set<String> targets, boolean fanOutAfterCreate) implements ConflictDecision {
        public Duplicate {
            targets = Set.copyOf(targets);
        }

        @Override
        public String policy() {
            return ConflictPolicy.DUPLICATE.code();
        }
    }
}
