package org.concord.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.concord.model.ItemType;

/**
 * The same object seen across all systems: one global id, the canonical user it belongs to (after
 * the user map), its type, and the object's own UID when it has one.
 *
 * <p>The UID lets the engine recognize an object that appears in a system without a link as one
 * it already knows (our own create whose reply was lost, or two systems that already held the
 * same objects before they were connected), instead of doubling it.
 */
public record Item(String globalId, String user, ItemType type, Optional<String> uid, Instant createdAt) {
    public Item {
        Objects.requireNonNull(globalId, "globalId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
