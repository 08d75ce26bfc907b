package org.concord.store;

import java.time.Instant;

/** One step in an item's recent history: read from a system, written to a system, conflict decided. */
public record HistoryEntry(String globalId, Instant at, String system, String action, String detail) {}
