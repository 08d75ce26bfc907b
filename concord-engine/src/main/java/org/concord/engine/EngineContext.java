package org.concord.engine;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.concord.model.ItemType;
import org.concord.store.Store;

/** What the readers and writers of one engine share. */
final class EngineContext {
    final Store store;
    final Clock clock;
    final UserMap users;
    final ConflictSettings conflicts;
    final Tuning tuning;
    final Map<String, SystemRuntime> systems = new LinkedHashMap<>();
    volatile EngineMetrics metrics = EngineMetrics.NONE;
    volatile Guards guards = Guards.defaults();

    /** Runs a store transaction and reports how long it took. */
    <T> T transact(org.concord.store.Store.Work<T> work) {
        long start = System.nanoTime();
        T result = store.transact(work);
        metrics.storeCommit(java.time.Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    EngineContext(Store store, Clock clock, UserMap users, ConflictSettings conflicts, Tuning tuning) {
        this.store = store;
        this.clock = clock;
        this.users = users;
        this.conflicts = conflicts;
        this.tuning = tuning;
    }

    Collection<SystemRuntime> systems() {
        return systems.values();
    }

    SystemRuntime system(String name) {
        SystemRuntime s = systems.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no system named '" + name + "'; systems: " + systems.keySet());
        }
        return s;
    }

    /** Every system holding objects of this type, by name. */
    Set<String> systemsFor(ItemType type) {
        Set<String> out = new TreeSet<>();
        for (SystemRuntime s : systems.values()) {
            if (s.supports(type)) {
                out.add(s.name);
            }
        }
        return out;
    }
}
