package org.concord.engine;

import java.util.List;

/**
 * What a {@code sync --once} run achieved.
 *
 * @param undelivered pending entries left (for systems that are down, or objects that failed)
 * @param down systems that did not work, with the reason
 */
public record SyncReport(int rounds, long read, long written, long undelivered, long errors, List<String> down) {
    public boolean complete() {
        return undelivered == 0 && down.isEmpty();
    }
}
