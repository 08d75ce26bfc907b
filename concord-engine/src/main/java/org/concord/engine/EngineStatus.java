package org.concord.engine;

import java.time.Instant;
import java.util.List;

/** The whole hub as an admin sees it. */
public record EngineStatus(Instant at, String store, List<SystemStatus> systems, long openConflicts, long conflicts) {

    public long pending() {
        return systems.stream().mapToLong(SystemStatus::pending).sum();
    }

    public long errors() {
        return systems.stream().mapToLong(SystemStatus::errors).sum();
    }

    public boolean allUp() {
        return systems.stream().allMatch(SystemStatus::up);
    }
}
