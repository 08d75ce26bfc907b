package org.concord.bench;

import java.nio.file.Path;
import java.util.List;

/** The JVM of one scenario: {@code ChildMain SCENARIO RESULT-FILE [options…]}; writes the result as JSON. */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        Scenario s = Bench.scenarios().get(args[0]);
        if (s == null) {
            System.err.println("bench: no scenario '" + args[0] + "'");
            System.exit(2);
        }
        BenchOptions options = BenchOptions.fromArgs(List.of(args).subList(2, args.length));
        ScenarioResult r = Bench.runHere(s, options);
        ResultJson.writeOne(r, Path.of(args[1]));
        // connectors and servers may leave non-daemon threads behind; the result is written
        System.exit(0);
    }
}
