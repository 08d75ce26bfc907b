package org.concord.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.concord.bench.Bench;
import org.concord.bench.BenchOptions;
import org.concord.bench.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code concord bench}: the benchmark scenarios of BENCHMARKS.md. */
@Command(name = "bench", description = {
    "Measure Concord against its goals: run benchmark scenarios (all by default), print a table and "
            + "write the same figures as JSON. See BENCHMARKS.md.",
    "Scenarios: hub-latency, throughput, initial-sync, real-server, vdirsyncer, outage-drain, micro."})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SCENARIO", arity = "0..*", description = "Scenarios to run (default: all).")
    List<String> scenarios = List.of();

    @Option(names = "--quick", description = "A seconds-long smoke version of every scenario (what CI runs).")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
    Path json;

    @Option(names = "--million", description = "Initial sync of 1,000,000 contacts instead of 100,000 (takes long, needs ~3 GB of disk).")
    boolean million;

    @Option(names = "--contacts", paramLabel = "N", description = "Initial sync of N contacts.")
    Integer contacts;

    @Option(names = "--postgres", paramLabel = "URL", defaultValue = BenchOptions.DEFAULT_POSTGRES,
            description = "An existing PostgreSQL database to create the benchmark databases from (default ${DEFAULT-VALUE}).")
    String postgres;

    @Option(names = "--work", paramLabel = "DIR", description = "Where scenarios put folders and stores (default: the temp folder).")
    Path work;

    @Option(names = "--no-install", description = "Never apt-get install a missing program (radicale, xandikos, vdirsyncer); skip its scenario.")
    boolean noInstall;

    @Option(names = "--profile", description = "Record a JFR profile of every scenario into the work folder.")
    boolean profile;

    @Option(names = "--keep", description = "Keep the scenarios' folders for a look afterwards.")
    boolean keep;

    @Option(names = "--list", description = "List the scenarios and exit.")
    boolean list;

    @Override
    public Integer call() throws Exception {
        if (list) {
            for (Scenario s : Bench.scenarios().values()) {
                System.out.printf("%-14s %s%n", s.name(), s.summary());
            }
            return ExitCodes.OK;
        }
        for (String s : scenarios) {
            if (!Bench.scenarios().containsKey(s)) {
                System.err.println("concord: bench: no scenario '" + s + "'; scenarios: "
                        + String.join(", ", Bench.scenarios().keySet()));
                return ExitCodes.USAGE;
            }
        }
        int n = contacts != null ? contacts : million ? 1_000_000 : BenchOptions.DEFAULT_CONTACTS;
        if (n < 1) {
            System.err.println("concord: bench: --contacts must be positive, found " + n);
            return ExitCodes.USAGE;
        }
        Path dir = work != null ? work.toAbsolutePath() : Path.of(System.getProperty("java.io.tmpdir"));
        BenchOptions options = new BenchOptions(quick, n, postgres, dir, !noInstall && !quick, profile, keep, false);
        return Bench.run(options, scenarios, Optional.ofNullable(json), System.out);
    }
}
