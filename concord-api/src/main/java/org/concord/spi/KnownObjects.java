package org.concord.spi;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A read-only view of the hub's links for one system: every object the hub has synced with it,
 * as last synced. It lets a connector whose system has no change feed (a folder, a DAV server
 * without sync tokens) find what changed by comparing a listing against it. The view is
 * durable and consistent with the stored cursor, so no connector needs state of its own.
 */
public interface KnownObjects {

    Optional<KnownObject> find(String nativeId);

    /**
     * What {@link #find} says of each of {@code nativeIds}, the unknown ones left out: a connector
     * comparing a listing asks for a page of names at once, which a store answers in one read
     * instead of one per name.
     */
    default Map<String, KnownObject> findAll(Collection<String> nativeIds) {
        Map<String, KnownObject> found = new HashMap<>();
        for (String id : nativeIds) {
            find(id).ifPresent(k -> found.put(id, k));
        }
        return found;
    }

    /** Visits every known object of the system, in no particular order. */
    void forEach(Consumer<KnownObject> visitor);

    /** A view of nothing: for tests and for a first read. */
    KnownObjects NONE = new KnownObjects() {
        @Override
        public Optional<KnownObject> find(String nativeId) {
            return Optional.empty();
        }

        @Override
        public void forEach(Consumer<KnownObject> visitor) {}
    };
}
