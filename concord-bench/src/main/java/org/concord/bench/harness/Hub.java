package org.concord.bench.harness;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.concord.engine.ConflictSettings;
import org.concord.engine.Engine;
import org.concord.engine.SystemSpec;
import org.concord.engine.Tuning;
import org.concord.engine.UserMap;
import org.concord.store.Store;

/** The engine as {@code concord run} builds it: default tuning, default conflict policy, identity user map. */
public final class Hub {
    private Hub() {}

    public static Engine engine(Store store, List<SystemSpec> systems) {
        return new Engine(store, systems, UserMap.identity(), ConflictSettings.defaults(), Tuning.defaults(),
                Clock.systemUTC());
    }

    /** Waits until nothing is pending for any system, or the time is up; true if so. */
    public static boolean awaitQuiet(Engine engine, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (engine.status().pending() == 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
