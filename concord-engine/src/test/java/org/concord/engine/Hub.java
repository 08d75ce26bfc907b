package org.concord.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.store.MemoryStore;
import org.concord.store.Store;
import org.concord.testkit.InMemoryConnector;
import org.concord.testkit.InMemorySystem;

/** Test fixture: N in-memory systems, a store, and an engine that can be restarted over them. */
final class Hub implements AutoCloseable {
    static final Tuning FAST = new Tuning(50, 20, Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofMillis(20));

    final Map<String, InMemorySystem> systems = new LinkedHashMap<>();
    final Store store;
    final ConflictSettings conflicts;
    Engine engine;
    /** Off by default: random tests delete freely; guard tests set real limits. */
    Guards guards = new Guards(1.0, Integer.MAX_VALUE, 20_000);

    Hub(Store store, ConflictSettings conflicts, String... names) {
        this.store = store;
        this.conflicts = conflicts;
        for (String n : names) {
            systems.put(n, new InMemorySystem(n));
        }
        engine = newEngine();
    }

    Hub(String... names) {
        this(new MemoryStore(), ConflictSettings.defaults(), names);
    }

    InMemorySystem system(String name) {
        return systems.get(name);
    }

    private Engine newEngine() {
        List<SystemSpec> specs = new ArrayList<>();
        systems.forEach((n, s) -> specs.add(new SystemSpec(n, new InMemoryConnector(s), Duration.ofMillis(20))));
        Engine e = new Engine(store, specs, UserMap.identity(), conflicts, FAST, Clock.systemUTC());
        e.setGuards(guards);
        return e;
    }

    /** Stops the engine and starts a new one on the same store and systems (a process restart). */
    void restart() {
        engine.close();
        engine = newEngine();
    }

    /** Sets guards and restarts the engine so they apply. */
    void useGuards(Guards g) {
        guards = g;
        restart();
    }

    SyncReport sync() throws InterruptedException {
        return engine.syncOnce(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        engine.close();
        store.close();
    }

    static Optional<InMemorySystem.Stored> byUid(InMemorySystem s, String uid) {
        return s.list().stream().filter(o -> o.payload().uid().equals(Optional.of(uid))).findFirst();
    }

    static long countUid(InMemorySystem s, String uid) {
        return s.list().stream().filter(o -> o.payload().uid().equals(Optional.of(uid))).count();
    }
}
