package org.concord.engine;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.concord.model.ItemType;

/**
 * One system as an admin sees it.
 *
 * @param up whether it works; {@code since} is when that last changed
 * @param caughtUp whether its reader has read everything since it came up
 * @param pending how many items it is still missing
 * @param oldestPending when the oldest of those was queued (its age is the lag)
 * @param errors sync errors of its objects
 * @param items objects of it the hub knows (links)
 */
public record SystemStatus(
        String name,
        String kind,
        Set<ItemType> types,
        boolean up,
        Instant since,
        Optional<String> reason,
        boolean paused,
        boolean caughtUp,
        long pending,
        Optional<Instant> oldestPending,
        long errors,
        long items,
        Optional<Instant> lastReadAt,
        String cursor) {}
