package org.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, proven the hard way: the agent runs as its own process over three folders while
 * this test keeps creating, editing and deleting numbered contacts in all of them, and kills the
 * agent with SIGKILL at random moments (20 times by default), restarting it each time. At the end
 * every folder holds the same items, each UID once, with equal contents, and every edit nobody
 * superseded is there — exactly once (a conflicting edit as its copy).
 *
 * <p>{@code CONCORD_CRASH_KILLS=200} makes it a soak (see the README).
 */
class CrashSafetyIT {
    private static final Pattern EDIT = Pattern.compile("FN:Edit (\\d+)");
    private static final List<String> SYSTEMS = List.of("one", "two", "three");

    // Kept when the test fails: the folders, agent.log and the store tell what happened.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private final Random random = new Random(Long.getLong("concord.crash.seed", System.nanoTime()));
    private final Set<Integer> superseded = new HashSet<>();
    private int edits;
    private int lineages;

    @Test
    void killedAtRandomMomentsTheAgentLosesAndDoublesNothing() throws Exception {
        int kills = Integer.parseInt(System.getenv().getOrDefault("CONCORD_CRASH_KILLS", "20"));
        Path jar = Path.of("target", "concord.jar").toAbsolutePath();
        assertThat(jar).as("the shaded jar (built in the package phase)").exists();
        Path config = dir.resolve("concord.yaml");
        StringBuilder yaml = new StringBuilder("store: state/concord.db\nsystems:\n");
        for (String s : SYSTEMS) {
            Files.createDirectories(dir.resolve(s).resolve("alice/contacts"));
            yaml.append("  ").append(s).append(":\n    connector: vdir\n    path: ").append(s).append("\n");
        }
        yaml.append("conflicts:\n  policy: duplicate\n");
        Files.writeString(config, yaml);

        for (int i = 0; i < 10; i++) {
            create(SYSTEMS.get(i % SYSTEMS.size()));
        }
        for (int k = 0; k < kills; k++) {
            Process agent = start(jar, config, "run");
            long until = System.nanoTime() + Duration.ofMillis(1500 + random.nextInt(2500)).toNanos();
            while (System.nanoTime() < until) {
                act();
                Thread.sleep(random.nextInt(30));
            }
            agent.destroyForcibly(); // SIGKILL
            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // Sometimes edit while the agent is dead: those edits must be picked up on restart.
            for (int i = random.nextInt(4); i > 0; i--) {
                act();
            }
        }
        // Quiet now: a final catch-up, twice (the second must find nothing to do).
        for (int round = 0; round < 2; round++) {
            Process sync = start(jar, config, "sync", "--once");
            assertThat(sync.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(sync.exitValue()).as("sync --once exit code, round %d (see %s)", round, dir.resolve("agent.log")).isZero();
        }

        int items;
        try {
            items = check(kills);
        } catch (AssertionError e) {
            System.out.println(diagnosis());
            throw e;
        }
        System.out.printf("crash harness: %d kills, %d edits, %d items at the end%n", kills, edits, items);
    }

    /** Asserts that every folder holds the same items, each once, and every edit nobody superseded; returns the item count. */
    private int check(int kills) throws IOException {
        Map<String, Map<String, String>> byUid = new TreeMap<>();
        for (String s : SYSTEMS) {
            byUid.put(s, contents(s));
        }
        Map<String, String> reference = byUid.get(SYSTEMS.get(0));
        for (String s : SYSTEMS) {
            assertThat(byUid.get(s)).as("items of %s vs %s", s, SYSTEMS.get(0)).isEqualTo(reference);
        }
        for (int e = 0; e < edits; e++) {
            if (superseded.contains(e)) {
                continue;
            }
            for (String s : SYSTEMS) {
                final int edit = e;
                long copies = byUid.get(s).values().stream().filter(c -> c.equals("Edit " + edit)).count();
                assertThat(copies).as("edit %d in %s (kills: %d, edits: %d)", e, s, kills, edits).isEqualTo(1);
            }
        }
        return reference.size();
    }

    /** What the hub recorded for every UID that is not the same once in every folder: for the failure report. */
    private String diagnosis() {
        StringBuilder out = new StringBuilder("crash harness diagnosis (folders kept in " + dir + ")\n");
        try {
            Map<String, List<String>> filesByUid = new TreeMap<>();
            for (String s : SYSTEMS) {
                for (Path f : files(s)) {
                    Read r = read(f);
                    filesByUid.computeIfAbsent(r == null ? "?" : r.uid(), u -> new ArrayList<>())
                            .add(s + "/" + f.getFileName() + (r == null ? "" : " Edit " + r.edit()));
                }
            }
            List<String> odd = filesByUid.entrySet().stream()
                    .filter(e -> e.getValue().size() != SYSTEMS.size()
                            || e.getValue().stream().map(v -> v.replaceAll("^.*Edit", "")).distinct().count() > 1)
                    .map(Map.Entry::getKey).toList();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("state/concord.db"))) {
                for (String uid : odd) {
                    out.append("UID ").append(uid).append(": ").append(filesByUid.get(uid)).append('\n');
                    try (var q = c.prepareStatement("SELECT h.global_id, h.happened_at, h.system_name, h.action, h.detail FROM history h "
                            + "WHERE h.global_id IN (SELECT global_id FROM history WHERE detail LIKE ?) "
                            + "OR h.global_id IN (SELECT global_id FROM items WHERE uid = ?) ORDER BY h.id")) {
                        q.setString(1, "%" + uid + "%");
                        q.setString(2, uid);
                        try (var rs = q.executeQuery()) {
                            while (rs.next()) {
                                out.append("  ").append(rs.getString(1)).append(' ').append(java.time.Instant.ofEpochMilli(rs.getLong(2)))
                                        .append(' ').append(rs.getString(3)).append(' ').append(rs.getString(4)).append(": ")
                                        .append(rs.getString(5)).append('\n');
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            out.append("(diagnosis failed: ").append(e).append(")\n");
        }
        return out.toString();
    }

    private Process start(Path jar, Path config, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-c", config.toString()));
        return new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("agent.log").toFile()))
                .start();
    }

    // ---- the "user": creates, edits and deletes in all folders

    private void act() throws IOException {
        String system = SYSTEMS.get(random.nextInt(SYSTEMS.size()));
        List<Path> files = files(system);
        int dice = random.nextInt(10);
        if (files.isEmpty() || dice < 3) {
            create(system);
        } else if (dice < 9) {
            edit(files.get(random.nextInt(files.size())));
        } else {
            delete(files.get(random.nextInt(files.size())));
        }
    }

    private void create(String system) throws IOException {
        String uid = "crash-" + (lineages++);
        write(dir.resolve(system).resolve("alice/contacts/" + uid + ".vcf"), card(uid, edits++), null);
    }

    private void edit(Path file) throws IOException {
        Read before = read(file);
        if (before == null) {
            return;
        }
        superseded.add(before.edit());
        write(file, card(before.uid(), edits++), before.key());
    }

    private void delete(Path file) throws IOException {
        Read before = read(file);
        if (before == null) {
            return;
        }
        superseded.add(before.edit());
        Object now = key(file);
        if (now != null && !now.equals(before.key())) {
            Read replaced = read(file);
            if (replaced != null) {
                superseded.add(replaced.edit());
            }
        }
        try {
            Files.delete(file);
        } catch (NoSuchFileException gone) {
            // the agent deleted it meanwhile: that is fine
        }
    }

    /** Writes as an editor does (temp file, rename); an agent write that slipped in since our read is superseded too. */
    private void write(Path file, String text, Object readKey) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".edit");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        if (readKey != null) {
            Object now = key(file);
            if (now != null && !now.equals(readKey)) {
                Read replaced = read(file);
                if (replaced != null) {
                    superseded.add(replaced.edit());
                }
            }
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String card(String uid, int edit) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:Edit " + edit + "\r\nN:" + edit + ";Edit;;;\r\nEND:VCARD\r\n";
    }

    private record Read(String uid, int edit, Object key) {}

    private static Read read(Path file) throws IOException {
        try {
            Object key = key(file);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = EDIT.matcher(text);
            Matcher u = Pattern.compile("UID:([^\\r\\n]+)").matcher(text);
            if (!m.find() || !u.find()) {
                return null;
            }
            return new Read(u.group(1), Integer.parseInt(m.group(1)), key);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    private static Object key(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime().toMillis(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    private List<Path> files(String system) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(system).resolve("alice/contacts"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".vcf")).sorted().toList();
        }
    }

    /** UID -> "Edit N" of every contact in a folder; fails on a UID seen twice. */
    private Map<String, String> contents(String system) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Map<String, Path> where = new HashMap<>();
        for (Path f : files(system)) {
            Read r = read(f);
            assertThat(r).as("readable %s", f).isNotNull();
            Path other = where.put(r.uid(), f);
            assertThat(other).as("UID %s twice in %s: %s and %s", r.uid(), system, other, f).isNull();
            out.put(r.uid(), "Edit " + r.edit());
        }
        return out;
    }

}
