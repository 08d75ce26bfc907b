package org.concord.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.concord.app.config.ConfigLoader;
import org.concord.app.demo.DemoWorkspace;
import org.concord.app.wiring.Agent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a user runs it: three folders, the agent running; files added, edited and deleted
 * in one folder show up in the other two; a restart loses and repeats nothing.
 */
class DemoEndToEndTest {
    @TempDir
    Path dir;

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (java.io.UncheckedIOException e) {
            // the hub's staged file (.concord-….tmp) can be renamed away while the walk visits it:
            // the callers poll again, as for any other I/O error
            throw e.getCause();
        }
    }

    private static String all(Path root) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Path p : files(root)) {
            b.append(Files.readString(p, StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static Duration await(BooleanSupplier condition, Duration max) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > max.toNanos()) {
                throw new AssertionError("not within " + max);
            }
            Thread.sleep(5);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static BooleanSupplier count(Path root, int n) {
        return () -> {
            try {
                return files(root).size() == n;
            } catch (IOException e) {
                return false;
            }
        };
    }

    private static BooleanSupplier contains(Path root, String text) {
        return () -> {
            try {
                return all(root).contains(text);
            } catch (IOException e) {
                return false;
            }
        };
    }

    @Test
    void addEditAndDeleteInOneFolderShowUpInTheOtherTwoAndARestartRepeatsNothing() throws Exception {
        DemoWorkspace ws = new DemoWorkspace(dir.resolve("demo"));
        assertThat(ws.createIfMissing()).isTrue();
        Path office = ws.system("office");
        Path laptop = ws.system("laptop");
        Path archive = ws.system("archive");
        int samples = files(office).size();
        assertThat(samples).isEqualTo(12);

        try (Agent agent = Agent.build(new ConfigLoader().load(ws.config()))) {
            agent.engine().start();
            await(count(laptop, samples), Duration.ofSeconds(30));
            await(count(archive, samples), Duration.ofSeconds(30));
            assertThat(all(archive)).contains("Ada Lovelace", "Bjørn Sørensen", "陈伟", "Team stand-up", "Office closed",
                    "Send renewal offer to Nordlys", "Ideas for the 2027 roadmap");

            Path ada = office.resolve("alice/contacts/ada-lovelace.vcf");
            Files.writeString(ada, Files.readString(ada).replace("TITLE:Head of Research", "TITLE:Chief Scientist"));
            Duration edit = await(contains(archive, "Chief Scientist"), Duration.ofSeconds(30));
            await(contains(laptop, "Chief Scientist"), Duration.ofSeconds(30));

            Files.writeString(laptop.resolve("alice/contacts/new-person.vcf"),
                    "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:new-person-1\r\nFN:Grace Hopper\r\nN:Hopper;Grace;;;\r\nEND:VCARD\r\n");
            Duration create = await(contains(office, "Grace Hopper"), Duration.ofSeconds(30));
            await(contains(archive, "Grace Hopper"), Duration.ofSeconds(30));

            try (Stream<Path> tasks = Files.list(laptop.resolve("alice/tasks"))) {
                for (Path t : tasks.toList()) {
                    Files.delete(t);
                }
            }
            Duration delete = await(() -> !contains(office, "Book flights to Oslo").getAsBoolean()
                    && !contains(archive, "Book flights to Oslo").getAsBoolean(), Duration.ofSeconds(30));
            System.out.printf("demo propagation: edit %d ms, create %d ms, delete %d ms%n",
                    edit.toMillis(), create.toMillis(), delete.toMillis());
            await(() -> agent.engine().status().pending() == 0, Duration.ofSeconds(30));
        }
        String officeBefore = all(office);
        String laptopBefore = all(laptop);
        String archiveBefore = all(archive);
        int filesBefore = files(office).size();
        assertThat(files(laptop)).hasSize(filesBefore);
        assertThat(files(archive)).hasSize(filesBefore);

        try (Agent agent = Agent.build(new ConfigLoader().load(ws.config()))) {
            var report = agent.engine().syncOnce(Duration.ofSeconds(60));
            assertThat(report.read()).as("changes read after a restart").isZero();
            assertThat(report.written()).as("writes after a restart").isZero();
            assertThat(report.complete()).isTrue();
        }
        assertThat(all(office)).isEqualTo(officeBefore);
        assertThat(all(laptop)).isEqualTo(laptopBefore);
        assertThat(all(archive)).isEqualTo(archiveBefore);
    }
}
