package org.concord.bench.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.bench.BenchOptions;
import org.concord.bench.Figure;
import org.concord.bench.Scenario;
import org.concord.bench.ScenarioResult;
import org.concord.bench.Target;
import org.concord.bench.data.ContactGenerator;
import org.concord.bench.harness.CronSync;
import org.concord.bench.harness.Folders;
import org.concord.bench.servers.DavClient;
import org.concord.bench.servers.DavServer;
import org.concord.bench.servers.Programs;
import org.concord.bench.servers.Radicale;
import org.concord.bench.servers.Vdirsyncer;

/**
 * Scenario 5, against vdirsyncer: the same data on the same kind of server, each tool run as a
 * user runs it (a new process per sync: {@code vdirsyncer sync} and {@code concord sync --once},
 * start-up included), one after the other. (a) A Radicale address book of 1,000 and 10,000
 * contacts into an empty folder (vdirsyncer's filesystem storage, Concord's vdir): first sync, a
 * sync with nothing new, a sync after 10 edits made by a client on Radicale. (b) Two Radicale
 * address books already holding the same 1,000 contacts (each tool its own pair of servers, so
 * neither sees the other's writes): a sync with nothing new and one after 10 edits. Radicale's
 * CPU during each run is given apart: writing into Radicale is slow in itself. Concord runs through
 * the {@code concord} launcher, with the JVM options and class-data archive a user's cron gets.
 */
public final class VsVdirsyncer implements Scenario {
    private static final int EDITS = 10;

    @Override
    public String name() {
        return "vdirsyncer";
    }

    @Override
    public String summary() {
        return "vs vdirsyncer: Radicale → folder (1,000 and 10,000 contacts) and Radicale ↔ Radicale (1,000): first, "
                + "no-op and 10-edit syncs (target first ≥ 5×, no-op ≥ 50× faster)";
    }

    @Override
    public void run(BenchOptions o, Path dir, ScenarioResult r) throws Exception {
        for (String[] need : new String[][] {{"radicale", "radicale"}, {"vdirsyncer", "vdirsyncer"}}) {
            Optional<String> problem = Programs.require(need[0], need[1], o.install());
            if (problem.isPresent()) {
                r.skipped(problem.get());
                return;
            }
        }
        if (!CronSync.available()) {
            r.skipped("the concord command is not on the class path: run this scenario from concord.jar");
            return;
        }
        CronSync.Launch launch = CronSync.launch(dir.resolve("launcher-cache"));
        r.note("how concord runs", launch.how() + "; the launcher's class-data archive is made by one untimed "
                + "first sync into a scratch folder, as a user's first cron run makes it");
        List<Integer> sizes = o.quick() ? List.of(50) : List.of(1_000, 10_000);
        for (int n : sizes) {
            toFolder(n, dir.resolve("folder-" + n), r, launch, n == sizes.getFirst());
        }
        between(o.size(1_000, 50), dir.resolve("pair"), r, launch);
    }

    private static void toFolder(int n, Path dir, ScenarioResult r, CronSync.Launch launch, boolean warmUp) throws Exception {
        String label = String.format("Radicale → empty folder, %,d contacts", n);
        long setUp = System.nanoTime();
        Folders.fill(Radicale.addressBookFolder(dir.resolve("radicale")), n);
        try (Radicale radicale = Radicale.start("radicale", dir.resolve("radicale"))) {
            warm(radicale);
            r.note(label, setUpNote(setUp, "Radicale filled, started and its item cache warmed"));
            if (warmUp) {
                Map<String, String> scratch = new LinkedHashMap<>();
                scratch.put("radicale", davYaml(radicale));
                scratch.put("folder", "connector: vdir\npath: " + dir.resolve("warm-up/folder"));
                long first = System.nanoTime();
                CronSync.configure(launch, dir.resolve("warm-up"), scratch).syncOnce();
                r.note(label, setUpNote(first, "the launcher's first sync (makes its class-data archive)"));
            }
            Vdirsyncer vds = Vdirsyncer.davToFolder(dir.resolve("vdirsyncer"), radicale, dir.resolve("vdirsyncer/folder"));
            Map<String, String> systems = new LinkedHashMap<>();
            systems.put("radicale", davYaml(radicale));
            systems.put("folder", "connector: vdir\npath: " + dir.resolve("concord/folder"));
            CronSync concord = CronSync.configure(launch, dir.resolve("concord"), systems);

            compare(r, label, "first sync", radicale, vds, concord, Target.atLeast(5));
            compare(r, label, "no-op sync", radicale, vds, concord, Target.atLeast(50));
            edit(radicale, n);
            compare(r, label, "sync after " + EDITS + " edits", radicale, vds, concord, null);
            long vf = Folders.countCards(dir.resolve("vdirsyncer/folder"));
            long cf = Folders.countCards(Folders.addressBook(dir.resolve("concord/folder")));
            r.note(label, "files in the folders afterwards: vdirsyncer " + vf + ", concord " + cf);
        }
    }

    private static void between(int n, Path dir, ScenarioResult r, CronSync.Launch launch) throws Exception {
        String label = String.format("Radicale ↔ Radicale already in sync, %,d contacts", n);
        List<Radicale> servers = new ArrayList<>();
        long setUp = System.nanoTime();
        try {
            for (String name : List.of("v-a", "v-b", "c-a", "c-b")) {
                Folders.fill(Radicale.addressBookFolder(dir.resolve(name)), n);
                servers.add(Radicale.start(name, dir.resolve(name)));
            }
            for (Radicale s : servers) {
                warm(s);
            }
            r.note(label, setUpNote(setUp, "four Radicales filled, started and their item caches warmed"));
            Vdirsyncer vds = Vdirsyncer.davToDav(dir.resolve("vdirsyncer"), servers.get(0), servers.get(1));
            Map<String, String> systems = new LinkedHashMap<>();
            systems.put("a", davYaml(servers.get(2)));
            systems.put("b", davYaml(servers.get(3)));
            CronSync concord = CronSync.configure(launch, dir.resolve("concord"), systems);
            Vdirsyncer.Run vFirst = vds.sync();
            CronSync.Run cFirst = concord.syncOnce();
            r.note(label, String.format(java.util.Locale.ROOT,
                    "first sync, matching the %,d contacts present on both sides: vdirsyncer %.1f s, concord %.1f s", n,
                    vFirst.seconds(), cFirst.seconds()));
            pairStep(r, label, "no-op sync", servers, vds, concord);
            edit(servers.get(0), n);
            edit(servers.get(2), n);
            pairStep(r, label, "sync after " + EDITS + " edits", servers, vds, concord);
        } finally {
            servers.forEach(Radicale::close);
        }
    }

    private static void pairStep(ScenarioResult r, String label, String step, List<Radicale> s, Vdirsyncer vds,
            CronSync concord) throws Exception {
        long cpu = s.get(0).cpuNanos() + s.get(1).cpuNanos();
        Vdirsyncer.Run v = vds.sync();
        double vServer = (s.get(0).cpuNanos() + s.get(1).cpuNanos() - cpu) / 1e9;
        cpu = s.get(2).cpuNanos() + s.get(3).cpuNanos();
        CronSync.Run c = concord.syncOnce();
        double cServer = (s.get(2).cpuNanos() + s.get(3).cpuNanos() - cpu) / 1e9;
        figures(r, label, step, v, vServer, c, cServer, null);
    }

    private static void compare(ScenarioResult r, String label, String step, Radicale radicale, Vdirsyncer vds,
            CronSync concord, Target speedUp) throws Exception {
        long cpu = radicale.cpuNanos();
        Vdirsyncer.Run v = vds.sync();
        double vServer = (radicale.cpuNanos() - cpu) / 1e9;
        cpu = radicale.cpuNanos();
        CronSync.Run c = concord.syncOnce();
        double cServer = (radicale.cpuNanos() - cpu) / 1e9;
        figures(r, label, step, v, vServer, c, cServer, speedUp);
    }

    private static void figures(ScenarioResult r, String label, String step, Vdirsyncer.Run v, double vServer,
            CronSync.Run c, double cServer, Target speedUp) {
        r.add(label, Figure.of(step + ": vdirsyncer", v.seconds(), "s"));
        r.add(label, Figure.of(step + ": concord", c.seconds(), "s"));
        double ratio = v.seconds() / c.seconds();
        r.add(label, speedUp == null ? Figure.of(step + ": concord faster by", ratio, "×")
                : Figure.of(step + ": concord faster by", ratio, "×", speedUp));
        r.add(label, Figure.of(step + ": CPU vdirsyncer", v.cpuSeconds(), "s"));
        r.add(label, Figure.of(step + ": CPU concord", c.cpuSeconds(), "s"));
        r.add(label, Figure.of(step + ": server CPU during vdirsyncer", vServer, "s"));
        r.add(label, Figure.of(step + ": server CPU during concord", cServer, "s"));
    }

    /** A client edits {@value #EDITS} contacts on the server, as a phone would. */
    private static void edit(DavServer server, int n) throws IOException, InterruptedException {
        DavClient phone = server.client();
        for (int k = 0; k < EDITS; k++) {
            int i = (int) ((long) k * n / EDITS);
            int status = phone.put(server.addressBookPath() + ContactGenerator.fileStem(i) + ".vcf",
                    ContactGenerator.vcard(i, 1));
            if (status >= 300) {
                throw new IOException(server.name() + " answered HTTP " + status + " to an edit");
            }
        }
    }

    /** Radicale reads and caches every item on first listing; neither tool should pay that alone. */
    private static void warm(DavServer server) throws IOException, InterruptedException {
        int status = server.client().listEtags(server.addressBookPath());
        if (status != 207) {
            throw new IOException(server.name() + " answered HTTP " + status + " to a PROPFIND of its address book");
        }
    }

    /** How long a case's untimed preparation took: it counts in the bench's own run time. */
    private static String setUpNote(long since, String what) {
        return String.format(java.util.Locale.ROOT, "set-up (untimed): %s in %.1f s", what, (System.nanoTime() - since) / 1e9);
    }

    private static String davYaml(DavServer s) {
        return """
                connector: dav
                url: %s
                username: %s
                password: %s
                types: [contact]
                collections:
                  contact: %s
                """.formatted(s.url(), DavServer.USER, s.password(), s.addressBookPath());
    }
}
