package org.concord.engine;

/**
 * Limits that stop a system from spreading mass deletes: a read that deletes at least
 * {@code minDeletes} objects and more than {@code maxDeleteShare} of the objects the hub knows in
 * that system pauses the system instead, until an admin confirms with
 * {@code concord resume SYSTEM --accept-deletes}.
 *
 * @param lookahead how many changes a read may gather before judging (deletes often come in many pages)
 */
public record Guards(double maxDeleteShare, int minDeletes, int lookahead) {
    public Guards {
        if (maxDeleteShare <= 0 || maxDeleteShare > 1) {
            throw new IllegalArgumentException("max delete share must be in (0, 1]: " + maxDeleteShare);
        }
        if (minDeletes < 1) {
            throw new IllegalArgumentException("min deletes must be positive: " + minDeletes);
        }
    }

    public static Guards defaults() {
        return new Guards(0.5, 10, 20_000);
    }

    /** Whether {@code deletes} out of {@code known} objects is too many for one read. */
    boolean trips(long deletes, long known) {
        return deletes >= minDeletes && deletes > maxDeleteShare * known;
    }
}
