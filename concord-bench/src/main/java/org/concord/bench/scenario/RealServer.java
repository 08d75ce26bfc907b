package org.concord.bench.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.concord.bench.BenchOptions;
import org.concord.bench.Figure;
import org.concord.bench.Scenario;
import org.concord.bench.ScenarioResult;
import org.concord.bench.Target;
import org.concord.bench.data.ContactGenerator;
import org.concord.bench.harness.BenchStore;
import org.concord.bench.harness.Dav;
import org.concord.bench.harness.Hub;
import org.concord.bench.harness.Pacer;
import org.concord.bench.harness.TimedConnector;
import org.concord.bench.measure.Latencies;
import org.concord.bench.measure.ProcessStats;
import org.concord.bench.servers.DavClient;
import org.concord.bench.servers.DavServer;
import org.concord.bench.servers.Programs;
import org.concord.bench.servers.Radicale;
import org.concord.bench.servers.Xandikos;
import org.concord.codec.VCardCodec;
import org.concord.engine.Engine;
import org.concord.engine.SystemSpec;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * Scenario 4, real servers end to end: the hub runs continuously between Radicale and Xandikos
 * (and between two Radicales), both polled every 250 ms. A plain client PUTs 200 changes on the
 * source (160 new contacts, then 40 edits of them), one every 150 ms; each change's delay runs
 * from the start of its PUT to the return of the {@code setChanges} that wrote it to the target.
 * Expected by construction: about half the poll interval, plus the source's answer to the
 * sync-collection REPORT, plus the target's PUT.
 */
public final class RealServer implements Scenario {
    static final String POLL = "250ms";
    static final double TARGET_P99_MS = 500;

    @Override
    public String name() {
        return "real-server";
    }

    @Override
    public String summary() {
        return "Radicale → Xandikos and Radicale → Radicale, 250 ms poll: PUT on the source → arrival on the target, "
                + "p50/p99 over 200 changes (target p99 ≤ 500 ms)";
    }

    @Override
    public void run(BenchOptions o, Path dir, ScenarioResult r) throws Exception {
        for (String[] need : new String[][] {{"radicale", "radicale"}, {"xandikos", "xandikos"}}) {
            var problem = Programs.require(need[0], need[1], o.install());
            if (problem.isPresent()) {
                r.skipped(problem.get());
                return;
            }
        }
        int changes = o.size(200, 10);
        try (Radicale source = Radicale.start("radicale", dir.resolve("radicale"));
                Xandikos target = Xandikos.start("xandikos", dir.resolve("xandikos"))) {
            measure("radicale → xandikos", source, target, changes, dir.resolve("state-x"), r);
        }
        try (Radicale source = Radicale.start("radicale", dir.resolve("radicale-a"));
                Radicale target = Radicale.start("radicale-b", dir.resolve("radicale-b"))) {
            measure("radicale → radicale", source, target, changes, dir.resolve("state-r"), r);
        }
    }

    private static void measure(String label, DavServer source, DavServer target, int changes, Path stateDir,
            ScenarioResult r) throws Exception {
        label = label + ", " + changes + " changes, poll " + POLL;
        int creates = changes - changes / 5;
        Map<String, Long> putAt = new ConcurrentHashMap<>();
        Latencies delays = new Latencies();
        TimedConnector.Arrivals arrivals = (writes, results, at) -> {
            for (int k = 0; k < writes.size(); k++) {
                if (results.get(k) instanceof WriteResult.Written && writes.get(k) instanceof Write.Create c) {
                    take(putAt, key(c.payload()), at, delays);
                } else if (results.get(k) instanceof WriteResult.Written && writes.get(k) instanceof Write.Update u) {
                    take(putAt, key(u.payload()), at, delays);
                }
            }
        };
        Files.createDirectories(stateDir);
        try (BenchStore store = BenchStore.sqlite(stateDir)) {
            TimedConnector timedTarget = new TimedConnector(Dav.connector("target", target.systemSettings(POLL)), arrivals);
            Engine engine = Hub.engine(store.store(), List.of(
                    new SystemSpec("source", Dav.connector("source", source.systemSettings(POLL)), Duration.ofMillis(250)),
                    new SystemSpec("target", timedTarget, Duration.ofMillis(250))));
            engine.start();
            try {
                awaitCaughtUp(engine, Duration.ofSeconds(60));
                DavClient phone = source.client();
                Latencies putTimes = new Latencies();
                long sourceCpu = source.cpuNanos();
                long targetCpu = target.cpuNanos();
                long hubCpu = ProcessStats.cpuNanos();
                long start = System.nanoTime();
                Pacer pacer = new Pacer(1000.0 / 150);
                for (int k = 0; k < changes; k++) {
                    pacer.awaitNext();
                    int i = k < creates ? k : k - creates;
                    int edit = k < creates ? 0 : 1;
                    String card = ContactGenerator.vcard(i, edit);
                    putAt.put(key(VCardCodec.decode(card)), System.nanoTime());
                    long sent = System.nanoTime();
                    int status = phone.put(source.addressBookPath() + ContactGenerator.fileStem(i) + ".vcf", card);
                    putTimes.add(System.nanoTime() - sent);
                    if (status >= 300) {
                        throw new IllegalStateException(source.name() + " answered HTTP " + status + " to the PUT of change " + k);
                    }
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!putAt.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Latencies.Summary s = delays.summary();
                r.add(label, Figure.of("p50", s.p50Millis(), "ms"));
                r.add(label, Figure.of("p99", s.p99Millis(), "ms", Target.atMost(TARGET_P99_MS)));
                r.add(label, Figure.of("max", s.maxMillis(), "ms"));
                r.add(label, Figure.of("changes arrived", s.count(), "changes"));
                r.add(label, Figure.of("client PUT on the source, p50", putTimes.summary().p50Millis(), "ms"));
                Latencies.Summary calls = timedTarget.writeCalls().summary();
                r.add(label, Figure.of("hub's write calls to the target, p50", calls.p50Millis(), "ms"));
                r.add(label, Figure.of("hub's write calls to the target, p99", calls.p99Millis(), "ms"));
                r.add(label, Figure.of("source server CPU", (source.cpuNanos() - sourceCpu) / 1e9 / seconds, "cores"));
                r.add(label, Figure.of("target server CPU", (target.cpuNanos() - targetCpu) / 1e9 / seconds, "cores"));
                r.add(label, Figure.of("hub CPU", (ProcessStats.cpuNanos() - hubCpu) / 1e9 / seconds, "cores"));
                if (!putAt.isEmpty()) {
                    r.note(label, putAt.size() + " changes had not arrived 60 s after the last PUT");
                }
            } finally {
                engine.close();
            }
        }
    }

    private static String key(org.concord.model.Payload p) {
        return p.uid().orElse("") + "|" + p.label();
    }

    private static void take(Map<String, Long> putAt, String key, long at, Latencies delays) {
        Long sent = putAt.remove(key);
        if (sent != null) {
            delays.add(at - sent);
        }
    }

    static void awaitCaughtUp(Engine engine, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            var status = engine.status();
            if (status.allUp() && status.systems().stream().allMatch(s -> s.caughtUp())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the hub did not catch up with the servers within " + limit.toSeconds() + " s: "
                + engine.status().systems().stream().map(s -> s.name() + " " + s.reason().orElse("")).toList());
    }
}
