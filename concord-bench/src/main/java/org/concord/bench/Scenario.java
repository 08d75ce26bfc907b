package org.concord.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One benchmark scenario. It runs in a JVM of its own (so heap, RSS and JIT state of one scenario
 * never colour another), records figures in its result and asserts nothing: a missed target is a
 * figure, not a failure. Only an error that leaves no valid figure is thrown.
 */
public interface Scenario {

    /** The name on the command line, e.g. {@code hub-latency}. */
    String name();

    /** One line for {@code --list} and the table. */
    String summary();

    /** JVM options of the scenario's JVM (heap limit above all). */
    default List<String> jvmOptions(BenchOptions options) {
        return List.of("-Xmx1g");
    }

    /** How long the scenario's JVM may run before it is stopped and the scenario counted failed. */
    default Duration timeLimit(BenchOptions options) {
        return options.quick() ? Duration.ofMinutes(2) : Duration.ofMinutes(20);
    }

    /**
     * Runs the scenario in {@code dir} (fresh and empty; removed afterwards unless kept).
     *
     * @throws Exception when no valid figure can be given; the scenario then counts as failed
     */
    void run(BenchOptions options, Path dir, ScenarioResult result) throws Exception;
}
