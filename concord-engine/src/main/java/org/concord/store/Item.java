package org.concord.store;

import java.time.Instant;
import java.util.Objects;
import org.concord.model.ItemType;

/**
 * The same object seen across all systems: one global id, the canonical user it belongs to (after
 * the user map) and its type.
 */
public record Item(String globalId, String user, ItemType type, Instant createdAt) {
    public Item {
        Objects.requireNonNull(globalId, "globalId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
