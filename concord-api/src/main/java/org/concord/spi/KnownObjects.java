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
     * The known objects among {@code nativeIds}, by native id; an id the hub does not know is
     * absent. A connector that compares a listing asks once per page of it rather than once per
     * object: the hub answers a page with one look at its store instead of one look per object.
     */
    default Map<String, KnownObject> findAll(Collection<String> nativeIds) {
        Map<String, KnownObject> found = new HashMap<>();
        for (String id : nativeIds) {
            find(id).ifPresent(object -> found.put(id, object));
        }
        return found;
    }

    /** Visits every known object of the system, in no particular order. */
    void forEach(Consumer<KnownObject> visitor);

    /**
     * Whether the hub knows no object of the system yet, as before its first sync. A connector
     * that lists skips what only matters for known objects, such as looking for deleted files.
     * The default starts a visit and stops it at the first object, so it reads one row, never the
     * whole view; a view with a cheaper way to tell may override it.
     */
    default boolean isEmpty() {
        try {
            forEach(object -> {
                throw FirstFound.INSTANCE;
            });
            return true;
        } catch (FirstFound found) {
            return false;
        }
    }

    /** A view of nothing: for tests and for a first read. */
    KnownObjects NONE = new KnownObjects() {
        @Override
        public Optional<KnownObject> find(String nativeId) {
            return Optional.empty();
        }

        @Override
        public Map<String, KnownObject> findAll(Collection<String> nativeIds) {
            return Map.of();
        }

        @Override
        public void forEach(Consumer<KnownObject> visitor) {}

        @Override
        public boolean isEmpty() {
            return true;
        }
    };
}

