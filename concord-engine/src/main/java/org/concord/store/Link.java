package org.concord.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.concord.model.ItemType;
import org.concord.spi.KnownObject;
import org.concord.spi.Scope;

/**
 * (system, native id) ↔ global id, plus the state last synced with that system: native version,
 * content hash and per-field hashes of the payload (never the payload itself).
 *
 * @param user the user name as the system knows it (not mapped)
 */
public record Link(
        String system,
        String nativeId,
        String globalId,
        String user,
        ItemType type,
        String version,
        String contentHash,
        Map<String, String> fieldHashes,
        Instant syncedAt) {

    public Link {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(nativeId, "nativeId");
        Objects.requireNonNull(globalId, "globalId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
        fieldHashes = Map.copyOf(fieldHashes);
        Objects.requireNonNull(syncedAt, "syncedAt");
    }

    /** What a connector that lists compares against: the state of the object last synced. */
    public static KnownObject known(Link l) {
        return new KnownObject(new Scope(l.user(), l.type()), l.nativeId(), l.version(), l.contentHash());
    }
}
